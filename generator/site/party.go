package site

import (
	"os"
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/content"
	"yipin/generator/diag"
	"yipin/generator/score"
)

// The Party-building content model: units, their brands and branches,
// case studies and the annual 攀高 contest. Each type is recognised by
// where its file lies (README, “党建内容”), its front matter is checked
// against a schema, and the types are linked both ways:
//
//	content/units/<id>/_index.md          Unit             unit.go
//	content/units/<id>/brand.md           Brand, Branches  brand.go
//	content/cases/*.md                    Case             cases.go
//	content/panggao/<year>/<id>/_index.md PanggaoEntry     panggao.go
//	content/panggao/<year>/<id>/*.md      Project          panggao.go
//
// party runs once the pages, sections, lists and taxonomies exist.
func (b *builder) party() {
	b.units()
	b.brands()
	b.brandMatrix()
	b.pageUnits()
	b.cases()
	b.panggao()
	b.unitArticles()
}

// ModelKeys are the front-matter keys the model reads on every kind of
// page, beside those the content package knows: content.Options.Fields.
func ModelKeys() []string { return []string{"unit"} }

// schema decodes the keys of p's front matter that v (a pointer to a
// struct with yaml tags) declares. The keys every page has (title, date,
// tags, unit …) are left to the content package; any other key is an
// error with a suggestion. what names the kind of page in messages.
func (b *builder) schema(p *Page, v any, what string) *yamlsrc.Decoder {
	d := yamlsrc.NewDecoder(p.File, nil)
	generic := append(content.KnownKeys(), b.site.Config.TaxonomyKeys()...)
	generic = append(generic, ModelKeys()...)
	d.Skip = func(key string) bool { return slices.Contains(generic, strings.ToLower(key)) }
	d.UnknownHint = what + "可以写的设置项有:" + strings.Join(yamlsrc.Keys(v), "、") +
		",以及 title、date、summary 等通用设置和 site.yaml 的分类方式(taxonomies)"
	if n := p.src.Front.Node; n != nil && n.Kind == yaml.MappingNode {
		d.Decode(n, v, "")
	}
	return d
}

// flush reports the problems a schema decoder found in p, with the
// source lines around each (the file is read again only then).
func (b *builder) flush(p *Page, d *yamlsrc.Decoder) {
	if len(d.Diags) == 0 {
		return
	}
	src, _ := os.ReadFile(p.src.Abs)
	for _, g := range d.Diags {
		if src != nil {
			g.WithSource(src)
		}
		b.add(g)
	}
	d.Diags = nil
}

// addAt reports a problem found in p's front matter, with the source
// lines around it.
func (b *builder) addAt(p *Page, d *diag.Diagnostic) {
	if src, err := os.ReadFile(p.src.Abs); err == nil {
		d.WithSource(src)
	}
	b.add(d)
}

// frontValue is the value node of a top-level front-matter key, or nil.
func frontValue(p *Page, key string) *yaml.Node {
	n := p.src.Front.Node
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := yamlsrc.Resolve(n.Content[i]); k != nil && strings.EqualFold(k.Value, key) {
			return n.Content[i+1]
		}
	}
	return nil
}

// sourcePages lists the pages made from Markdown files, by site path.
func (b *builder) sourcePages() []*Page {
	pages := make([]*Page, 0, len(b.site.bySource))
	for _, p := range b.site.bySource {
		pages = append(pages, p)
	}
	slices.SortFunc(pages, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	return pages
}

// Figure is a key figure (关键数字): "66 条具体举措".
type Figure struct {
	Label string `yaml:"label"` // 具体举措
	Value string `yaml:"value"` // 66, as written; a number
	Unit  string `yaml:"unit"`  // 条
	Note  string `yaml:"note"`  // optional: 覆盖 8 个方面
}

// checkFigures reports figures without a label or with a value that is
// not a number; path is their key ("figures").
func checkFigures(d *yamlsrc.Decoder, figs []Figure, key string) []Figure {
	out := figs[:0]
	for i, f := range figs {
		at := key + "[" + itoa(i) + "]"
		switch {
		case f.Label == "":
			d.Fail(at, "每个数字都要写 label(说明),例如 {label: 具体举措, value: 66, unit: 条}", "关键数字缺少说明 label")
		case f.Value == "":
			d.Fail(at+".value", "写上数值,例如 value: 66", "关键数字 “%s” 缺少数值 value", yamlsrc.Clip(f.Label, 20))
		case !isNumber(f.Value):
			d.Fail(at+".value", "value 只写数字(可带小数点),文字写在 unit 或 note 里,例如 value: 2.89、unit: 亿元",
				"关键数字 “%s” 的数值 “%s” 不是数字", yamlsrc.Clip(f.Label, 20), yamlsrc.Clip(f.Value, 20))
		default:
			out = append(out, f)
		}
	}
	return out
}

// Item is a named paragraph: a brand pillar (业务嵌入 …) or a culture
// position (党员之家 …).
type Item struct {
	Name string `yaml:"name"`
	Text string `yaml:"text"`
}

// checkItems drops items without a name, reporting each.
func checkItems(d *yamlsrc.Decoder, items []Item, key, what string) []Item {
	out := items[:0]
	for i, it := range items {
		if strings.TrimSpace(it.Name) == "" {
			d.Fail(key+"["+itoa(i)+"]", "每项都要写 name,例如 {name: 业务嵌入, text: ……}", "%s缺少名称 name", what)
			continue
		}
		out = append(out, it)
	}
	return out
}

// missing reports that a required key of a content type has no value.
func missing(d *yamlsrc.Decoder, key, what, example string) {
	d.Fail(key, "写上"+what+",例如 "+example, "缺少%s %s", what, key)
}

// isNumber reports whether s is a decimal number ("66", "2.89").
func isNumber(s string) bool {
	_, ok := score.Parse(s)
	return ok
}

func itoa(i int) string { return strconv.Itoa(i) }
