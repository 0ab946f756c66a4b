package theme

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"yipin/generator/config/yamlsrc"
)

// The parser of text/template gives a line but no column, and for a
// missing {{ end }} only the end of the file. explainSyntax finds the
// column by looking for what the message names in the line's actions, and
// the {{ if }} (or range, with, block, define) that is not closed by
// matching the template's block actions.

// syntaxRule translates one kind of parse error; line is the text of the
// line the parser names.
type syntaxRule struct {
	re      *regexp.Regexp
	explain func(t *Theme, m []string, src, line []byte, n int) explained
}

var syntaxRules = []syntaxRule{
	{regexp.MustCompile(`^function "(.+)" not defined$`), unknownFunc},
	{regexp.MustCompile(`^unexpected EOF$`), unclosedBlockError},
	{regexp.MustCompile(`^unexpected \{\{end\}\}$`), extraEndError},
	{regexp.MustCompile(`^unexpected \{\{else\}\}$`), strayElse},
	{regexp.MustCompile(`^expected end; found \{\{else\}\}$`), secondElse},
	{regexp.MustCompile(`^expected end; found (.+)$`), strayElse},
	{regexp.MustCompile(`^(?:unrecognized character in action:|bad character) U\+[0-9A-F]+ '(.+)'`), badChar},
	{regexp.MustCompile(`^missing value for (\w+)$`), missingValue},
	{regexp.MustCompile(`^unclosed action$`), unclosedAction},
	{regexp.MustCompile(`^unclosed comment$`), simple("注释 {{/* 没有用 */}} 结束", "注释写成 {{/* 注释内容 */}}", "")},
	{regexp.MustCompile(`^comment ends before closing delimiter$`), simple("注释的 */ 后面要紧跟 }}", "注释写成 {{/* 注释内容 */}}", "*/")},
	{regexp.MustCompile(`^unterminated quoted string$`), simple("双引号没有配对", "文字写在一对英文双引号里,例如 \"news\"", `"`)},
	{regexp.MustCompile(`^unterminated raw quoted string$`), simple("反引号 ` 没有配对", "反引号要成对", "`")},
	{regexp.MustCompile(`^unterminated character constant$`), simple("单引号没有配对", "文字要写在英文双引号里,例如 \"news\";单引号只用于一个字符", "'")},
	{regexp.MustCompile(`^bad number syntax: "(.+)"$`), badNumber},
	{regexp.MustCompile(`^undefined variable "(.+)"$`), undefinedVar},
	{regexp.MustCompile(`^\{\{(break|continue)\}\} outside \{\{range\}\}$`), outsideRange},
	{regexp.MustCompile(`^unclosed left paren$`), simple("左括号 ( 没有对应的 )", "补上右括号 )", "(")},
	{regexp.MustCompile(`^unexpected right paren$`), simple("多了一个右括号 )", "删掉多余的 ),或补上对应的 (", ")")},
	{regexp.MustCompile(`^too many declarations in command$`), simple("一次最多声明两个变量", "例如 {{ range $i, $p := .Pages }}", ",")},
	{regexp.MustCompile(`^too many declarations in range$`), simple("range 最多声明两个变量:序号和每一项",
		"写成 {{ range $i, $p := .Pages }} 或 {{ range $p := .Pages }}", ",")},
	{regexp.MustCompile(`^non executable command in pipeline stage \d+$`), simple("管道 | 后面要写函数", "例如 {{ .Title | truncate 30 }}", "|")},
	{regexp.MustCompile(`^unexpected (".*"|<.*>|\S+) in (.+)$`), unexpectedToken},
}

// explainSyntax translates a parse error; detail is its text after the
// position, src the template, n the line the parser names.
func (t *Theme) explainSyntax(detail string, src []byte, n int) explained {
	line := lineOf(src, n)
	for _, r := range syntaxRules {
		if m := r.re.FindStringSubmatch(detail); m != nil {
			return r.explain(t, m, src, line, n)
		}
	}
	if strings.Contains(detail, "baseof.html") { // parseLayout's own message
		return explained{msg: detail, hint: "在同一文件夹或 _default/ 里添加 baseof.html,或去掉 {{ define }} 让模板独立成页"}
	}
	return untranslated("无法识别的写法", detail)
}

