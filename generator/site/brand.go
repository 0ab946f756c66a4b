package site

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strings"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/contrast"
)

// Brand is a unit's brand (一部门一品牌): content/units/<id>/brand.md.
type Brand struct {
	Name      string // the page's title: 财惠临江·寸金有情
	Slogan    string
	Meaning   string // 品牌内涵, Markdown
	Logo      string // site path of the logo, "" when none
	LogoAlt   string
	LogoParts []LogoPart // 标志释义
	Accent    string     // "#rrggbb" with contrast ≥ 4.5:1 on white, "" when none
	Pillars   []Item     // how the brand is embedded: 业务嵌入 …
	Measures  []string
	Figures   []Figure
	Positions []Item    // culture positions (党建阵地)
	Branches  []*Branch // 一支部一特色
	Unit      *Unit
	Page      *Page
}

// LogoPart explains one element of a logo.
type LogoPart struct {
	Element string `yaml:"element"`
	Meaning string `yaml:"meaning"`
}

// Branch is a Party branch's feature (一支部一特色) under its unit's brand.
type Branch struct {
	Name    string // 预算科党支部
	Feature string // the branch's own brand name
	Text    string
	Logo    string // site path, "" when none
	Page    *Page  // the branch's own page, or nil
	Brand   *Brand
}

type brandFront struct {
	Slogan    string         `yaml:"slogan"`
	Meaning   string         `yaml:"meaning"`
	Logo      string         `yaml:"logo"`
	LogoAlt   string         `yaml:"logo_alt"`
	LogoParts []LogoPart     `yaml:"logo_parts"`
	Accent    string         `yaml:"accent"`
	Pillars   []Item         `yaml:"pillars"`
	Measures  []yamlsrc.Line `yaml:"measures"`
	Figures   []Figure       `yaml:"figures"`
	Positions []Item         `yaml:"positions"`
	Branches  []branchFront  `yaml:"branches"`
}

type branchFront struct {
	Branch  string `yaml:"branch"`
	Feature string `yaml:"feature"`
	Text    string `yaml:"text"`
	Logo    string `yaml:"logo"`
	Page    string `yaml:"page"`
}

// brandFile is the name of a unit's brand page.
const brandFile = "brand"

// brands reads content/units/<id>/brand.md of every unit.
func (b *builder) brands() {
	for _, p := range b.sourcePages() {
		if p.Kind != KindPage || p.src.Name != brandFile || parentDir(p.Dir) != unitsDir {
			continue
		}
		u := b.site.unitByID[path.Base(p.Dir)]
		if u == nil {
			continue // the unit folder's problem is already reported
		}
		var f brandFront
		d := b.schema(p, &f, "品牌页面")
		br := &Brand{Name: p.Title, Slogan: f.Slogan, Meaning: f.Meaning, LogoAlt: f.LogoAlt,
			Pillars: checkItems(d, f.Pillars, "pillars", "品牌嵌入方式"), Measures: lines(f.Measures),
			Figures: checkFigures(d, f.Figures, "figures"), Positions: checkItems(d, f.Positions, "positions", "文化阵地"),
			Unit: u, Page: p}
		br.Logo = b.file(p, d, "logo", f.Logo)
		if br.Logo != "" && strings.TrimSpace(br.LogoAlt) == "" {
			d.Fail("logo", "写上标志的文字说明,例如 logo_alt: 财惠临江品牌标志,由铜钱和银杏叶组成", "品牌标志缺少替代文字 logo_alt")
		}
		for i, lp := range f.LogoParts {
			if lp.Element == "" || lp.Meaning == "" {
				d.Fail("logo_parts["+itoa(i)+"]", "每项写 element(标志元素)和 meaning(含义),例如 {element: 铜钱, meaning: 代表财政干部}", "标志释义要同时写 element 和 meaning")
				continue
			}
			br.LogoParts = append(br.LogoParts, lp)
		}
		br.Accent = accent(d, f.Accent)
		for i, bf := range f.Branches {
			at := "branches[" + itoa(i) + "]"
			if bf.Branch == "" || bf.Feature == "" {
				d.Fail(at, "每个支部写 branch(支部名称)和 feature(特色品牌名称),例如 {branch: 预算科党支部, feature: 精打细算}", "支部特色要同时写 branch 和 feature")
				continue
			}
			bn := &Branch{Name: bf.Branch, Feature: bf.Feature, Text: bf.Text, Brand: br,
				Logo: b.file(p, d, at+".logo", bf.Logo)}
			if bf.Page != "" {
				bn.Page = b.branchPage(p, d, at+".page", bf.Page)
				if bn.Page != nil {
					bn.Page.Role, bn.Page.Branch = RoleBranch, bn
				}
			}
			br.Branches = append(br.Branches, bn)
		}
		b.flush(p, d)
		p.Role, p.Brand, u.Brand = RoleBrand, br, br
	}
}

