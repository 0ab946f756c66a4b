package theme

import (
	"fmt"
	"html/template"
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"yipin/generator/config"
	"yipin/generator/config/yamlsrc"
	"yipin/generator/site"
)

// missingTemplateRE matches the errors for a template that does not exist.
var missingTemplateRE = regexp.MustCompile(`^(?:template "(.+)" not defined|html/template: "(.+)" is undefined|"(.+)" is an incomplete or empty template|no such template "(.+)")$`)

// quotedRE finds the quoted name in a message.
var quotedRE = regexp.MustCompile(`"(.+)"`)

// atRE splits an execution error into the action it happened at and
// what went wrong: `executing "NAME" at <NODE>: DETAIL`.
var atRE = regexp.MustCompile(`(?s)^executing "[^"]*" at <(.*?)>: (.*)$`)

// execRule translates one kind of execution error; m holds the groups of
// re matched against the detail, node the action's text (".Title").
type execRule struct {
	re      *regexp.Regexp
	explain func(t *Theme, node string, m []string) explained
}

var execRules = []execRule{
	{regexp.MustCompile(`^can't evaluate field (\S+) in type (.+)$`), noField},
	{regexp.MustCompile(`^nil pointer evaluating (.+)\.(\w+)$`), nilField},
	{regexp.MustCompile(`^wrong type for value; expected (.+); got (.+)$`), wrongType},
	{regexp.MustCompile(`^invalid value; expected (.+)$`), nilValue},
	{regexp.MustCompile(`^expected (bool|string|integer|unsigned integer|float|complex); found (.+)$`), wrongConstant},
	{regexp.MustCompile(`^wrong number of args for (\S+): want (at least )?(\d+) got (\d+)$`), wrongArgCount},
	{regexp.MustCompile(`^(\S+) (?:has arguments but cannot be invoked as function|is not a method but has arguments)$`), fieldWithArgs},
	{regexp.MustCompile(`^can't give argument to non-function (.+)$`), fieldWithArgs},
	{regexp.MustCompile(`^range can't iterate over (.+)$`), badRange},
	{regexp.MustCompile(`^error calling (\S+): (?s)(.*)$`), callError},
	{regexp.MustCompile(`^exceeded maximum template depth`), tooDeep},
	{missingTemplateRE, missingTemplate},
	{regexp.MustCompile(`^(\S+) is an unexported field of struct type (.+)$`), unexported},
	{regexp.MustCompile(`^dereference of nil pointer of type (.+)$`), nilValue},
}

// explainExec translates an error of executing a template; rest is its
// text after the position.
func (t *Theme) explainExec(err error, rest string) explained {
	if fe, ok := asFuncError(err); ok {
		return explained{msg: fe.msg, hint: fe.hint}
	}
	if he, ok := asHTMLError(err); ok {
		return t.explainEscape(he, rest)
	}
	node, detail := "", rest
	if m := atRE.FindStringSubmatch(rest); m != nil {
		node, detail = m[1], m[2]
	}
	for _, r := range execRules {
		if m := r.re.FindStringSubmatch(detail); m != nil {
			return r.explain(t, node, m)
		}
	}
	if hasHan(detail) {
		return explained{msg: detail, hint: "检查这一处的参数;模板函数的用法见 README 的“模板”一节"}
	}
	return untranslated("执行模板时出错", detail)
}

// noField: "can't evaluate field F in type T".
func noField(_ *Theme, node string, m []string) explained {
	field, typ := m[1], m[2]
	e := explained{msg: fmt.Sprintf("%s没有名为 %s 的字段或方法(%s)", typeName(typ), field, node)}
	names := memberNames(typ)
	var hint []string
	if s := yamlsrc.Suggest(field, names); s != "" {
		hint = append(hint, "是不是 ."+s+"?字段名区分大小写")
	}
	if len(names) > 0 {
		const show = 12
		list := "." + strings.Join(names[:min(show, len(names))], "、.")
		if len(names) > show {
			list += fmt.Sprintf("……(共 %d 个)", len(names))
		}
		hint = append(hint, "可用的有 "+list)
	}
	hint = append(hint, "常用字段见 README 的“模板”一节")
	e.hint = strings.Join(hint, ";")
	return e
}