// simple is a rule with a fixed message; the column is that of tok.
func simple(msg, hint, tok string) func(*Theme, []string, []byte, []byte, int) explained {
	return func(_ *Theme, _ []string, _, line []byte, _ int) explained {
		e := explained{msg: msg, hint: hint}
		if tok != "" {
			e.col = findToken(line, tok, false)
		}
		return e
	}
}

// builtins are text/template's own functions.
var builtins = []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or",
	"print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}

func unknownFunc(t *Theme, m []string, _, line []byte, _ int) explained {
	name := m[1]
	e := explained{msg: "没有名为 " + name + " 的模板函数", hint: "可用的函数见 README 的“模板”一节",
		col: findToken(line, name, true)}
	names := slices.Clone(builtins)
	for n := range t.funcMap {
		names = append(names, n)
	}
	if s := yamlsrc.Suggest(name, names); s != "" && utf8.RuneCountInString(name) >= 3 {
		e.hint = "是不是 " + s + "?函数名区分大小写;" + e.hint
	}
	return e
}

func unclosedBlockError(_ *Theme, _ []string, src, _ []byte, _ int) explained {
	a, ok := unclosedBlock(src)
	if !ok {
		return explained{msg: "模板在文件末尾意外结束:多半是少了 {{ end }}",
			hint: "每个 {{ if }}、{{ range }}、{{ with }}、{{ block }}、{{ define }} 都要有自己的 {{ end }}"}
	}
	return explained{
		msg: fmt.Sprintf("这个 {{ %s }} 没有对应的 {{ end }}", a.word),
		hint: fmt.Sprintf("在 %s 的内容结束处加上 {{ end }};每个 {{ if }}、{{ range }}、{{ with }}、{{ block }}、{{ define }} 都要有自己的 {{ end }}",
			a.word),
		line: a.line, col: a.col,
	}
}

func extraEndError(_ *Theme, _ []string, src, line []byte, _ int) explained {
	e := explained{
		msg:  "多了一个 {{ end }}:前面没有与它对应的 {{ if }}、{{ range }}、{{ with }}、{{ block }} 或 {{ define }}",
		hint: "删掉多余的 {{ end }},或在前面补上它要结束的 {{ if … }}",
	}
	if a, ok := extraEnd(src); ok {
		e.line, e.col = a.line, a.col
	} else {
		e.col = findAction(line, "end")
	}
	return e
}

func strayElse(_ *Theme, _ []string, _, line []byte, _ int) explained {
	return explained{
		msg:  "{{ else }} 不在 {{ if }}、{{ with }} 或 {{ range }} 里",
		hint: "else 要写在 {{ if … }} 和它的 {{ end }} 之间,例如 {{ if .Title }}…{{ else }}…{{ end }}",
		col:  findAction(line, "else"),
	}
}

// secondElse: a second plain {{ else }} in one {{ if }}, at the last
// {{ else }} of the line.
func secondElse(_ *Theme, _ []string, _, line []byte, _ int) explained {
	e := explained{
		msg:  "多了一个 {{ else }}:一个 {{ if }}、{{ with }} 或 {{ range }} 只能有一个不带条件的 {{ else }}",
		hint: "要再分一种情况,写成 {{ else if … }};否则删掉多余的 {{ else }}",
	}
	for i := len(line); i > 0; {
		j := bytes.LastIndex(line[:i], []byte("{{"))
		if j < 0 {
			break
		}
		if actionWord(line[j+2:]) == "else" {
			e.col = utf8.RuneCount(line[:j]) + 1
			break
		}
		i = j
	}
	return e
}

// chinesePunct are full-width marks that look like the ASCII ones
// templates need.
var chinesePunct = map[string]string{"“": `"`, "”": `"`, "‘": "'", "’": "'", "（": "(", "）": ")",
	"，": ",", "：": ":", "｜": "|", "＝": "=", "　": "空格", "．": ".", "＄": "$"}

func badChar(_ *Theme, m []string, _, line []byte, _ int) explained {
	c := m[1]
	e := explained{col: findToken(line, c, false)}
	if ascii, ok := chinesePunct[c]; ok {
		e.msg = "{{ }} 里有中文标点 " + c
		e.hint = "{{ }} 里要用英文标点:把 " + c + " 改成 " + ascii
		return e
	}
	e.msg = "{{ }} 里有不能用的字符 " + c
	e.hint = "{{ }} 里只写字段、函数、变量和英文引号里的文字"
	return e
}

