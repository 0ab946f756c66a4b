// Package diag holds positioned diagnostics: what is wrong, where
// (file:line:col) and how to fix it, in the plain Chinese that yipin's users
// read. Every package that reports problems in user input builds them here;
// the CLI prints them and the dev server shows them in the browser.
package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	Error   Severity = iota // the build fails
	Warning                 // reported, the build goes on
)

// Diagnostic is one problem found in one file.
type Diagnostic struct {
	Severity Severity
	File     string // slash-separated, relative to the site root where possible
	Line     int    // 1-based; 0 when unknown
	Col      int    // 1-based, counted in characters (runes); 0 when unknown
	Message  string // what is wrong
	Hint     string // how to fix it; may be empty
	Excerpt  []SourceLine
}

// SourceLine is one numbered line of the file around the problem.
type SourceLine struct {
	Num  int
	Text string // control characters shown as their symbols (␀, ␛, …)
	// Cut is how many characters of a long line were left out before
	// Text, which then starts with "…"; the rest is cut too.
	Cut int
}

// excerptWidth is how many characters of a line an excerpt shows: a
// window around the column, so that a minified or generated line of
// 100,000 characters does not flood the terminal.
const excerptWidth = 160

// Caret is the column in l.Text of the character at column col of the
// line, for the caret under it.
func (l SourceLine) Caret(col int) int {
	if l.Cut == 0 {
		return col
	}
	return col - l.Cut + 1 // after the "…"
}

// New returns an error diagnostic at file:line:col.
func New(file string, line, col int, format string, args ...any) *Diagnostic {
	return &Diagnostic{File: file, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
}

// Warn returns a warning diagnostic at file:line:col.
func Warn(file string, line, col int, format string, args ...any) *Diagnostic {
	d := New(file, line, col, format, args...)
	d.Severity = Warning
	return d
}

// WithHint sets how to fix the problem and returns d.
func (d *Diagnostic) WithHint(format string, args ...any) *Diagnostic {
	d.Hint = fmt.Sprintf(format, args...)
	return d
}

// WithSource keeps the lines of src around d.Line (two before, one after)
// so the message can show them. It returns d.
func (d *Diagnostic) WithSource(src []byte) *Diagnostic {
	if d.Line <= 0 || len(src) == 0 {
		return d
	}
	first, last := max(1, d.Line-2), d.Line+1
	num := 1
	for len(src) > 0 && num <= last {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if num >= first {
			text := strings.TrimRight(string(bytes.ToValidUTF8(line, []byte("\uFFFD"))), "\r")
			d.Excerpt = append(d.Excerpt, excerptLine(num, text, d.Col))
		}
		num++
	}
	return d
}

// excerptLine is line num of a file, at most excerptWidth characters of
// it around column col, with control characters made visible.
func excerptLine(num int, text string, col int) SourceLine {
	l := SourceLine{Num: num}
	runes := []rune(text)
	if len(runes) > excerptWidth {
		start := min(max(0, col-1-excerptWidth/2), len(runes)-excerptWidth)
		end := start + excerptWidth
		prefix, suffix := "", ""
		if start > 0 {
			prefix, l.Cut = "…", start
		}
		if end < len(runes) {
			suffix = "…"
		}
		text = prefix + string(runes[start:end]) + suffix
	}
	l.Text = Visible(text, false)
	return l
}

// Visible shows the control characters of s as their Unicode symbols
// (U+2400 ␀ … U+241F, and ␡ for DEL), one character for one, so that
// columns stay where they were and nothing a file holds can move the
// cursor or recolour a terminal. Line breaks stay when keepBreaks.
func Visible(s string, keepBreaks bool) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case keepBreaks && r == '\n', r == '\t':
			return r
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return 0x2421
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }

// Location is "file:line:col", leaving out the parts that are unknown.
func (d *Diagnostic) Location() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	return d.File
}

// Error is the one-line form: "file:line:col: 错误:message(提示:hint)".
func (d *Diagnostic) Error() string {
	var b strings.Builder
	d.writeHead(&b)
	if d.Hint != "" {
		b.WriteString("(提示:")
		b.WriteString(Visible(d.Hint, true))
		b.WriteString(")")
	}
	return b.String()
}