// nilField: "nil pointer evaluating T.F": what holds F is nil.
func nilField(_ *Theme, node string, m []string) explained {
	holder := parentOf(node)
	return explained{
		msg:  fmt.Sprintf("%s 是空值(nil),取不到它的 .%s", holder, m[2]),
		hint: nilHint(holder),
	}
}

// parentOf is a field chain without its last field: ".Parent.Title" →
// ".Parent"; "." for a chain of one.
func parentOf(node string) string {
	if i := strings.LastIndexByte(node, '.'); i > 0 {
		return node[:i]
	}
	return "."
}

func nilHint(holder string) string {
	switch strings.TrimPrefix(holder, "$") {
	case ".Paginator":
		return "只有列表页(首页、栏目、分类词等)有 .Paginator,文章页没有;先用 {{ with .Paginator }}…{{ end }} 判断它存在"
	case ".Parent":
		return "首页没有上级栏目(.Parent);先用 {{ with .Parent }}…{{ end }} 判断它存在"
	case ".Prev", ".Next":
		return "栏目里的第一篇、最后一篇文章没有 " + holder + ";先用 {{ with " + holder + " }}…{{ end }} 判断它存在"
	}
	return "这一页没有 " + holder + ";先用 {{ with " + holder + " }}…{{ end }} 判断它存在,再取其中的字段"
}

// wrongType: "wrong type for value; expected E; got G".
func wrongType(_ *Theme, node string, m []string) explained {
	want, got := typeName(m[1]), typeName(m[2])
	subject, fix := describeValue(node)
	e := explained{msg: fmt.Sprintf("%s 是%s,这里需要%s", subject, got, want)}
	switch {
	case fix != "":
		e.hint = fix + "改成" + example(m[1]) + ",或修改模板中用到它的地方"
	case m[1] == "string":
		e.hint = fmt.Sprintf("要把它当文字用,可以写成 (printf \"%%v\" %s)", node)
	default:
		e.hint = "检查传给函数的参数是否写对、顺序是否正确;函数的用法见 README 的“模板”一节"
	}
	return e
}

// describeValue names the value an action reads, for messages: a
// parameter of site.yaml or of the front matter by its key, anything else
// by the action's text. fix says where to change the value, if known.
func describeValue(node string) (subject, fix string) {
	chain := strings.TrimPrefix(node, "$")
	if key, ok := strings.CutPrefix(chain, ".Site.Config.Params."); ok && !strings.ContainsAny(key, " (") {
		return "站点设置 params." + key, "在 site.yaml 里把 params." + key + " "
	}
	for _, prefix := range []string{".Params.", ".Page.Params."} {
		if key, ok := strings.CutPrefix(chain, prefix); ok && !strings.ContainsAny(key, " (") {
			return "front matter 的 " + key, "在这一页的 front matter 里把 " + key + " "
		}
	}
	return node, ""
}

// example is how to write a value of Go type typ in YAML.
func example(typ string) string {
	switch typ {
	case "string", "template.HTML", "template.URL":
		return "文字(写在引号里,例如 \"3\")"
	case "int", "int64", "int32", "uint", "uint64":
		return "整数(不加引号,例如 3)"
	case "float64", "float32":
		return "数字(不加引号,例如 3.5)"
	case "bool":
		return "true 或 false"
	case "time.Time":
		return "日期(例如 2024-06-24)"
	}
	if strings.HasPrefix(typ, "[]") {
		return "列表(例如 [一, 二])"
	}
	return typeName(typ)
}