func missingValue(_ *Theme, m []string, _, line []byte, _ int) explained {
	word := m[1]
	e := explained{col: findAction(line, word)}
	switch word {
	case "if", "with":
		e.msg = "{{ " + word + " }} 后面缺少要判断的值"
		e.hint = "例如 {{ " + word + " .Title }}…{{ end }}"
	case "range":
		e.msg = "{{ range }} 后面缺少要遍历的列表"
		e.hint = "例如 {{ range .Pages }}…{{ end }}"
	default:
		e.msg = "{{ }} 里缺少值"
		e.col = findToken(line, "{{", false)
		e.hint = "检查这一处是否写了空的 {{ }},或管道 | 的前后是否缺少内容"
	}
	return e
}

func unclosedAction(_ *Theme, _ []string, _, line []byte, _ int) explained {
	e := explained{msg: "这个 {{ 没有对应的 }}", hint: "在动作的末尾补上 }}"}
	if i := bytes.LastIndex(line, []byte("{{")); i >= 0 {
		e.col = utf8.RuneCount(line[:i]) + 1
	}
	return e
}

func badNumber(_ *Theme, m []string, _, line []byte, _ int) explained {
	return explained{msg: "数字 " + m[1] + " 的写法有误", hint: "数字只写阿拉伯数字,例如 30;文字要写在英文双引号里",
		col: findToken(line, m[1], false)}
}

func undefinedVar(_ *Theme, m []string, _, line []byte, _ int) explained {
	return explained{msg: "变量 " + m[1] + " 没有定义",
		hint: "先用 {{ " + m[1] + " := 值 }} 定义;在 range、with、if 里定义的变量只在它的 {{ end }} 之前有效",
		col:  findToken(line, m[1], true)}
}

func outsideRange(_ *Theme, m []string, _, line []byte, _ int) explained {
	return explained{msg: "{{ " + m[1] + " }} 只能用在 {{ range }} 里", hint: "把它移到 {{ range }} 和 {{ end }} 之间,或删掉",
		col: findAction(line, m[1])}
}

// unexpectedToken: `unexpected "}" in operand` and the like.
func unexpectedToken(_ *Theme, m []string, _, line []byte, _ int) explained {
	tok := m[1]
	if s, err := strconv.Unquote(tok); err == nil {
		tok = s
	} else if strings.HasPrefix(tok, "<") && strings.HasSuffix(tok, ">") && len(tok) > 2 {
		tok = tok[1 : len(tok)-1]
	}
	e := explained{msg: "{{ }} 里出现了不该有的 " + tok, hint: "检查这一处的写法;模板语法见 README 的“模板”一节",
		col: findToken(line, tok, false)}
	switch tok {
	case "}":
		e.msg = "{{ }} 里多了一个 }"
		e.hint = "动作以 }} 结束,两个 } 之间不能有空格"
	case "<", ">":
		e.msg = "{{ }} 里出现了 " + tok
		e.hint = "HTML 标签要写在 {{ }} 外面;比较大小用 lt、gt 等函数,例如 {{ if gt .WordCount 100 }}"
	case "|":
		e.msg = "管道 | 的前面缺少值"
		e.hint = "管道写成 {{ 值 | 函数 }},例如 {{ .Title | truncate 30 }}"
	case ".":
		e.msg = "{{ }} 里多了一个 ."
		e.hint = "字段写成 .Title,字段名后面不要再跟 ."
		e.col = findStrayDot(line)
	case "=":
		e.msg = "{{ }} 里的 = 用法有误"
		e.hint = "定义变量用 :=,例如 {{ $n := len .Pages }};比较用 eq,例如 {{ if eq .Section \"news\" }}"
	case "EOF":
		e.msg = "模板在 {{ }} 还没写完时就结束了"
		e.hint = "检查最后一个动作是否写完整、括号和引号是否成对"
		e.col = 0
	}
	return e
}

// findToken returns the 1-based column (in characters) of the first tok in
// the actions of line, or in the whole line when it has no "{{" (an action
// that started on an earlier line); 0 when it is not there. A word must
// not be part of a longer name.
func findToken(line []byte, tok string, word bool) int {
	from := bytes.Index(line, []byte("{{"))
	if from < 0 || tok == "{{" {
		from = 0
	}
	for i := from; i < len(line); {
		j := bytes.Index(line[i:], []byte(tok))
		if j < 0 {
			return 0
		}
		k := i + j
		if !word || (!nameByte(line, k-1) && !nameByte(line, k+len(tok))) {
			return utf8.RuneCount(line[:k]) + 1
		}
		i = k + 1
	}
	return 0
}

