package content

import (
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/config/yamlsrc"
)

// hintQuote explains the usual cause of a list or mapping where text was
// meant: a value starting with [ or {.
const hintQuote = "把内容写在冒号后面的同一行;如果内容以 [、{、*、&、! 等符号开头,或者含有“: ”,请用英文双引号把整个内容括起来,例如 title: \"[通知] 关于……\""

// text decodes a one-line text value; null gives "".
func (d *fmDecoder) text(key string, v *yaml.Node) string {
	n := yamlsrc.Resolve(v)
	if yamlsrc.IsNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(v, hintQuote, "“%s” 应为一行文字,现在是%s", key, yamlsrc.Describe(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// hintDate lists the accepted date forms.
const hintDate = "请写成 2024-06-24、2024-06-24 09:26、2024-06-24 09:26:00、2024/06/24、2024年6月24日 或 2024-06-24T09:26:00+08:00 这样的形式"

// date decodes a date or date and time. Values without a zone are in
// o.Location. The text as written is parsed, not YAML's own timestamp, so
// that "2024-06-24" is midnight local time rather than UTC.
func (d *fmDecoder) date(key string, v *yaml.Node) time.Time {
	n := yamlsrc.Resolve(v)
	if yamlsrc.IsNull(n) {
		return time.Time{}
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(v, hintDate, "“%s” 应为日期,现在是%s", key, yamlsrc.Describe(n))
		return time.Time{}
	}
	t, ok := parseDate(n.Value, d.o.location())
	if !ok {
		d.errorf(v, hintDate, "日期 “%s” 无法识别", shown(n.Value, 30))
	}
	return t
}

// boolean decodes true or false.
func (d *fmDecoder) boolean(key string, v *yaml.Node) bool {
	n := yamlsrc.Resolve(v)
	if yamlsrc.IsNull(n) {
		return false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return b
		}
	}
	hint := "请写 true 或 false(英文,不加引号)"
	if key == "draft" {
		hint = "draft: true 表示草稿、暂不发布;draft: false 或不写表示正式发布(只能写英文 true 或 false)"
	}
	d.errorf(v, hint, "“%s” 应为 true 或 false,现在是%s", key, yamlsrc.Describe(n))
	return false
}

// integer decodes a whole number.
func (d *fmDecoder) integer(key string, v *yaml.Node) int {
	n := yamlsrc.Resolve(v)
	if yamlsrc.IsNull(n) {
		return 0
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if i, ok := yamlsrc.Int(n); ok {
			return i
		}
	}
	d.errorf(v, "请写阿拉伯数字(不加引号),例如 "+key+": 10;数字越小越靠前",
		"“%s” 应为整数,现在是%s", key, yamlsrc.Describe(n))
	return 0
}

// terms decodes the terms of a taxonomy: a list of words, or one line
// split on commas (, ，、). Numbers become text. Repeats are dropped.
func (d *fmDecoder) terms(key string, v *yaml.Node) []string {
	n := yamlsrc.Resolve(v)
	switch {
	case yamlsrc.IsNull(n):
		return nil
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str":
		return yamlsrc.SplitList(n.Value)
	case n.Kind == yaml.ScalarNode:
		return yamlsrc.Dedupe([]string{n.Value})
	case n.Kind != yaml.SequenceNode:
		d.errorf(v, termsHint(key), "“%s” 应为一组词(列表或用逗号分开的一行文字),现在是%s", key, yamlsrc.Describe(n))
		return nil
	}
	list := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		it := yamlsrc.Resolve(item)
		switch {
		case yamlsrc.IsNull(it):
		case it.Kind == yaml.ScalarNode:
			list = append(list, it.Value)
		default:
			d.errorf(item, termsHint(key), "“%s” 的每一项应为一个词,现在是%s", key, yamlsrc.Describe(it))
		}
	}
	return yamlsrc.Dedupe(list)
}

// termsHint explains how to write the terms of the taxonomy key.
func termsHint(key string) string {
	return "写成一行并用逗号分开,例如 " + key + ": 党建, 学习;或者每个词单独一行,以“- ”开头"
}

// slug decodes the slug: one URL segment that stays inside the site.
func (d *fmDecoder) slug(v *yaml.Node) string {
	s := d.text("slug", v)
	if s == "" {
		return ""
	}
	const hint = "slug 只写网址的最后一段,例如 slug: zhengce-jiedu;不要含有 “/”、“\\” 或 “..”;要指定完整地址请用 url"
	pr := pathProblem(s)
	if s == "." || s == ".." {
		pr = problem{why: "不能是 “" + s + "”", outside: true}
	}
	switch {
	case pr.control:
		d.errorf(v, hintControl, "slug “%s” %s", shown(s, 40), pr.why)
	case pr.outside:
		d.errorf(v, hint, "slug 不能指向站点之外(%s)", pr.why)
	case pr.why != "":
		d.errorf(v, hint, "slug “%s” %s", shown(s, 40), pr.why)
	case strings.Contains(s, "/"):
		d.errorf(v, hint, "slug “%s” 只能是一段名称,不能含有 “/”", shown(s, 40))
	default:
		return s
	}
	return ""
}

// sitePath decodes a site path (url, aliases, layout, type) and checks
// that it stays inside the site; what names the value in messages.
func (d *fmDecoder) sitePath(key, what string, v *yaml.Node) string {
	s := d.text(key, v)
	if s == "" {
		return ""
	}
	pr := pathProblem(s)
	switch {
	case pr.control:
		d.errorf(v, hintControl, "%s “%s” %s", what, shown(s, 40), pr.why)
	case pr.outside:
		d.errorf(v, pathHint(key), "%s “%s” 不能指向站点之外(%s)", what, shown(s, 40), pr.why)
	case pr.why != "":
		d.errorf(v, pathHint(key), "%s “%s” %s", what, shown(s, 40), pr.why)
	default:
		return s
	}
	return ""
}

func pathHint(key string) string {
	switch key {
	case "url", "aliases":
		return "写站内地址,例如 /news/2024/zhengce/;不要写 “..”、反斜杠 “\\” 或 http:// 开头的站外网址"
	}
	return "写模板的名字,例如 " + key + ": single;不要含有 “..” 或 “\\”"
}

// aliases decodes a list of site paths (or a single one).
func (d *fmDecoder) aliases(v *yaml.Node) []string {
	n := yamlsrc.Resolve(v)
	switch {
	case yamlsrc.IsNull(n):
		return nil
	case n.Kind == yaml.ScalarNode:
		if s := d.sitePath("aliases", "别名", v); s != "" {
			return []string{s}
		}
		return nil
	case n.Kind != yaml.SequenceNode:
		d.errorf(v, "每个旧地址单独一行,以“- ”开头,例如\naliases:\n  - /old/path/", "“aliases” 应为地址列表,现在是%s", yamlsrc.Describe(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if s := d.sitePath("aliases", "别名", item); s != "" {
			out = append(out, s)
		}
	}
	return yamlsrc.Dedupe(out)
}

// lang decodes a page's language tag (zh-CN, zh-Hant, en).
func (d *fmDecoder) lang(v *yaml.Node) string {
	s := d.text("lang", v)
	if s != "" && !yamlsrc.ValidLanguage(s) {
		d.errorf(v, "简体中文写 zh-CN,繁体中文写 zh-Hant,英文写 en;与全站相同时不必写", "lang “%s” 不是有效的语言代码", shown(s, 30))
		return ""
	}
	return s
}
