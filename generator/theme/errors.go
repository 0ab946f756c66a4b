package theme

import (
	"bytes"
	"errors"
	"html/template"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"yipin/generator/diag"
)

// Template errors come from Go's text/template and html/template, in
// English. templateError keeps their position (file:line:col) and says in
// plain Chinese what is wrong and how to fix it: execerr.go translates the
// errors of executing a template, syntaxerr.go those of parsing one. A
// message that is not recognised keeps its English, after a Chinese
// sentence, so that nothing is lost.

// errRE matches the position in a template error: "template: NAME:LINE:COL: ",
// "template: NAME:LINE: " or "template: NAME: " (html/template writes
// "html/template:NAME:…"). COL is Go's 0-based byte offset in the line.
var errRE = regexp.MustCompile(`template: ?([^:\s]+):(?:(\d+):)?(?:(\d+):)? `)

// startedRE finds where an unclosed action began: the parser reports the
// line where it gave up, usually the end of the file.
var startedRE = regexp.MustCompile(` (?:in action )?started at ([^:\s]+):(\d+)$`)

// funcError is an error of a template function, in Chinese, that says
// how to fix it: explainExec shows it as it is, with its hint.
type funcError struct{ msg, hint string }

func (e *funcError) Error() string { return e.msg }

// explained is a template error in Chinese. line and col, when not 0,
// are a position the English message did not give (col in characters,
// 1-based); col alone is a column in the line the message names.
type explained struct {
	msg, hint string
	line, col int
}

// parseError is the diagnostic for an error of parsing a template.
func (t *Theme) parseError(err error) *diag.Diagnostic {
	d := t.templateError(err, true)
	d.Message = "模板语法有误:" + d.Message
	return d
}

// execError is the diagnostic for an error of executing a template.
func (t *Theme) execError(err error) *diag.Diagnostic {
	d := t.templateError(err, false)
	d.Message = "模板出错:" + d.Message
	return d
}

// templateError turns a template error into a diagnostic at the template's
// file:line:col. The innermost position is the most useful: errors raised
// inside a partial name the partial last.
func (t *Theme) templateError(err error, parsing bool) *diag.Diagnostic {
	msg := err.Error()
	all := errRE.FindAllStringSubmatchIndex(msg, -1)
	if len(all) == 0 {
		e := t.explainExec(err, msg)
		return diag.New("", 0, 0, "%s", e.msg).WithHint("%s", e.hint)
	}
	m := all[len(all)-1]
	name := msg[m[2]:m[3]]
	line, col := 0, -1
	if m[4] >= 0 {
		line, _ = strconv.Atoi(msg[m[4]:m[5]])
	}
	if m[6] >= 0 {
		col, _ = strconv.Atoi(msg[m[6]:m[7]])
	}
	rest := msg[m[1]:]
	if s := startedRE.FindStringSubmatchIndex(rest); s != nil && rest[s[2]:s[3]] == name {
		line, _ = strconv.Atoi(rest[s[4]:s[5]])
		col = -1
		rest = rest[:s[0]]
	}
	file := t.files[name]
	if file == "" {
		file = name
	}
	src, rerr := os.ReadFile(t.abs[name])
	var e explained
	if parsing {
		e = t.explainSyntax(rest, src, line)
	} else {
		e = t.explainExec(err, rest)
	}
	if !parsing {
		col = alignToNode(lineOf(src, line), col, rest)
	}
	c := runeCol(src, line, col)
	if e.line > 0 {
		line, c = e.line, e.col
	} else if e.col > 0 && c == 0 {
		c = e.col
	}
	d := diag.New(file, line, c, "%s", e.msg).WithHint("%s", e.hint)
	if rerr == nil {
		d.WithSource(src)
	}
	return d
}

// runeCol turns Go's 0-based byte offset in a line of src into the 1-based
// column in characters that diagnostics use; -1 (no column) gives 0.
func runeCol(src []byte, line, byteCol int) int {
	if byteCol < 0 {
		return 0
	}
	text := lineOf(src, line)
	if byteCol > len(text) {
		return byteCol + 1
	}
	return utf8.RuneCount(text[:byteCol]) + 1
}

// alignToNode moves a column Go gives inside an action's operand (at
// ".Config" in ".Site.Config.Params.x") to where the operand starts. rest
// is the error's text, which names the operand.
func alignToNode(line []byte, byteCol int, rest string) int {
	m := atRE.FindStringSubmatch(rest)
	if m == nil || byteCol < 0 || m[1] == "" {
		return byteCol
	}
	node := []byte(m[1])
	for i := 0; ; {
		j := bytes.Index(line[i:], node)
		if j < 0 || i+j > byteCol {
			return byteCol
		}
		if start := i + j; byteCol < start+len(node) {
			return start
		}
		i += j + 1
	}
}

// lineOf returns line n (1-based) of src without its newline, or nil.
func lineOf(src []byte, n int) []byte {
	for i := 1; i < n && len(src) > 0; i++ {
		if j := bytes.IndexByte(src, '\n'); j >= 0 {
			src = src[j+1:]
		} else {
			src = nil
		}
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return src
}

// asFuncError finds the funcError in err's chain, if any.
func asFuncError(err error) (*funcError, bool) {
	var fe *funcError
	ok := errors.As(err, &fe)
	return fe, ok
}

// asHTMLError finds html/template's escaping error in err's chain, if any.
func asHTMLError(err error) (*template.Error, bool) {
	var he *template.Error
	ok := errors.As(err, &he)
	return he, ok
}

// untranslated is the last resort: a Chinese sentence, then Go's English.
func untranslated(what, english string) explained {
	return explained{
		msg:  what + "(Go 的原始信息:" + strings.TrimSpace(english) + ")",
		hint: "检查这一处的字段名、函数名和参数;模板的写法见 README 的“模板”一节",
	}
}