// brandsDir is the content folder of the brand matrix page.
const brandsDir = "brands"

// brandMatrix gives the brand matrix its page, /brands/: the section of
// content/brands/ when there is one (its _index.md holds the title and
// introduction), else a page made for it once the site has units.
func (b *builder) brandMatrix() {
	sec := b.sections[brandsDir]
	if sec == nil && len(b.site.Units) == 0 {
		return
	}
	if sec == nil {
		sec = b.section(brandsDir)
		sec.Parent.Sections = append(sec.Parent.Sections, sec)
		slices.SortFunc(sec.Parent.Sections, sectionOrder)
	}
	if sec.src == nil || sec.src.Front.Title == "" {
		sec.Title = "品牌矩阵"
	}
	sec.Role = RoleBrands
}

// file resolves a file named in front matter relative to the page's
// folder ("logo.svg") to its site path; a site path ("/images/a.svg") is
// kept. A missing file is an error at key.
func (b *builder) file(p *Page, d *yamlsrc.Decoder, key, name string) string {
	if name == "" || strings.HasPrefix(name, "/") {
		return name
	}
	contentPath := path.Join(p.contentDir(), name)
	if sitePath, ok := b.site.byFile[contentPath]; ok {
		return sitePath
	}
	d.Fail(key, "把文件放在 "+path.Dir(p.File)+"/ 里,路径相对于本文件所在的文件夹,例如 logo.svg",
		"找不到文件 %s", yamlsrc.Clip(name, 40))
	return ""
}

// branchPage resolves the page a branch links to (a relative .md path).
func (b *builder) branchPage(p *Page, d *yamlsrc.Decoder, key, name string) *Page {
	contentPath := path.Join(p.contentDir(), name)
	target := b.site.bySource[contentPath]
	if why, ok := b.site.excluded[contentPath]; ok {
		d.Fail(key, "等支部页面发布后再链接,或先去掉 page;预览时可加 --drafts 或 --future",
			"支部页面 %s 没有发布(%s)", yamlsrc.Clip(name, 40), why)
	} else if target == nil {
		d.Fail(key, "写支部页面 .md 文件的路径,相对于本文件所在的文件夹,例如 branches/yusuan.md",
			"找不到支部页面 %s", yamlsrc.Clip(name, 40))
	}
	return target
}

// accent checks a brand colour: "#rgb" or "#rrggbb" with WCAG AA
// contrast on the white page, suggesting the nearest colour that passes.
func accent(d *yamlsrc.Decoder, s string) string {
	if s == "" {
		return ""
	}
	c, ok := contrast.Parse(s)
	if !ok || !strings.HasPrefix(strings.TrimSpace(s), "#") {
		d.Fail("accent", "写成 # 加 6 位十六进制数,并用英文引号括起来,例如 accent: \"#9f1d20\"", "品牌主色 “%s” 不是颜色值", yamlsrc.Clip(s, 20))
		return ""
	}
	if r := contrast.Ratio(c, contrast.White); r < contrast.AA {
		hint := "请换一个更深的颜色"
		if t, ok := contrast.Nearest(c, contrast.White, contrast.AA); ok {
			hint = "同色相中刚好达标的颜色是 \"" + t.String() + "\"(对比度 " + ratio(contrast.Ratio(t, contrast.White)) + ":1),可改为 accent: \"" + t.String() + "\""
		}
		d.Fail("accent", hint, "品牌主色 %s 与白色页面的对比度只有 %s:1,达不到无障碍要求的 4.5:1", c, ratio(r))
		return ""
	}
	return c.String()
}

// ratio formats a contrast ratio rounded down to 2 decimals, so that a
// shown 4.50 never hides 4.499.
func ratio(r float64) string {
	return fmt.Sprintf("%.2f", math.Floor(r*100)/100)
}

// lines turns Lines into strings, dropping empty ones.
func lines(ls []yamlsrc.Line) []string {
	var out []string
	for _, l := range ls {
		if s := strings.TrimSpace(string(l)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Brands lists the units' brands in unit order.
func (s *Site) Brands() []*Brand {
	var out []*Brand
	for _, u := range s.Units {
		if u.Brand != nil {
			out = append(out, u.Brand)
		}
	}
	return out
}

// Parts splits a brand name at its middle dot: "财惠临江·寸金有情" →
// ["财惠临江", "寸金有情"].
func (br *Brand) Parts() []string {
	return strings.FieldsFunc(br.Name, func(r rune) bool { return r == '·' || r == '•' || r == '・' })
}