// nilValue: a nil where a value is needed.
func nilValue(_ *Theme, node string, m []string) explained {
	subject, fix := describeValue(node)
	e := explained{msg: fmt.Sprintf("%s 没有值(空值 nil),这里需要%s", subject, typeName(m[1]))}
	if fix != "" {
		e.hint = fix + "写上值,或先用 {{ with " + node + " }}…{{ end }} 判断它存在"
	} else {
		e.hint = "先用 {{ with " + node + " }}…{{ end }} 判断它存在"
	}
	return e
}

// wrongConstant: "expected integer; found "x"": a constant of the wrong kind.
func wrongConstant(_ *Theme, _ string, m []string) explained {
	kinds := map[string]string{"bool": "true 或 false", "string": "文字", "integer": "整数",
		"unsigned integer": "非负整数", "float": "数字", "complex": "复数"}
	e := explained{msg: fmt.Sprintf("这里需要%s,写的却是 %s", kinds[m[1]], m[2])}
	switch m[1] {
	case "integer", "unsigned integer", "float":
		e.hint = "数字不加引号,例如 truncate 30 .Title;检查参数的顺序是否正确"
	case "string":
		e.hint = "文字要写在英文双引号里,例如 \"news\""
	default:
		e.hint = "检查参数的顺序是否正确;函数的用法见 README 的“模板”一节"
	}
	return e
}

// wrongArgCount: "wrong number of args for F: want N got M".
func wrongArgCount(_ *Theme, node string, m []string) explained {
	name, atLeast, want, got := m[1], m[2] != "", m[3], m[4]
	what := "函数 " + name
	if strings.HasPrefix(node, ".") || strings.HasPrefix(node, "$") {
		what = node
	}
	need := " " + want
	if atLeast {
		need = "至少 " + want
	}
	e := explained{msg: fmt.Sprintf("%s 需要%s 个参数,这里给了 %s 个", what, need, got)}
	if u := funcUsage[name]; u != "" {
		e.hint = "用法:" + u
	} else {
		e.hint = "检查参数的个数;用括号把交给另一个函数的部分括起来,例如 (len .Pages)"
	}
	return e
}

// funcUsage is an example call of each function, as in the README.
var funcUsage = map[string]string{
	"relURL": `relURL "/news/"`, "absURL": `absURL "/news/"`, "asset": `asset "css/main.css"`,
	"markdownify": `markdownify .Brand.Meaning $`, "dateCN": `dateCN .Date`, "date": `date "2006-01-02" .Date`,
	"truncate": `truncate 30 .Title`, "plainify": `plainify .Summary`, "where": `where .Pages "Section" "news"`,
	"sortBy": `sortBy .Pages "Date" "desc"`, "first": `first 5 .Pages`, "groupByYear": `groupByYear .Pages`,
	"T": `T "key" 值…`, "partial": `partial "header.html" .`, "partialCached": `partialCached "footer.html" . 变体…`,
	"dict": `dict "a" 1 "b" 2`, "safeHTML": `safeHTML .Params.html`, "add": `add 1 2`, "slug": `slug .Title`,
	"fileSize": `fileSize .Size`, "join": `join .Keywords "、"`,
	"index": `index .Params "key"`, "len": `len .Pages`, "printf": `printf "%d 篇" (len .Pages)`,
	"eq": `eq .Section "news"`, "ne": `ne .Section "news"`, "lt": `lt .WordCount 100`, "le": `le .WordCount 100`,
	"gt": `gt .WordCount 100`, "ge": `ge .WordCount 100`, "not": `not .Draft`,
}

// fieldWithArgs: arguments after a field, which takes none.
func fieldWithArgs(_ *Theme, node string, m []string) explained {
	what := m[1]
	if node != "" {
		what = node
	}
	return explained{
		msg:  fmt.Sprintf("%s 是字段而不是函数,后面不能跟参数", what),
		hint: "要把它交给函数,函数写在前面,例如 (len .Pages)、(truncate 30 .Title);管道写成 {{ .Title | truncate 30 }}",
	}
}

