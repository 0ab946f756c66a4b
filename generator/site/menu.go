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

// Current reports whether the page is at or below the item or one of its
// children.
func (m MenuItem) Current(p *Page) bool {
	if m.Path != "" && p.InSection(m.Path) {
		return true
	}
	for _, c := range m.Children {
		if c.Current(p) {
			return true
		}
	}
	return false
}

// Link is where the item leads: its URL or, for an item that only holds
// children, its first child's; "" when there is none.
func (m MenuItem) Link() string {
	if m.URL != "" {
		return m.URL
	}
	for _, c := range m.Children {
		if c.URL != "" {
			return c.URL
		}
	}
	return ""
}

// MenuState names which items of the named menu (children included) the
// page is at or below: their URLs joined by "|", "" when none. Two pages
// with the same MenuState see the same menu highlighted, so themes use it
// as the variant of a cached navigation partial.
func (p *Page) MenuState(name string) string {
	var cur []string
	var visit func(items []MenuItem)
	visit = func(items []MenuItem) {
		for _, m := range items {
			if m.Current(p) {
				cur = append(cur, m.URL)
			}
			visit(m.Children)
		}
	}
	visit(p.Site.Menus[name])
	return strings.Join(cur, "|")
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
		switch {
		case it.URL == "":
			// an item that only holds children: Link gives its first child's
		case strings.Contains(it.URL, "://") || strings.HasPrefix(it.URL, "//"):
			m.URL, m.External = it.URL, true
		default:
			m.Path = cleanURL(it.URL)
			m.URL = cfg.RelURL(m.Path)
		}
		out = append(out, m)
	}
	return out
}
