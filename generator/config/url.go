package config

import (
	"net/url"
	"strings"

	"yipin/generator/diag"
)

// normalizeBaseURL checks a base_url value and returns it ending with "/".
// On failure it returns a Chinese message and hint.
func normalizeBaseURL(s string) (norm, msg, hint string) {
	s = strings.TrimSpace(s)
	const example = "写完整网址,例如 https://www.example.gov.cn/ ;网站放在子目录时写 https://www.example.gov.cn/dangjian/ ;只在本机预览可以写 /"
	bad := func(why string) (string, string, string) {
		return "", "base_url “" + clip(s) + "” " + why, example
	}
	switch {
	case s == "":
		return DefaultBaseURL, "", ""
	case strings.ContainsAny(s, " \t\\\"<>{}|^`") || hasControl(s):
		return bad("含有空格、反斜杠等不能出现在网址里的字符")
	case strings.HasPrefix(s, "//"):
		return bad("缺少 http:// 或 https://")
	case strings.HasPrefix(s, "/"):
		if strings.ContainsAny(s, "?#") {
			return bad("不能带有 ? 或 # 部分")
		}
		if hasDotDot(s) {
			return bad("不能含有 “..”")
		}
		return withSlash(s), "", ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		if !strings.Contains(s, "://") && strings.Contains(s, ".") {
			return "", "base_url “" + clip(s) + "” 缺少 http:// 或 https://", "在前面加上 https://,写成 https://" + withSlash(s)
		}
		return bad("不是有效的网址")
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return bad("只能以 http:// 或 https:// 开头")
	case u.Host == "" || u.Opaque != "":
		return bad("缺少域名")
	case u.User != nil:
		return bad("不能含有用户名或密码")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || strings.Contains(s, "#"):
		return bad("不能带有 ? 或 # 部分")
	case hasDotDot(u.EscapedPath()):
		return bad("不能含有 “..”")
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	return scheme + "://" + strings.ToLower(u.Host) + withSlash(path), "", ""
}

func withSlash(s string) string {
	if !strings.HasSuffix(s, "/") {
		return s + "/"
	}
	return s
}

func hasDotDot(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) {
			return true
		}
	}
	return false
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "……"
	}
	return s
}

// CheckBaseURL checks s, the value of the command line's --base-url, like
// base_url in site.yaml, and returns it ending with "/", or a diagnostic
// that names the flag. The CLI calls it before building, so that a
// mistyped flag is a usage error.
func CheckBaseURL(s string) (string, *diag.Diagnostic) {
	norm, msg, hint := normalizeBaseURL(s)
	if msg != "" {
		msg = "--base-url" + strings.TrimPrefix(msg, "base_url") // the messages speak of site.yaml's key
		return "", diag.New("命令行参数 --base-url", 0, 0, "%s", msg).WithHint("%s", hint)
	}
	return norm, nil
}

// SetBaseURL checks s like base_url in site.yaml and, when it is valid,
// uses it instead; this is for the CLI's --base-url flag. It returns nil
// on success.
func (c *Config) SetBaseURL(s string) *diag.Diagnostic {
	norm, d := CheckBaseURL(s)
	if d != nil {
		return d
	}
	c.BaseURL, c.baseURLFlag = norm, true
	return nil
}

// PathOnlyBaseURL returns a warning when the base URL is only a path ("/"
// or "/dangjian/"), and nil when it is a full URL: sitemap.xml, the RSS
// feeds, robots.txt and canonical links then carry addresses without a
// domain, which those formats do not allow. A build calls it once; the
// preview server, whose base URL is its own address, has no need to.
func (c *Config) PathOnlyBaseURL() *diag.Diagnostic {
	if c.Domain() != "" {
		return nil
	}
	const what = "sitemap.xml、RSS 订阅、robots.txt 和 canonical 里的网址将没有域名,搜索引擎和订阅软件无法使用"
	hint := "发布前在 site.yaml 里把 base_url 设为完整网址,例如 base_url: https://www.example.gov.cn/dangjian/ ," +
		"或构建时加 --base-url https://…;只在本机查看时可以不管这条提醒"
	switch {
	case c.baseURLFlag:
		return diag.Warn("命令行参数 --base-url", 0, 0, "--base-url “%s” 只是路径,不是完整网址:%s", c.BaseURL, what).
			WithHint("把 --base-url 写成完整网址,例如 --base-url https://www.example.gov.cn/dangjian/")
	case c.baseURLAt.line > 0:
		return diag.Warn(c.file, c.baseURLAt.line, c.baseURLAt.col, "base_url “%s” 只是路径,不是完整网址:%s", c.BaseURL, what).
			WithHint("%s", hint).WithSource(c.src)
	}
	return diag.Warn(c.file, 0, 0, "没有设置网站地址 base_url:%s", what).WithHint("%s", hint)
}

// splitBase splits the base URL into its origin ("https://example.gov.cn",
// empty for a path-only base) and its path ("/dangjian/").
func (c *Config) splitBase() (origin, path string) {
	b := c.BaseURL
	if b == "" {
		return "", "/"
	}
	if i := strings.Index(b, "://"); i >= 0 {
		rest := b[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return b, "/"
		}
		return b[:i+3+j], withSlash(rest[j:])
	}
	return "", withSlash("/" + strings.TrimLeft(b, "/"))
}

// BasePath is the path part of the base URL, starting and ending with "/"
// ("/" or e.g. "/dangjian/").
func (c *Config) BasePath() string {
	_, p := c.splitBase()
	return p
}

// Domain is the host name of the base URL (without port), or "" when the
// base URL is only a path.
func (c *Config) Domain() string {
	origin, _ := c.splitBase()
	if origin == "" {
		return ""
	}
	u, err := url.Parse(origin)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// RelURL turns a site-root path ("/news/a/" or "news/a/") into a path
// under the base path ("/dangjian/news/a/"), without double slashes. Full
// URLs ("https://…", "mailto:…", "//host/…") and fragments ("#top") are
// returned unchanged.
func (c *Config) RelURL(p string) string {
	if passThrough(p) {
		return p
	}
	return c.BasePath() + cleanSlashes(strings.TrimLeft(p, "/"))
}

// AbsURL is RelURL with the scheme and host of the base URL in front
// ("https://example.gov.cn/dangjian/news/a/"). When the base URL is only a
// path it returns the same as RelURL.
func (c *Config) AbsURL(p string) string {
	if passThrough(p) {
		return p
	}
	origin, _ := c.splitBase()
	return origin + c.RelURL(p)
}

// passThrough reports whether p is a full URL or a fragment, which RelURL
// and AbsURL leave alone.
func passThrough(p string) bool {
	if strings.HasPrefix(p, "#") || strings.HasPrefix(p, "//") {
		return true
	}
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch {
		case ch == ':':
			return i > 0
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z':
		case i > 0 && ('0' <= ch && ch <= '9' || ch == '+' || ch == '-' || ch == '.'):
		default:
			return false
		}
	}
	return false
}

// cleanSlashes collapses repeated slashes in the path part of p (before
// any ? or #).
func cleanSlashes(p string) string {
	end := len(p)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		end = i
	}
	if !strings.Contains(p[:end], "//") {
		return p
	}
	var b strings.Builder
	for i := 0; i < end; i++ {
		if p[i] == '/' && i > 0 && p[i-1] == '/' {
			continue
		}
		b.WriteByte(p[i])
	}
	b.WriteString(p[end:])
	return b.String()
}
