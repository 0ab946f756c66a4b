package content

import (
	"bytes"
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/diag"
)

// ParseFrontMatter splits src, the bytes of the Markdown file named file
// in messages, into its front matter and body and checks the front matter.
// It returns a FrontMatter that is never nil (empty fields where values
// are missing or wrong), the body as a sub-slice of src, the 1-based line
// where the body starts, and every problem found. It never panics.
func ParseFrontMatter(file string, src []byte, o Options) (*FrontMatter, []byte, int, []*diag.Diagnostic) {
	fm := &FrontMatter{
		Terms:  map[string][]string{},
		Params: map[string]any{},
		Pos:    map[string]Pos{},
		Node:   &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1},
	}
	text := yamlsrc.StripBOM(src)
	if len(bytes.TrimSpace(text)) == 0 {
		return fm, text, 1, []*diag.Diagnostic{diag.New(file, 1, 1, "文件是空的").
			WithHint("请写上标题和正文,例如第一行写 ---,第二行写 title: 标题,第三行写 ---,再往下写正文;不需要的文件请删掉")}
	}
	if d := yamlsrc.CheckUTF8(file, text); d != nil {
		return fm, text, 1, []*diag.Diagnostic{d}
	}
	s := split(text)
	if !s.has {
		return fm, s.body, s.bodyLine, nil
	}
	if !s.closed {
		return fm, s.body, s.bodyLine, []*diag.Diagnostic{diag.New(file, 1, 1, "front matter 缺少结束的 ---").
			WithHint("文件第一行的 --- 表示开始写标题、日期等设置;设置写完后要另起一行再写一个 ---(三个英文减号),然后才是正文").
			WithSource(text)}
	}
	fm.Node.Line = 2
	root, perr := yamlsrc.Parse(file, s.yaml, 2, text)
	if perr != nil {
		return fm, s.body, s.bodyLine, []*diag.Diagnostic{perr}
	}
	d := &fmDecoder{file: file, src: text, o: o, fm: fm}
	switch {
	case root == nil || yamlsrc.IsNull(root):
	case root.Kind != yaml.MappingNode:
		d.errorf(root, "两行 --- 之间每行写一项“名称: 值”,例如 title: 关于开展主题教育的通知",
			"front matter 应为一项项“名称: 值”的设置,现在是%s", yamlsrc.Describe(root))
	default:
		fm.Node = root
		d.diags = append(d.diags, yamlsrc.Duplicates(file, root, text)...)
		d.mapping(root)
	}
	if fm.Lastmod.IsZero() {
		fm.Lastmod = fm.Date
	}
	diag.Sort(d.diags)
	return fm, s.body, s.bodyLine, d.diags
}

// fmDecoder fills a FrontMatter from its mapping node.
type fmDecoder struct {
	file  string
	src   []byte
	o     Options
	fm    *FrontMatter
	diags []*diag.Diagnostic
}

// errorf reports a problem at n. Control characters in the message (a
// value quoted by yamlsrc.Describe, say) are escaped: they are never sent
// to the terminal as they are.
func (d *fmDecoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	if len(d.diags) >= yamlsrc.MaxReports {
		return
	}
	msg := escape(fmt.Sprintf(format, args...))
	d.diags = append(d.diags, diag.New(d.file, n.Line, n.Column, "%s", msg).WithHint("%s", hint).WithSource(d.src))
}

// mapping decodes every key of the front matter.
func (d *fmDecoder) mapping(root *yaml.Node) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := yamlsrc.Resolve(root.Content[i]), root.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			d.errorf(root.Content[i], "设置名写成一行英文,后面跟英文冒号和空格,例如 title: 标题", "设置名应为一行文字")
			continue
		}
		key := k.Value
		if known := strings.ToLower(key); isKnown(known) || d.o.isTaxonomy(known) {
			key = known
		} else {
			d.spelling(k)
		}
		if first, dup := seen[key]; dup {
			if first.Value != k.Value { // same key written twice is reported by Duplicates
				d.errorf(k, "同一个设置只能写一次,请删掉多余的一处",
					"“%s” 和第 %d 行的 “%s” 是同一个设置,写了两次", shown(k.Value, 30), first.Line, shown(first.Value, 30))
			}
			continue
		}
		seen[key] = k
		d.fm.Pos[key] = Pos{v.Line, v.Column}
		d.field(key, v)
	}
}

