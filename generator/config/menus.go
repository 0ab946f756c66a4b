package config

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"yipin/generator/config/yamlsrc"
)

// validateMenus checks every menu item, drops the ones that cannot be
// used, and sorts each menu (and each item's children) by weight then name.
func (d *decoder) validateMenus(c *Config) {
	for name, items := range c.Menus {
		path := yamlsrc.Join("menus", name)
		if strings.TrimSpace(name) == "" {
			d.FailKey(path, "菜单名写英文,例如 main(主菜单)或 footer(底部菜单)", "菜单名不能是空的")
			delete(c.Menus, name)
			continue
		}
		c.Menus[name] = d.menuItems(items, path, 1)
	}
}

func (d *decoder) menuItems(items []MenuItem, path string, depth int) []MenuItem {
	out := items[:0]
	for i, it := range items {
		p := path + "[" + strconv.Itoa(i) + "]"
		it.Name = strings.TrimSpace(it.Name)
		if it.Name == "" {
			d.Fail(p, "每个菜单项都要写 name(显示的文字),例如:\n- name: 工作动态\n  url: /news/", "菜单项缺少名称 name")
			continue
		}
		if it.URL == "" && len(it.Children) == 0 {
			d.Fail(p, "写上链接,例如 url: /news/;或在 children 下写下级菜单;不需要这一项就删掉",
				"菜单项 “%s” 既没有链接 url,也没有下级菜单 children,点了不会去任何地方", yamlsrc.Clip(it.Name, 20))
			continue
		}
		if it.URL != "" {
			if msg, hint := checkLink(it.URL, false); msg != "" {
				d.Fail(p+".url", hint, "菜单项 “%s” 的链接%s", yamlsrc.Clip(it.Name, 20), msg)
				it.URL = ""
			} else {
				d.siteLink(p+".url", it.URL, "菜单项 “"+yamlsrc.Clip(it.Name, 20)+"”")
			}
		}
		if len(it.Children) > 0 {
			if depth >= 2 {
				d.Fail(p+".children", "菜单最多两级:请把这些下级菜单移到上一级,或删掉 children", "菜单 “%s” 下面不能再有下级菜单", yamlsrc.Clip(it.Name, 20))
				it.Children = nil
			} else {
				it.Children = d.menuItems(it.Children, p+".children", depth+1)
			}
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(a, b MenuItem) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Name, b.Name))
	})
	return out
}

// checkLink checks a link written in site.yaml: a site path starting with
// "/", or an absolute http(s) URL (and, when mail is true, mailto: or
// tel:). It returns a message ending a sentence about the link, and a hint.
func checkLink(s string, mail bool) (msg, hint string) {
	hint = "站内链接以 / 开头,例如 /news/;站外链接写完整网址,例如 https://www.gov.cn/"
	lower := strings.ToLower(s)
	switch {
	case strings.ContainsAny(s, " \t\\\"<>") || hasControl(s):
		return " “" + clip(s) + "” 含有空格、反斜杠或引号等不能出现在网址里的字符", hint
	case strings.HasPrefix(s, "//"):
		return " “" + clip(s) + "” 缺少 http:// 或 https://", hint
	case strings.HasPrefix(s, "/"), strings.HasPrefix(s, "#"):
		if hasDotDot(s) {
			return " “" + clip(s) + "” 不能含有 “..”", hint
		}
		return "", ""
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		if len(s) <= len("https://") || strings.HasSuffix(lower, "://") {
			return " “" + clip(s) + "” 缺少域名", hint
		}
		return "", ""
	case mail && (strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "tel:")):
		return "", ""
	}
	return " “" + clip(s) + "” 不对,应以 / 开头(站内)或以 http://、https:// 开头(站外)", hint
}
