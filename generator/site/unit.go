package site

import (
	"cmp"
	"path"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/diag"
)

// Unit is a department (部门/单位) of the site: content/units/<id>/_index.md.
type Unit struct {
	ID        string // folder name: "caizhengju"
	Name      string // full name (全称), the page's title
	Short     string // short name (简称)
	PartyOrg  string // Party organisation (党组织名称)
	Category  string // one of site.yaml categories
	ParentOrg string // parent organisation (上级单位)
	Order     int
	Contact   Contact
	Page      *Page
	Brand     *Brand          // nil when the unit has none
	Articles  []*Page         // ordinary pages naming the unit, in list order
	ords      []int           // the indexes of Articles in Site.RegularPages, for Related
	Cases     []*Case         // newest first
	Panggao   []*PanggaoEntry // one per year, newest first
}

// Contact is a unit's contact details; every field is optional.
type Contact struct {
	Person  string `yaml:"person"`
	Phone   string `yaml:"phone"`
	Address string `yaml:"address"`
	Email   string `yaml:"email"`
}

// IsZero reports whether no contact detail is set.
func (c Contact) IsZero() bool { return c == Contact{} }

// unitFront is the front matter of a unit page.
type unitFront struct {
	ShortName string  `yaml:"short_name"`
	PartyOrg  string  `yaml:"party_org"`
	Category  string  `yaml:"category"`
	Parent    string  `yaml:"parent"`
	Order     int     `yaml:"order"`
	Contact   Contact `yaml:"contact"`
}

// Category is a category of units, with its units in order.
type Category struct {
	Name  string
	Units []*Unit
}

// unitsDir is the content folder of units.
const unitsDir = "units"

// unitID returns the unit folder a content dir lies in ("units/x/a" → "x").
func unitID(dir string) string {
	rest, ok := strings.CutPrefix(dir, unitsDir+"/")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, "/")
	return id
}

