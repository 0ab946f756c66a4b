package content

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"yipin/generator/config/yamlsrc"
)

// NormPath returns the slash path p in Unicode normal form C, the form in
// which content paths are kept. Editors on macOS may write a name such as
// "café.md" with the accent as a separate character (form D), while links
// and URLs are typed in form C; both name the same file there. A caller
// that turns a path on disk into a content path (yipin serve, for the file
// an event names) must pass it through NormPath to match Source.Path.
func NormPath(p string) string {
	return norm.NFC.String(p) // p itself, without allocating, when already in form C
}

// problem is what is wrong with a site path.
type problem struct {
	why     string // in Chinese, "" when the path is fine
	outside bool   // the path could lead outside the output folder ("../x", "\\x", "//host", "https://…")
	control bool   // the path holds control characters
}

// pathProblem says what is wrong with the site path p, if anything: it
// could lead outside the output folder, or it holds characters that
// cannot be used in a URL or file name.
func pathProblem(p string) problem {
	if pr := rawProblem(p); pr.why != "" {
		return pr
	}
	if dec, err := url.PathUnescape(p); err == nil && dec != p {
		if pr := rawProblem(dec); pr.why != "" {
			return pr
		}
	}
	// The path becomes both a folder name and a URL: "%" and "#" would
	// mean one thing on disk and another in a browser.
	if i := strings.IndexAny(p, "%#"); i >= 0 {
		return problem{why: "含有不能用在网址和文件名里的字符 “" + p[i:i+1] + "”"}
	}
	return problem{}
}

func rawProblem(p string) problem {
	for _, r := range p {
		if isControl(r) {
			return problem{why: "含有看不见的控制字符 " + escape(string(r)) + ",网址和文件名里不能有控制字符", control: true}
		}
	}
	switch {
	case strings.Contains(p, "\\"):
		return problem{why: "不能含有反斜杠 “\\”", outside: true}
	case strings.Contains(p, "://"):
		return problem{why: "不能是站外网址", outside: true}
	case strings.HasPrefix(p, "//"):
		return problem{why: "不能以 “//” 开头", outside: true}
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return problem{why: "不能含有 “..”", outside: true}
		}
	}
	if i := strings.IndexAny(p, ":*?\"<>|"); i >= 0 {
		return problem{why: "含有不能用在网址和文件名里的字符 “" + p[i:i+1] + "”"}
	}
	return problem{}
}

// hintControl is the hint for a value holding control characters.
const hintControl = "控制字符看不见,多半是从网页、Word 或聊天软件里复制时带进来的,或是写了 \\0、\\u0000 这样的转义;请删掉整个值,重新用键盘输入"

// hasControl reports whether s holds a control character.
func hasControl(s string) bool {
	for _, r := range s {
		if isControl(r) {
			return true
		}
	}
	return false
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0)
}

// shown is s as a message quotes it: clipped to n characters, with
// control characters and bytes that are not UTF-8 escaped (see escape).
func shown(s string, n int) string { return escape(yamlsrc.Clip(s, n)) }

// escape writes the control characters of s and the bytes that are not
// UTF-8 as escapes ("\t", "\x00", "\x1b", "\u0085", and "\xd5" for a
// stray byte), so that a message shows where they are and never sends
// them to the terminal as they are. s is returned as it is when it has
// none.
func escape(s string) string {
	if utf8.ValidString(s) && !hasControl(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapeBytes is escape for a name that is not UTF-8: every byte outside
// printable ASCII is escaped, as the pieces of it that happen to be UTF-8
// ("\xdf\xbd" of GBK "\xb2\xdf\xbd\xe2") are no characters either.
func escapeBytes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			fmt.Fprintf(&b, `\x%02x`, c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeMarks is escape that also writes combining marks (the accent of
// "e\u0301", as macOS stores "é" in file names) as escapes, to show two
// names that look the same apart.
func escapeMarks(s string) string {
	var b strings.Builder
	for _, r := range escape(s) {
		if unicode.Is(unicode.Mn, r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