// badRange: "range can't iterate over V".
func badRange(_ *Theme, node string, m []string) explained {
	return explained{
		msg:  fmt.Sprintf("range 只能遍历列表、键值表或整数,这里给的是 %s", m[1]),
		hint: "检查 range 后面的值,例如 {{ range .Pages }}…{{ end }}",
	}
}

// callError: "error calling F: DETAIL": a function or method failed.
func callError(t *Theme, node string, m []string) explained {
	fn, detail := m[1], m[2]
	what := "函数 " + fn
	method := strings.HasPrefix(node, ".") || strings.HasPrefix(node, "$")
	if method {
		what = node
	}
	switch {
	case strings.Contains(detail, "nil pointer dereference"):
		if method {
			holder := parentOf(node)
			return explained{msg: fmt.Sprintf("调用 %s 时遇到空值(nil):这一页多半没有 %s", node, holder), hint: nilHint(holder)}
		}
		return explained{msg: what + " 遇到空值(nil)", hint: "检查传给它的值在这一页是否存在;可先用 {{ with … }}…{{ end }} 判断"}
	case fn == "index":
		return indexError(node, detail)
	case fn == "len":
		got := strings.TrimPrefix(strings.TrimPrefix(detail, "len of "), "type ")
		return explained{msg: "len 只能数文字、列表和键值表的长度,这里给的是" + typeName(got), hint: "用法:" + funcUsage["len"]}
	case fn == "eq" || fn == "ne" || fn == "lt" || fn == "le" || fn == "gt" || fn == "ge":
		return compareError(fn, detail)
	case strings.HasPrefix(detail, "runtime error:"):
		return untranslated(what+" 在执行时出错", detail)
	case hasHan(detail):
		if strings.HasPrefix(detail, fn) {
			return explained{msg: detail, hint: usageHint(fn)}
		}
		return explained{msg: what + ":" + detail, hint: usageHint(fn)}
	}
	if tm := missingTemplateRE.FindStringSubmatch(detail); tm != nil {
		return missingTemplate(t, node, tm)
	}
	call := "调用 " + what // 调用 .Paginator.URL
	if strings.HasPrefix(what, "函数") {
		call = "调用" + what // 调用函数 dateCN
	}
	return untranslated(call+" 时出错", detail)
}

func usageHint(fn string) string {
	if u := funcUsage[fn]; u != "" {
		return "用法:" + u + ";见 README 的“模板”一节"
	}
	return "检查传给它的参数"
}

var indexRangeRE = regexp.MustCompile(`index out of range: (-?\d+)`)

// indexError: the index builtin failed.
func indexError(node, detail string) explained {
	switch {
	case strings.Contains(detail, "of untyped nil") || strings.Contains(detail, "of nil pointer"):
		return explained{msg: "{{ index }} 的对象是空值(nil)(" + node + ")",
			hint: "要取的列表或键值表在这一页不存在;先用 {{ with … }}…{{ end }} 判断它存在"}
	case indexRangeRE.MatchString(detail):
		n := indexRangeRE.FindStringSubmatch(detail)[1]
		return explained{msg: fmt.Sprintf("{{ index }} 的序号 %s 超出了列表的范围(%s)", n, node),
			hint: fmt.Sprintf("序号从 0 开始;先用 {{ if gt (len 列表) %s }} 判断列表够长", n)}
	case strings.HasPrefix(detail, "can't index item of type "):
		return explained{msg: "{{ index }} 只能用于列表和键值表,这里给的是" + typeName(strings.TrimPrefix(detail, "can't index item of type ")),
			hint: "用法:" + funcUsage["index"]}
	case strings.HasPrefix(detail, "cannot index slice/array with"):
		return explained{msg: "{{ index }} 取列表的项时,序号要是整数(" + node + ")", hint: "例如 index .Pages 0"}
	}
	return untranslated("{{ index }} 出错", detail)
}

