package site

import (
	"strings"

	"yipin/generator/config"
)

// MenuItem is an entry of a site.yaml menu, ready for templates.
type MenuItem struct {
	Name     string
	URL      string // with the base path, or an absolute URL
	Path     string // site path ("/news/"), "" for outside links
	External bool
	Children []MenuItem
}

// Current reports whether the page is at or below the item.
func (m MenuItem) Current(p *Page) bool { return m.Path != "" && p.InSection(m.Path) }

// CurrentMenu is the URL of the first item of the named menu (or of its
// children) that the page is at or below, or "" when none is. Themes use
// it as the variant of a cached navigation partial.
func (p *Page) CurrentMenu(name string) string {
	for _, m := range p.Site.Menus[name] {
		for _, c := range m.Children {
			if c.Current(p) {
				return c.URL
			}
		}
		if m.Current(p) {
			return m.URL
		}
	}
	return ""
}

func menus(cfg *config.Config) map[string][]MenuItem {
	out := map[string][]MenuItem{}
	for name, items := range cfg.Menus {
		out[name] = menuItems(cfg, items)
	}
	return out
}

func menuItems(cfg *config.Config, items []config.MenuItem) []MenuItem {
	var out []MenuItem
	for _, it := range items {
		m := MenuItem{Name: it.Name, Children: menuItems(cfg, it.Children)}
		if strings.Contains(it.URL, "://") || strings.HasPrefix(it.URL, "//") {
			m.URL, m.External = it.URL, true
		} else {
			m.Path = cleanURL(it.URL)
			m.URL = cfg.RelURL(m.Path)
		}
		out = append(out, m)
	}
	return out
}
