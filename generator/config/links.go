package config

import (
	"strings"

	"yipin/generator/diag"
)

// SiteLink is a link site.yaml makes to one of the site's own pages or
// files ("/news/", "/images/dzjg.png"): a menu item, a footer link, the
// badge image. The build checks that something is published there, as it
// does for the links of pages, since a broken one would be on every page.
type SiteLink struct {
	What string // "菜单项 “工作动态”"
	URL  string // as written
	at   position
}

// SiteLinks lists the links of site.yaml to the site itself, in the order
// written.
func (c *Config) SiteLinks() []SiteLink { return c.links }

// LinkError is the error for a site link that leads nowhere.
func (c *Config) LinkError(l SiteLink) *diag.Diagnostic {
	return diag.New(c.file, l.at.line, l.at.col, "%s的链接 %s 指向的页面或文件不存在", l.What, l.URL).WithSource(c.src).
		WithHint("它出现在每个页面上:改成存在的站内网址(不带 base_url 的路径前缀,例如 /news/),或删掉这一项")
}

// siteLink records the link at path when it leads into the site.
func (d *decoder) siteLink(path, url, what string) {
	if !strings.HasPrefix(url, "/") || strings.HasPrefix(url, "//") {
		return
	}
	var at position
	if n := d.At(path); n != nil {
		at = position{n.Line, n.Column}
	}
	d.links = append(d.links, SiteLink{What: what, URL: url, at: at})
}
