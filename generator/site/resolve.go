package site

import (
	"net/url"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"

	"yipin/generator/diag"
)

// ResolveLink turns a link written in the page's Markdown into the URL to
// publish. A relative path to a .md file becomes the target page's URL
// ("../cases/145.md#成效" → "/dangjian/cases/145/#成效"); a relative path to
// another content file becomes that file's URL, and one to a content
// folder the URL of its section; a site path ("/news/") gets the base
// path. Paths may be percent-encoded ("my%20case.md"), as editors write
// them, and in either Unicode normal form. A relative link to a page, file or folder that does not exist is
// an error: under pretty URLs it would not work even if the file existed.
// The returned diagnostic has no position: the caller knows where the link is.
func (s *Site) ResolveLink(from *Page, dest string) (string, *diag.Diagnostic) {
	target, frag := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		target, frag = dest[:i], dest[i:]
	}
	if target == "" {
		return dest, nil
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	target = norm.NFC.String(target) // as content paths are (content.NormPath)
	rooted := strings.HasPrefix(target, "/")
	var contentPath string
	if rooted {
		contentPath = strings.TrimPrefix(path.Clean(target), "/")
	} else {
		contentPath = path.Join(from.contentDir(), target)
		if strings.HasPrefix(contentPath, "../") || contentPath == ".." {
			return dest, diag.New("", 0, 0, "链接 %s 指向了内容文件夹之外", dest).
				WithHint("链接路径相对于本文件所在的文件夹,请检查 ../ 的层数")
		}
	}
	if strings.HasSuffix(strings.ToLower(target), ".md") {
		if p := s.bySource[contentPath]; p != nil {
			return p.RelPermalink() + frag, nil
		}
		if why, ok := s.excluded[contentPath]; ok {
			return dest, diag.New("", 0, 0, "链接的页面 %s 没有发布(%s)", dest, why).
				WithHint("等目标页面发布后再链接,或去掉这个链接;预览时可加 --drafts 或 --future")
		}
		if s.failed[contentPath] {
			return dest, nil // the file's own errors are reported
		}
		return dest, diag.New("", 0, 0, "链接的页面不存在:%s", dest).
			WithHint("检查文件名和路径;路径相对于本文件所在的文件夹,例如 ../cases/145.md")
	}
	if sitePath, ok := s.byFile[contentPath]; ok {
		return s.Config.RelURL(sitePath) + frag, nil
	}
	if rooted {
		if s.published != nil && !s.published(target) {
			return dest, diag.New("", 0, 0, "链接的站内网址 %s 没有对应的页面或文件", dest).
				WithHint("站内网址以 / 开头、不带 base_url 的路径前缀,例如 /news/;链接文章时也可以写它的 .md 文件路径,例如 ../cases/145.md")
		}
		return s.Config.RelURL(target) + frag, nil
	}
	if p := s.folderPage(contentPath); p != nil {
		return p.RelPermalink() + frag, nil
	}
	if s.holdsFiles(contentPath) {
		return dest, diag.New("", 0, 0, "链接的文件夹 %s 不是一个页面:里面没有 _index.md 或 index.md", dest).
			WithHint("链接到文件夹里的某个文件,例如 %s/通知.pdf;或在文件夹里加一个 _index.md,让它成为栏目", strings.TrimSuffix(dest, "/"))
	}
	return dest, diag.New("", 0, 0, "链接的文件或文件夹不存在:%s", dest).
		WithHint("不以 / 开头的链接相对于本文件所在的文件夹,指向 content/ 里的文件,例如 ../cases/145.md、files/通知.pdf;" +
			"要链接站内网址,请以 / 开头,例如 /news/")
}

// SetPublished gives the site what tells whether a site path leads to a
// file the build writes ("/news/" to news/index.html): links of pages to
// site paths are then checked as their links to .md files are. Without it
// they are taken as written.
func (s *Site) SetPublished(published func(sitePath string) bool) { s.published = published }

// holdsFiles reports whether the content folder dir holds published
// files, though no page: only on the way to an error.
func (s *Site) holdsFiles(dir string) bool {
	for p := range s.byFile {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

// folderPage is the page a content folder makes: its section, or the
// page of a page bundle.
func (s *Site) folderPage(dir string) *Page {
	if dir == "." {
		dir = ""
	}
	if p := s.bySource[path.Join(dir, "index.md")]; p != nil {
		return p
	}
	if p := s.byPath[dirURL(slugPath(dir))]; p != nil && (p.Kind == KindSection || p.Kind == KindHome) && p.Dir == dir {
		return p
	}
	return nil
}

// contentDir is the folder that relative links in the page start from.
func (p *Page) contentDir() string {
	if p.src == nil {
		return p.Dir
	}
	d := path.Dir(p.src.Path)
	if d == "." {
		return ""
	}
	return d
}