// findAction returns the 1-based column of the "{{" of the first action
// of line whose first word is word, or 0.
func findAction(line []byte, word string) int {
	for i := 0; ; {
		j := bytes.Index(line[i:], []byte("{{"))
		if j < 0 {
			return 0
		}
		start := i + j
		if actionWord(line[start+2:]) == word {
			return utf8.RuneCount(line[:start]) + 1
		}
		i = start + 2
	}
}

// nameByte reports whether line[i] is part of a name ("a", "_", "9", ".", "$").
func nameByte(line []byte, i int) bool {
	if i < 0 || i >= len(line) {
		return false
	}
	c := line[i]
	return c == '_' || c == '.' || c == '$' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// findStrayDot is the column of a "." in an action that follows a name
// and starts none (".Title. "), or that another "." follows; 0 if none.
func findStrayDot(line []byte) int {
	for i := max(bytes.Index(line, []byte("{{")), 0); i < len(line); i++ {
		if line[i] != '.' {
			continue
		}
		afterName := nameByte(line, i-1) && line[i-1] != '.' && line[i-1] != '$'
		if afterName && !nameByte(line, i+1) || i+1 < len(line) && line[i+1] == '.' {
			return utf8.RuneCount(line[:i]) + 1
		}
	}
	return 0
}

// blockAction is an action that opens a block, continues it or ends it.
type blockAction struct {
	word      string // "if", "range", "with", "block", "define", "else" or "end"
	line, col int    // where its "{{" is; col in characters, 1-based
	indent    int    // blanks before the first character of its line
}

// blockActions lists the block actions of a template source in order,
// skipping comments and strings (templateActions). nil when an action is
// not closed.
func blockActions(src []byte) []blockAction {
	spans, ok := templateActions(src)
	if !ok {
		return nil
	}
	var out []blockAction
	line, lineStart, last := 1, 0, 0
	for _, s := range spans {
		word := actionWord(src[s[0]+2 : s[1]-2])
		switch word {
		case "if", "range", "with", "block", "define", "else", "end":
		default:
			continue
		}
		for i := last; i < s[0]; i++ {
			if src[i] == '\n' {
				line, lineStart = line+1, i+1
			}
		}
		last = s[0]
		indent := 0
		for lineStart+indent < len(src) && (src[lineStart+indent] == ' ' || src[lineStart+indent] == '\t') {
			indent++
		}
		out = append(out, blockAction{word: word, line: line, col: utf8.RuneCount(src[lineStart:s[0]]) + 1, indent: indent})
	}
	return out
}

// actionWord is the first word of an action's body: "if" for "- if .X ".
func actionWord(body []byte) string {
	body = bytes.TrimLeft(body, "- \t\r\n")
	n := 0
	for n < len(body) && 'a' <= body[n] && body[n] <= 'z' {
		n++
	}
	if nameByte(body, n) {
		return ""
	}
	return string(body[:n])
}

func opens(word string) bool {
	return word == "if" || word == "range" || word == "with" || word == "block" || word == "define"
}

// unclosedBlock finds the block action that has no {{ end }}. Matching
// ends to openers innermost first leaves the outermost opener unclosed,
// but the mistake is most often an inner one whose {{ end }} is missing,
// so that the next {{ end }} closed it instead of its own opener: an end
// less indented than the opener it closes, on another line, gives that
// opener away. Without such a clue the innermost unclosed opener is it.
func unclosedBlock(src []byte) (blockAction, bool) {
	var stack []blockAction
	var suspect *blockAction
	for _, a := range blockActions(src) {
		switch {
		case opens(a.word):
			stack = append(stack, a)
		case a.word == "end" && len(stack) > 0:
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if suspect == nil && open.line != a.line && a.indent < open.indent {
				suspect = &open
			}
		}
	}
	if len(stack) == 0 {
		return blockAction{}, false
	}
	if suspect != nil {
		return *suspect, true
	}
	return stack[len(stack)-1], true
}

// extraEnd finds the first {{ end }} that closes nothing.
func extraEnd(src []byte) (blockAction, bool) {
	depth := 0
	for _, a := range blockActions(src) {
		switch {
		case opens(a.word):
			depth++
		case a.word == "end" && depth == 0:
			return a, true
		case a.word == "end":
			depth--
		}
	}
	return blockAction{}, false
}