// writeHead writes "file:line:col: 错误:message", the start of both forms.
func (d *Diagnostic) writeHead(b *strings.Builder) {
	if d.File != "" {
		b.WriteString(Visible(d.Location(), false))
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("警告:")
	} else {
		b.WriteString("错误:")
	}
	b.WriteString(Visible(d.Message, true))
}

// Long is the multi-line form for terminals: the one-line form, the source
// lines around the problem with a caret under the column, and the hint.
func (d *Diagnostic) Long() string {
	var b strings.Builder
	d.writeHead(&b)
	b.WriteByte('\n')
	width := len(fmt.Sprint(d.Line + 1))
	for _, l := range d.Excerpt {
		mark := " "
		if l.Num == d.Line {
			mark = ">"
		}
		fmt.Fprintf(&b, "  %s %*d | %s\n", mark, width, l.Num, l.Text)
		if l.Num == d.Line && d.Col > 0 {
			fmt.Fprintf(&b, "    %*s | %s^\n", width, "", caretPad(l.Text, l.Caret(d.Col)))
		}
	}
	if d.Hint != "" {
		b.WriteString("  提示:")
		b.WriteString(Visible(d.Hint, true))
		b.WriteByte('\n')
	}
	return b.String()
}

// caretPad returns blanks as wide as the first col-1 characters of text,
// counting East Asian wide characters as two columns.
func caretPad(text string, col int) string {
	var b strings.Builder
	for i, r := range []rune(text) {
		if i >= col-1 {
			break
		}
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case isWide(r):
			b.WriteString("  ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) ||
		(r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x20000 && r <= 0x3FFFD))
}

// Position turns a byte offset in src into a 1-based line and a 1-based
// column counted in characters.
func Position(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	before := src[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// List gathers diagnostics from many goroutines. It keeps at most Max
// errors (all when Max is 0) and counts the ones it drops. The errors kept
// are the first Max in sort order, whatever order they arrived in, so that
// a capped report does not depend on goroutine timing.
type List struct {
	Max      int
	mu       sync.Mutex
	errors   []*Diagnostic
	warnings []*Diagnostic
	dropped  int
}

// DefaultMax is how many errors a build reports before it only counts them.
const DefaultMax = 50

// Add records d. A nil d is ignored.
func (l *List) Add(d *Diagnostic) {
	if d == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case d.Severity != Error:
		l.warnings = append(l.warnings, d)
	case l.Max <= 0 || len(l.errors) < l.Max:
		l.errors = append(l.errors, d)
	default:
		l.dropped++
		last := 0
		for i, e := range l.errors {
			if compare(e, l.errors[last]) > 0 {
				last = i
			}
		}
		if compare(d, l.errors[last]) < 0 {
			l.errors[last] = d
		}
	}
}

// AddAll records every diagnostic of ds.
func (l *List) AddAll(ds []*Diagnostic) {
	for _, d := range ds {
		l.Add(d)
	}
}

// HasErrors reports whether any error (not warning) was added.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.errors) > 0
}

// Dropped is how many errors went past Max.
func (l *List) Dropped() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.dropped
}

// Items returns the diagnostics sorted by file, line and column, so that
// reports are the same from run to run whatever the goroutines did.
func (l *List) Items() []*Diagnostic {
	l.mu.Lock()
	items := slices.Concat(l.errors, l.warnings)
	l.mu.Unlock()
	Sort(items)
	return items
}

// Sort orders diagnostics by file, line, column and message.
func Sort(ds []*Diagnostic) {
	slices.SortStableFunc(ds, compare)
}

func compare(a, b *Diagnostic) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col), cmp.Compare(a.Message, b.Message))
}

// Err returns nil when no error was added, else the errors (not the
// warnings) as an *Errors.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	var errs Errors
	for _, d := range l.Items() {
		if d.Severity == Error {
			errs.List = append(errs.List, d)
		}
	}
	errs.Dropped = l.Dropped()
	return &errs
}

// Errors is the error a failed build returns: every error it found.
type Errors struct {
	List    []*Diagnostic
	Dropped int // errors found past the cap and not listed
}

func (e *Errors) Error() string {
	var b strings.Builder
	for i, d := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	if e.Dropped > 0 {
		fmt.Fprintf(&b, "\n……另有 %d 个错误未列出", e.Dropped)
	}
	return b.String()
}
