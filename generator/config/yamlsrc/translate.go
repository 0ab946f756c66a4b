package yamlsrc

import (
	"strings"
	"unicode/utf8"
)

// Hints shared by several YAML problems.
const (
	hintColon = "每项设置写成“名称: 值”(英文冒号,冒号后加一个空格),同一级的设置要左对齐;" +
		"如果值里本身带有“: ”或以 #、@、& 等符号开头,请用英文双引号把整个值括起来,例如 title: \"通知: 关于……\""
	hintIndent = "同一级的设置要左对齐,下一级比上一级多缩进两个空格;只能用空格缩进,不能用 Tab 键"
	hintPairs  = "检查英文引号 \" 或 '、方括号 [ ]、花括号 { } 是否成对出现"
	hintQuotes = "值以英文引号开头时,整个值都要在这对引号里面;值里本身有引号时,请用另一种引号把整个值括起来," +
		"例如 title: '他说\"要学习\"' 或 title: \"他说'要学习'\";中文引号“”不受影响"
)

// translate gives the Chinese message and hint for a problem reported by
// the YAML parser; text is the line blamed for it.
func translate(problem, text string) (msg, hint string) {
	switch {
	case quotedValue(text) >= 0 && (strings.Contains(problem, "did not find expected key") ||
		strings.Contains(problem, "expected comment or line break")):
		return "引号结束以后,这一行还有多余的内容", hintQuotes
	case bracketValue(text) >= 0 && bracketProblem(problem):
		return "值以“[”或“{”开头,YAML 把它当成了列表或一组设置,但后面的内容对不上",
			"如果这是一段文字(例如标题“[通知] 关于……”),请用英文双引号把整个值括起来,例如 title: \"[通知] 关于……\";" +
				"如果确实是列表,请检查方括号 [ ] 或花括号 { } 是否成对、各项之间是否用英文逗号分开"
	case strings.Contains(problem, "tab character"),
		strings.Contains(problem, "cannot start any token") && strings.Contains(text, "\t"):
		return "这一行用了 Tab 键缩进", "YAML 只能用空格缩进,请把 Tab 换成两个空格"
	case strings.Contains(problem, "mapping values are not allowed"):
		return "这一行的冒号用得不对(可能是缩进没对齐,或者值里含有“: ”)", hintColon
	case strings.Contains(problem, "cannot start any token"):
		return "值以 YAML 不允许的符号(如 @、`、%)开头", "请用英文双引号把整个值括起来,例如 author: \"@宣传部\""
	case strings.Contains(problem, "could not find expected ':'"):
		return "这一行缺少冒号", hintColon
	case strings.Contains(problem, "unexpected end of stream"):
		return "内容没有正常结束,可能是引号或括号没有配对", hintPairs
	case strings.Contains(problem, "expected ',' or ']'"):
		return "方括号 [ ] 没有配对,或列表项之间缺少英文逗号", hintPairs
	case strings.Contains(problem, "expected ',' or '}'"):
		return "花括号 { } 没有配对,或设置项之间缺少英文逗号", hintPairs
	case strings.Contains(problem, "did not find expected key"):
		return "这一行的缩进和上面的设置对不齐", hintIndent
	case strings.Contains(problem, "expected '-' indicator"):
		return "列表里混进了不以“- ”开头的行", "列表的每一项都以“- ”开头并左对齐;如果这一行是新的设置项,请减少它的缩进。" + hintIndent
	case strings.Contains(problem, "expected node content"):
		return "这里缺少内容", hintColon
	case strings.Contains(problem, "unknown escape character"),
		strings.Contains(problem, "Unicode character escape"),
		strings.Contains(problem, "hexdecimal number"):
		return "双引号里的反斜杠 \\ 用法不对", "把值外面的双引号改成单引号,或者把 \\ 写成 \\\\"
	case strings.Contains(problem, "expected comment or line break"):
		return "引号结束以后,这一行还有多余的内容", hintQuotes
	case strings.HasPrefix(problem, "unknown anchor"):
		return "用了 * 开头的值,但找不到对应的 & 锚点", "如果 * 是文字的一部分,请用英文双引号把整个值括起来,例如 note: \"*注意\""
	case strings.Contains(problem, "alphabetic or numeric character"):
		return "& 或 * 后面缺少名称", "如果 & 或 * 是文字的一部分,请用英文双引号把整个值括起来"
	case strings.Contains(problem, "control characters"),
		strings.Contains(problem, "UTF-8 octet"):
		return "含有看不见的控制字符", "这通常来自从别处复制的文字;请删掉这一行重新输入"
	case strings.Contains(problem, "document indicator"):
		return "这里不能单独写“---”或“...”", "删掉这一行,或把它用英文引号括起来"
	case strings.Contains(problem, "max depth"), strings.Contains(problem, "excessive"):
		return "层层嵌套太深,无法读取", "检查方括号 [ ]、花括号 { } 是否成对,缩进是否正确"
	case strings.Contains(problem, "tag"):
		return "值以 ! 开头,YAML 把它当成了类型标记", "请用英文双引号把整个值括起来"
	}
	return "无法解析(" + problem + ")", hintColon
}