// compareError: eq, lt and the like given values they cannot compare.
func compareError(fn, detail string) explained {
	e := explained{hint: "比较的两边要是同一类:数字不加引号,文字加引号,例如 eq .Section \"news\"、gt .WordCount 100"}
	switch {
	case strings.HasPrefix(detail, "incompatible types for comparison"):
		e.msg = fn + " 比较的两个值类型不同"
		if a, b, ok := strings.Cut(strings.TrimPrefix(detail, "incompatible types for comparison: "), " and "); ok {
			e.msg = fmt.Sprintf("%s 比较的两个值类型不同:一个是%s,一个是%s", fn, typeName(a), typeName(b))
		}
	case strings.HasPrefix(detail, "invalid type for comparison"):
		e.msg = fn + " 不能比较这种值的大小(只能比较数字和文字)"
	case strings.HasPrefix(detail, "missing argument"):
		e.msg = fn + " 缺少要比较的值"
	default:
		return untranslated(fn+" 比较时出错", detail)
	}
	return e
}

// tooDeep: templates that call themselves without end.
func tooDeep(*Theme, string, []string) explained {
	return explained{
		msg:  "模板调用的层数太多:多半是一个片段直接或间接地调用了它自己",
		hint: "检查这里调用的片段里的 partial 和 template,不要让它们绕回到自己",
	}
}

// missingTemplate: {{ template "x" }} or partial of a template that does
// not exist.
func missingTemplate(t *Theme, _ string, m []string) explained {
	for _, name := range m[1:] {
		if name != "" {
			return t.missingPartial(name)
		}
	}
	return t.missingPartial("")
}

func (t *Theme) missingPartial(name string) explained {
	if !strings.HasPrefix(name, "partials/") {
		return explained{
			msg:  "找不到模板 " + name,
			hint: `{{ template }} 调用片段时写完整的名字,例如 {{ template "partials/nav.html" . }};片段放在 layouts/partials/ 下`,
		}
	}
	e := explained{msg: "找不到片段 " + name, hint: "请检查文件名,片段放在主题或站点的 layouts/partials/ 下"}
	if s := yamlsrc.Suggest(name, t.partialNames); s != "" {
		e.hint = "是不是 " + s + "?" + e.hint
	}
	return e
}

// unexported: a field the model keeps for itself.
func unexported(_ *Theme, _ string, m []string) explained {
	return explained{msg: fmt.Sprintf("%s 是程序内部的字段,模板不能读取", m[1]),
		hint: "模板能用的字段见 README 的“模板”一节"}
}

// explainEscape translates html/template's escaping errors, found the
// first time a template runs.
func (t *Theme) explainEscape(he *template.Error, rest string) explained {
	switch he.ErrorCode {
	case template.ErrNoSuchTemplate:
		if m := quotedRE.FindStringSubmatch(he.Description); m != nil {
			return t.missingPartial(m[1])
		}
	case template.ErrAmbigContext:
		return explained{
			msg:  "网址里的值无法确定怎样转义:它前面的 {{ if }} 各分支把网址写到了不同的位置",
			hint: `让每个分支都写出完整的网址,例如 {{ if .X }}/a/{{ .Title }}{{ else }}/search?q={{ .Title }}{{ end }}`,
		}
	case template.ErrBadHTML:
		return explained{msg: "HTML 写法有误:" + he.Description,
			hint: "检查这一处的引号、尖括号和属性是否成对;属性的值要写在引号里"}
	case template.ErrBranchEnd:
		return explained{msg: "{{ if }} 或 {{ with }} 的各个分支结束时 HTML 的状态不同(例如一个分支打开了标签或引号,另一个没有)",
			hint: "让每个分支里打开的标签和引号都在分支里闭合"}
	case template.ErrRangeLoopReentry:
		return explained{msg: "{{ range }} 的内容结束时 HTML 的状态与开始时不同(例如打开了标签或引号而没有闭合)",
			hint: "让 range 里打开的标签和引号都在 range 里闭合"}
	case template.ErrEndContext:
		return explained{msg: "模板结束时还有没闭合的 HTML:标签、引号或注释",
			hint: "检查模板末尾的标签、属性的引号和 <!-- --> 注释是否成对"}
	case template.ErrPredefinedEscaper:
		return explained{msg: "模板里不需要用 html 或 urlquery 转义:html/template 会自动转义",
			hint: "去掉 | html 或 | urlquery"}
	case template.ErrJSTemplate:
		return explained{msg: "{{ }} 不能写在 JavaScript 的 ` 模板字符串里",
			hint: "把值放进 data- 属性,或用普通的引号字符串"}
	}
	return untranslated("HTML 转义出错", rest)
}

