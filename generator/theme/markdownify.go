package theme

import (
	"fmt"
	"html/template"
	"strings"

	"yipin/generator/diag"
	"yipin/generator/site"
)

// markdownify returns the markdownify template function: a short Markdown
// text, such as a front-matter field, as HTML. With Env.MarkdownifyLinks
// its links are resolved as in page bodies (a .md file becomes its page's
// URL, a site path gets the base path, a page that does not exist is an
// error): relative to the page given after the text
// ({{ markdownify .Brand.Meaning $ }}), or to the content folder when the
// template gives none. Template functions do not know the page being
// rendered; the template says it.
func (t *Theme) markdownify(env Env) func(s string, from ...*site.Page) (template.HTML, error) {
	return func(s string, from ...*site.Page) (template.HTML, error) {
		if len(from) > 1 {
			return "", &funcError{
				msg:  fmt.Sprintf("markdownify 只接受一段文字和一个页面,这里给了 %d 个页面", len(from)),
				hint: "用法:" + funcUsage["markdownify"],
			}
		}
		var page *site.Page
		if len(from) == 1 {
			page = from[0]
		}
		if env.MarkdownifyLinks == nil {
			return env.Markdownify(s), nil
		}
		html, ds := env.MarkdownifyLinks(s, linkResolver(page, env.Site))
		for _, d := range ds {
			if d.Severity == diag.Error {
				return "", linkError(d, page)
			}
		}
		return html, nil
	}
}

// linkResolver resolves the links of markdownify from page, or from the
// content folder when page is nil. It is nil when there is no site yet.
func linkResolver(page *site.Page, current func() *site.Site) func(dest string) (string, *diag.Diagnostic) {
	var s *site.Site
	if page != nil {
		s = page.Site
	}
	if s == nil && current != nil {
		s = current()
	}
	if s == nil {
		return nil
	}
	from := page
	if from == nil {
		from = &site.Page{} // a page at the root of content/: relative links start there
	}
	return func(dest string) (string, *diag.Diagnostic) { return s.ResolveLink(from, dest) }
}

// linkError is the template error for a link of markdownify that does
// not resolve; the template's position and the page being rendered are
// added by the caller.
func linkError(d *diag.Diagnostic, page *site.Page) error {
	where := "没有给页面时,相对路径从 content/ 文件夹算起;要从某一页算起,把页面写在文字后面,例如 " + funcUsage["markdownify"]
	if page != nil && page.File != "" {
		where = "相对路径从 " + page.File + " 所在的文件夹算起"
	}
	hint := "检查文件名和路径;" + where
	if d.Hint != "" && !strings.Contains(d.Hint, "本文件") { // the site's hint speaks of page bodies
		hint = d.Hint + ";" + where
	}
	return &funcError{msg: "markdownify 的文字里," + d.Message, hint: hint}
}