// column guesses the 1-based column of the problem in the blamed line, or
// 0 when it cannot tell.
func column(problem, text string) int {
	text = strings.TrimRight(text, "\r\n")
	switch {
	case quotedValue(text) >= 0 && (strings.Contains(problem, "did not find expected key") ||
		strings.Contains(problem, "expected comment or line break")):
		return runeCol(text, quotedValue(text))
	case bracketValue(text) >= 0 && bracketProblem(problem):
		return runeCol(text, bracketValue(text))
	case strings.Contains(problem, "unexpected end of stream") && quotedValue(text) >= 0:
		return runeCol(text, quotedValue(text)) // the quote that is never closed
	case strings.Contains(problem, "unexpected end of stream") && bracketValue(text) >= 0:
		return runeCol(text, bracketValue(text))
	case strings.Contains(problem, "tab character"),
		strings.Contains(problem, "cannot start any token") && strings.Contains(text, "\t"):
		return runeCol(text, strings.IndexByte(text, '\t'))
	case strings.Contains(problem, "mapping values are not allowed"):
		first := colonAt(text, 0)
		if first < 0 {
			return 0
		}
		if second := colonAt(text, first+1); second >= 0 {
			return runeCol(text, second)
		}
		return runeCol(text, first)
	case strings.Contains(problem, "cannot start any token"):
		return runeCol(text, strings.IndexAny(text, "@`%"))
	case strings.Contains(problem, "could not find expected ':'"),
		strings.Contains(problem, "did not find expected key"),
		strings.Contains(problem, "expected '-' indicator"):
		return runeCol(text, len(text)-len(strings.TrimLeft(text, " ")))
	}
	return 0
}

// colonAt returns the byte index of the first YAML key colon (":" followed
// by a blank or the end of the line) at or after from, or -1.
func colonAt(text string, from int) int {
	for i := from; i < len(text); i++ {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t') {
			return i
		}
	}
	return -1
}

// runeCol turns a byte index of text into a 1-based column counted in
// characters; a negative index gives 0.
func runeCol(text string, i int) int {
	if i < 0 || i > len(text) {
		return 0
	}
	return utf8.RuneCountInString(text[:i]) + 1
}

// quotedValue returns the byte index of the quote that starts the value of
// a "key: value" line, or -1.
func quotedValue(text string) int {
	i := colonAt(text, 0)
	if i < 0 {
		return -1
	}
	rest := strings.TrimLeft(text[i+1:], " \t")
	if rest == "" || rest[0] != '\'' && rest[0] != '"' {
		return -1
	}
	return len(text) - len(rest)
}

// bracketValue returns the byte index of a "[" or "{" that starts the value
// of a "key: value" line, or -1.
func bracketValue(text string) int {
	i := colonAt(text, 0)
	if i < 0 {
		return -1
	}
	rest := strings.TrimLeft(text[i+1:], " \t")
	if rest == "" || rest[0] != '[' && rest[0] != '{' {
		return -1
	}
	return len(text) - len(rest)
}

// bracketProblem reports whether problem is one a flow list or mapping
// followed by more text causes.
func bracketProblem(problem string) bool {
	for _, p := range []string{"did not find expected key", "expected ',' or", "expected node content",
		"mapping values are not allowed", "could not find expected ':'"} {
		if strings.Contains(problem, p) {
			return true
		}
	}
	return false
}