// validID accepts unit ids: lower-case ASCII letters, digits and "-".
func validID(id string) bool {
	if id == "" || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// units makes a Unit of every content/units/<id>/_index.md and reports
// unit folders without one.
func (b *builder) units() {
	s := b.site
	for _, dir := range sortedKeys(b.sections) {
		sec := b.sections[dir]
		if parentDir(dir) != unitsDir || dir == unitsDir {
			if dir == unitsDir {
				sec.Role = RoleUnits
				if sec.src == nil {
					sec.Title = "单位名录"
				}
			}
			continue
		}
		id := path.Base(dir)
		if sec.src == nil {
			b.add(diag.New(b.firstFile(dir), 0, 0, "单位文件夹 content/%s 缺少单位信息文件 _index.md", dir).
				WithHint("在 content/%s/ 里新建 _index.md,写上 title(全称)、short_name(简称)、party_org(党组织名称)和 category(类别)", dir))
			continue
		}
		if !validID(id) {
			b.add(diag.New(sec.File, 0, 0, "单位文件夹名 “%s” 不能作为单位代号", id).
				WithHint("单位代号只用小写英文字母、数字和 -,例如 caizhengju;请重命名文件夹"))
			continue
		}
		var f unitFront
		d := b.schema(sec, &f, "单位页面")
		u := &Unit{ID: id, Name: sec.Title, Short: f.ShortName, PartyOrg: f.PartyOrg, Category: f.Category,
			ParentOrg: f.Parent, Order: f.Order, Contact: f.Contact, Page: sec}
		if sec.src.Front.Title == "" {
			d.Fail("title", "写上单位全称,例如 title: 临江区财政局", "单位页面缺少全称 title")
		}
		if u.Short == "" {
			d.Fail("short_name", "写上单位简称,例如 short_name: 区财政局", "单位页面缺少简称 short_name")
			u.Short = u.Name
		}
		if u.PartyOrg == "" {
			d.Fail("party_org", "写上党组织全称,例如 party_org: 中共临江区财政局机关委员会", "单位页面缺少党组织名称 party_org")
		}
		switch {
		case u.Category == "":
			d.Fail("category", "写上类别,可选:"+strings.Join(s.Config.Categories, "、"), "单位页面缺少类别 category")
		case !slices.Contains(s.Config.Categories, u.Category):
			d.Fail("category", "可选的类别有:"+strings.Join(s.Config.Categories, "、")+";要增加类别,请在 site.yaml 的 categories 里添加",
				"类别 “%s” 不在 site.yaml 的 categories 中", yamlsrc.Clip(u.Category, 20))
		}
		if f.Order != 0 && sec.src.Front.Weight == 0 {
			sec.Weight = f.Order
		}
		b.flush(sec, d)
		sec.Role, sec.Units = RoleUnit, []*Unit{u}
		s.Units = append(s.Units, u)
		b.site.unitByID[id] = u
	}
	for dir, sec := range b.sections { // folders inside a unit's folder
		if u := b.site.unitByID[unitID(dir)]; u != nil && sec.Role == "" {
			sec.Units = []*Unit{u}
			if sec.src == nil && path.Base(dir) == "branches" {
				sec.Title = "支部特色"
			}
		}
	}
	slices.SortFunc(s.Units, func(a, c *Unit) int {
		return cmp.Or(cmp.Compare(b.categoryIndex(a.Category), b.categoryIndex(c.Category)),
			cmp.Compare(a.Order, c.Order), strings.Compare(a.ID, c.ID))
	})
}

// categoryIndex is the position of a category in site.yaml (unknown ones last).
func (b *builder) categoryIndex(name string) int {
	if i := slices.Index(b.site.Config.Categories, name); i >= 0 {
		return i
	}
	return len(b.site.Config.Categories)
}

// firstFile names the first content file under dir, for messages about
// the folder.
func (b *builder) firstFile(dir string) string {
	for _, p := range b.site.RegularPages {
		if p.Dir == dir || strings.HasPrefix(p.Dir, dir+"/") {
			return p.File
		}
	}
	return "content/" + dir
}

// pageUnits sets the units of every page: pages under units/<id>/ belong
// to that unit; any page may name its units with "unit:".
func (b *builder) pageUnits() {
	for _, p := range b.sourcePages() {
		if p.Role == RoleUnit {
			continue
		}
		if id := unitID(p.Dir); id != "" && b.site.unitByID[id] != nil {
			p.Units = []*Unit{b.site.unitByID[id]}
		}
		n := frontValue(p, "unit")
		if n == nil || yamlsrc.IsNull(yamlsrc.Resolve(n)) {
			continue
		}
		for _, ref := range b.unitRefs(p, n) {
			if u := b.findUnit(ref.Value); u == nil {
				b.addAt(p, b.unknownUnit(p.File, ref.Line, ref.Column, ref.Value))
			} else if !slices.Contains(p.Units, u) {
				p.Units = append(p.Units, u)
			}
		}
	}
}

// unitArticles lists on each unit the ordinary pages that name it; run it
// once every page has its role.
func (b *builder) unitArticles() {
	for _, p := range b.site.RegularPages {
		if p.Role == "" || p.Role == RoleBranch {
			for _, u := range p.Units {
				u.Articles = append(u.Articles, p)
			}
		}
	}
}

// unitRefs lists the unit names written in n: one, a comma-separated
// line, or a list. Each carries its position.
func (b *builder) unitRefs(p *Page, n *yaml.Node) []*yaml.Node {
	v := yamlsrc.Resolve(n)
	switch {
	case v.Kind == yaml.ScalarNode:
		var refs []*yaml.Node
		for _, name := range yamlsrc.SplitList(v.Value) {
			refs = append(refs, &yaml.Node{Value: name, Line: v.Line, Column: v.Column})
		}
		return refs
	case v.Kind == yaml.SequenceNode:
		var refs []*yaml.Node
		for _, item := range v.Content {
			it := yamlsrc.Resolve(item)
			if it.Kind == yaml.ScalarNode && !yamlsrc.IsNull(it) {
				refs = append(refs, &yaml.Node{Value: strings.TrimSpace(it.Value), Line: it.Line, Column: it.Column})
			} else if !yamlsrc.IsNull(it) {
				b.addAt(p, diag.New(p.File, it.Line, it.Column, "“unit” 的每一项应为一个单位代号,现在是%s", yamlsrc.Describe(it)).
					WithHint("写成 unit: caizhengju,或列表 unit: [caizhengju, jiaoyuju]"))
			}
		}
		return refs
	}
	b.addAt(p, diag.New(p.File, v.Line, v.Column, "“unit” 应为单位代号或代号列表,现在是%s", yamlsrc.Describe(v)).
		WithHint("写成 unit: caizhengju,或列表 unit: [caizhengju, jiaoyuju]"))
	return nil
}

// findUnit finds a unit by id, short name or full name.
func (b *builder) findUnit(ref string) *Unit {
	if u := b.site.unitByID[ref]; u != nil {
		return u
	}
	for _, u := range b.site.Units {
		if u.Short == ref || u.Name == ref {
			return u
		}
	}
	return nil
}

func (b *builder) unknownUnit(file string, line, col int, ref string) *diag.Diagnostic {
	var ids []string
	for _, u := range b.site.Units {
		ids = append(ids, u.ID)
	}
	hint := "单位代号就是 content/units/ 下的文件夹名"
	if s := yamlsrc.Suggest(ref, ids); s != "" {
		hint = "是不是想写 “" + s + "”(" + b.site.unitByID[s].Short + ")?"
	} else if len(ids) > 0 {
		if len(ids) > 12 {
			ids = append(ids[:12], "……")
		}
		hint += ",现有:" + strings.Join(ids, "、")
	} else {
		hint = "还没有任何单位:在 content/units/<单位代号>/_index.md 中建立单位"
	}
	return diag.New(file, line, col, "找不到单位 “%s”", yamlsrc.Clip(ref, 30)).WithHint("%s", hint)
}

// Categories groups the units by category, in site.yaml order; categories
// without units are left out.
func (s *Site) Categories() []*Category {
	var out []*Category
	for _, name := range s.Config.Categories {
		c := &Category{Name: name}
		for _, u := range s.Units {
			if u.Category == name {
				c.Units = append(c.Units, u)
			}
		}
		if len(c.Units) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// UnitByID returns the unit with the given id, or nil.
func (s *Site) UnitByID(id string) *Unit { return s.unitByID[id] }

// LatestArticles is up to n of the unit's articles, newest first.
func (u *Unit) LatestArticles(n int) []*Page {
	byDate := slices.Clone(u.Articles)
	slices.SortStableFunc(byDate, func(a, b *Page) int { return b.Date.Compare(a.Date) })
	return byDate[:min(n, len(byDate))]
}
