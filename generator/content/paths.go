package content

import (
	"net/url"
	"strings"
)

// pathProblem says in Chinese what is wrong with the site path p, or ""
// when it is fine. outside tells whether p could lead outside the output
// folder (a path like "../x", "\x", "//host" or "https://…"), as opposed to
// merely holding characters that cannot be used in a file name.
func pathProblem(p string) (why string, outside bool) {
	if why, outside := rawProblem(p); why != "" {
		return why, outside
	}
	if dec, err := url.PathUnescape(p); err == nil && dec != p {
		if why, outside := rawProblem(dec); why != "" {
			return why, outside
		}
	}
	// The path becomes both a folder name and a URL: "%" and "#" would
	// mean one thing on disk and another in a browser.
	if i := strings.IndexAny(p, "%#"); i >= 0 {
		return "含有不能用在网址和文件名里的字符 “" + p[i:i+1] + "”", false
	}
	return "", false
}

func rawProblem(p string) (string, bool) {
	for _, r := range p {
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) {
			return "含有看不见的控制字符", true
		}
	}
	switch {
	case strings.Contains(p, "\\"):
		return "不能含有反斜杠 “\\”", true
	case strings.Contains(p, "://"):
		return "不能是站外网址", true
	case strings.HasPrefix(p, "//"):
		return "不能以 “//” 开头", true
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "不能含有 “..”", true
		}
	}
	if i := strings.IndexAny(p, ":*?\"<>|"); i >= 0 {
		return "含有不能用在网址和文件名里的字符 “" + p[i:i+1] + "”", false
	}
	return "", false
}
