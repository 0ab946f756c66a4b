package site

import (
	"path"
	"strings"

	"yipin/generator/diag"
)

// ResolveLink turns a link written in the page's Markdown into the URL to
// publish. A relative path to a .md file becomes the target page's URL
// ("../cases/145.md#成效" → "/dangjian/cases/145/#成效"); a relative path to
// another content file becomes that file's URL; a site path ("/news/")
// gets the base path. A link to a page that does not exist is an error.
// The returned diagnostic has no position: the caller knows where the link is.
func (s *Site) ResolveLink(from *Page, dest string) (string, *diag.Diagnostic) {
	target, frag := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		target, frag = dest[:i], dest[i:]
	}
	if target == "" {
		return dest, nil
	}
	var contentPath string
	if strings.HasPrefix(target, "/") {
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
		return dest, diag.New("", 0, 0, "链接的页面不存在:%s", dest).
			WithHint("检查文件名和路径;路径相对于本文件所在的文件夹,例如 ../cases/145.md")
	}
	if sitePath, ok := s.byFile[contentPath]; ok {
		return s.Config.RelURL(sitePath) + frag, nil
	}
	if strings.HasPrefix(target, "/") {
		return s.Config.RelURL(target) + frag, nil
	}
	return dest, nil
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