// typeNames are the names users know for the types templates meet.
var typeNames = map[string]string{
	"string": "文字", "int": "整数", "int64": "整数", "int32": "整数", "uint": "整数", "uint64": "整数",
	"float64": "小数", "float32": "小数", "bool": "是非值(true/false)", "time.Time": "日期",
	"time.Duration": "时长", "template.HTML": "HTML", "template.URL": "网址", "interface {}": "任意值",
	"untyped nil": "空值(nil)", "nil": "空值(nil)", "nil pointer": "空值(nil)", "reflect.Value": "任意值",
	"site.Page": "页面", "site.Site": "站点(.Site)", "config.Config": "站点设置(.Site.Config)",
	"site.Term": "分类词", "site.Taxonomy": "分类", "site.Pager": "分页(.Paginator)",
	"site.Unit": "单位", "site.Brand": "品牌", "site.Branch": "支部", "site.Case": "案例",
	"site.Project": "攀高项目", "site.PanggaoEntry": "单位的攀高年度", "site.PanggaoYear": "攀高年度",
	"site.Category": "单位类别", "site.Resource": "附件", "site.MenuItem": "菜单项", "site.CaseLibrary": "案例库",
	"site.CaseFilter": "案例筛选", "site.Contact": "联系方式", "config.Footer": "页脚设置",
	"theme.YearGroup": "年份分组",
}

// typeName is what users call a Go type ("*site.Page" → "页面").
func typeName(typ string) string {
	typ = strings.TrimSpace(typ)
	if n, ok := typeNames[strings.TrimPrefix(typ, "*")]; ok {
		return n
	}
	switch {
	case strings.HasPrefix(typ, "[]"):
		return typeName(typ[2:]) + "列表"
	case strings.HasPrefix(typ, "map["):
		return "键值表"
	}
	return "“" + typ + "”类型的值"
}

// memberNames lists the fields and methods a template can use on a value
// of the type Go calls typ ("*site.Page"): fields in their order, then
// methods by name. It knows the types reachable from a page.
func memberNames(typ string) []string {
	t, ok := templateTypes()[typ]
	if !ok {
		return nil
	}
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(st) {
			if f.IsExported() && !f.Anonymous {
				add(f.Name)
			}
		}
	}
	for i := range t.NumMethod() {
		add(t.Method(i).Name)
	}
	return names
}

// templateTypes maps the name of each type a template can reach from a
// page (through fields, method results, list items) to the type. It is
// made anew for each error that needs it: errors are rare.
func templateTypes() map[string]reflect.Type {
	seen := map[string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if _, ok := seen[t.String()]; ok {
			return
		}
		seen[t.String()] = t
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			for _, f := range reflect.VisibleFields(t) {
				if f.IsExported() {
					walk(f.Type)
				}
			}
		}
		if t.Kind() != reflect.Interface {
			for i := range t.NumMethod() {
				mt := t.Method(i).Type
				for j := range mt.NumOut() {
					walk(mt.Out(j))
				}
			}
		}
	}
	walk(reflect.TypeFor[*site.Page]())
	walk(reflect.TypeFor[*config.Config]())
	walk(reflect.TypeFor[[]YearGroup]())
	return seen
}

// hasHan reports whether s holds Chinese characters: a message of
// yipin's own, which needs no translating.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