// spelling reports the key k when it is not a field but looks like a
// misspelt one ("darft", "titel", "tgas"): it would be kept as a free
// parameter, and the field it was meant for would not take effect.
func (d *fmDecoder) spelling(k *yaml.Node) {
	if d.o.misspelt == nil {
		d.o.misspelt = newMisspelt(d.o)
	}
	if strings.ToLower(k.Value) == "tags" {
		// site.yaml's taxonomies leave out tags: the key is a free
		// parameter, and no tag pages are made
		if d.o.misspelt.warnOnce() {
			d.diags = append(d.diags, diag.Warn(d.file, k.Line, k.Column,
				"site.yaml 的分类方式 taxonomies 里没有 tags,这里(和其他页面)的 tags 只当作给模板用的自定义参数,不生成标签和标签页").
				WithHint("要用标签,在 site.yaml 的 taxonomies 下加一行 tags: 标签;不用就删掉各页的 tags").WithSource(d.src))
		}
		return
	}
	field := d.o.misspelt.of(k.Value)
	if field == "" {
		return
	}
	key := shown(k.Value, 30)
	effect := "不起 " + field + " 的作用"
	if field == "draft" {
		effect = "这一页不会被当作草稿,而会正式发布"
	}
	d.errorf(k, "写错的设置名会被当作给模板用的自定义参数,"+effect+";请改成 "+field+"。"+
		"如果 “"+key+"” 确实是自定义参数(模板里用 .Param \""+key+"\" 读取),请换一个和 "+field+" 不像的名字",
		"设置名 “%s” 是不是想写 “%s”?", key, field)
}

// knownKeys are the front-matter keys FrontMatter has fields for.
const knownKeys = "title date lastmod draft summary weight slug url aliases author source editor layout type " +
	"description keywords image lang featured column_type"

// isKnown reports whether key is one of knownKeys (TestIsKnown checks that
// the two lists agree).
func isKnown(key string) bool {
	switch key {
	case "title", "date", "lastmod", "draft", "summary", "weight", "slug", "url", "aliases",
		"author", "source", "editor", "layout", "type",
		"description", "keywords", "image", "lang", "featured", "column_type":
		return true
	}
	return false
}

// KnownKeys returns the front-matter keys that have their own FrontMatter
// field; taxonomies must not use these names.
func KnownKeys() []string { return strings.Fields(knownKeys) }

// field decodes the value v of key into the front matter.
func (d *fmDecoder) field(key string, v *yaml.Node) {
	fm := d.fm
	switch key {
	case "title":
		fm.Title = d.text(key, v)
	case "summary":
		fm.Summary = d.text(key, v)
	case "author":
		fm.Author = d.text(key, v)
	case "source":
		fm.Source = d.text(key, v)
	case "editor":
		fm.Editor = d.text(key, v)
	case "date":
		fm.Date = d.date(key, v)
	case "lastmod":
		fm.Lastmod = d.date(key, v)
	case "draft":
		fm.Draft = d.boolean(key, v)
	case "featured":
		fm.Featured = d.boolean(key, v)
	case "description":
		fm.Description = d.text(key, v)
	case "column_type":
		fm.ColumnType = d.text(key, v)
	case "keywords":
		fm.Keywords = d.terms(key, v)
	case "image":
		fm.Image = d.text(key, v)
	case "lang":
		fm.Lang = d.lang(v)
	case "weight":
		fm.Weight = d.integer(key, v)
	case "slug":
		fm.Slug = d.slug(v)
	case "url":
		fm.URL = d.sitePath(key, "url", v)
	case "aliases":
		fm.Aliases = d.aliases(v)
	case "layout", "type":
		name := d.sitePath(key, key, v)
		if key == "layout" {
			fm.Layout = name
		} else {
			fm.Type = name
		}
	default:
		if d.o.isTaxonomy(key) {
			if terms := d.terms(key, v); len(terms) > 0 {
				fm.Terms[key] = terms
			}
			return
		}
		val, ok := yamlsrc.Plain(v)
		if !ok {
			d.errorf(v, "请不要用 & 和 * 反复引用同一段内容", "“%s” 的内容太多或引用(*)了自己,无法读取", shown(key, 30))
		}
		fm.Params[key] = val
	}
}
