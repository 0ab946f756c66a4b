package diag

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestError(t *testing.T) {
	cases := []struct {
		name string
		d    *Diagnostic
		want string
	}{
		{"file line col hint",
			New("content/news/a.md", 3, 7, "日期 “%s” 无法识别", "明天").WithHint("日期请写成 %s", "2024-06-24"),
			"content/news/a.md:3:7: 错误:日期 “明天” 无法识别(提示:日期请写成 2024-06-24)"},
		{"file line col",
			New("content/news/a.md", 3, 7, "缺少标题"),
			"content/news/a.md:3:7: 错误:缺少标题"},
		{"file line, no col",
			New("site.yaml", 12, 0, "未知设置 titel"),
			"site.yaml:12: 错误:未知设置 titel"},
		{"file only",
			New("site.yaml", 0, 0, "找不到网站设置文件"),
			"site.yaml: 错误:找不到网站设置文件"},
		{"col without line is left out",
			New("site.yaml", 0, 5, "x"),
			"site.yaml: 错误:x"},
		{"no file",
			New("", 3, 7, "不能把网站输出到 /"),
			"错误:不能把网站输出到 /"},
		{"no file with hint",
			New("", 0, 0, "出错了").WithHint("换一个文件夹"),
			"错误:出错了(提示:换一个文件夹)"},
		{"warning",
			Warn("content/a.md", 8, 1, "图片缺少替代文字"),
			"content/a.md:8:1: 警告:图片缺少替代文字"},
		{"warning with hint",
			Warn("content/a.md", 8, 0, "图片缺少替代文字").WithHint("写成 ![说明](a.jpg)"),
			"content/a.md:8: 警告:图片缺少替代文字(提示:写成 ![说明](a.jpg))"},
		{"percent in message is not a verb",
			New("a.md", 1, 1, "%s", "100% 完成"),
			"a.md:1:1: 错误:100% 完成"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.d.Error(); got != c.want {
				t.Errorf("Error()\n got: %s\nwant: %s", got, c.want)
			}
			if strings.Contains(c.d.Error(), "\n") {
				t.Errorf("Error() is not one line: %q", c.d.Error())
			}
		})
	}
}

func TestSeverity(t *testing.T) {
	if d := New("a", 1, 1, "x"); d.Severity != Error {
		t.Errorf("New gives severity %v, want Error", d.Severity)
	}
	if d := Warn("a", 1, 1, "x"); d.Severity != Warning {
		t.Errorf("Warn gives severity %v, want Warning", d.Severity)
	}
	d := New("a", 1, 1, "x")
	if d.WithHint("h") != d || d.WithSource([]byte("a\n")) != d {
		t.Error("WithHint and WithSource must return their receiver")
	}
}

func TestLong(t *testing.T) {
	front := "---\ntitle: 关于开展主题党日活动的通知\ndate: 明天\n---\n正文\n"
	cases := []struct {
		name string
		d    *Diagnostic
		want string
	}{
		{"README example",
			New("content/news/a.md", 3, 7, "日期 “明天” 无法识别").
				WithHint("日期请写成 2024-06-24").WithSource([]byte(front)),
			"content/news/a.md:3:7: 错误:日期 “明天” 无法识别\n" +
				"    1 | ---\n" +
				"    2 | title: 关于开展主题党日活动的通知\n" +
				"  > 3 | date: 明天\n" +
				"      |       ^\n" +
				"    4 | ---\n" +
				"  提示:日期请写成 2024-06-24\n"},
		{"caret after Chinese characters counts two columns each",
			// col 10 is 开: seven ASCII characters and 关于 before it.
			New("a.md", 2, 10, "x").WithSource([]byte(front)),
			"a.md:2:10: 错误:x\n" +
				"    1 | ---\n" +
				"  > 2 | title: 关于开展主题党日活动的通知\n" +
				"      | " + strings.Repeat(" ", 7+2*2) + "^\n" +
				"    3 | date: 明天\n"},
		{"tabs are kept so the caret lines up in any terminal",
			// col 6 is 值: tab, 标, 题, fullwidth colon, tab before it.
			New("a.md", 1, 6, "x").WithSource([]byte("\t标题：\t值\n")),
			"a.md:1:6: 错误:x\n" +
				"  > 1 | \t标题：\t值\n" +
				"      | \t      \t^\n"},
		{"caret at column 1",
			New("a.md", 1, 1, "x").WithSource([]byte("政策\n")),
			"a.md:1:1: 错误:x\n" +
				"  > 1 | 政策\n" +
				"      | ^\n"},
		{"caret just past the end of the line",
			New("a.md", 1, 3, "x").WithSource([]byte("政策\n")),
			"a.md:1:3: 错误:x\n" +
				"  > 1 | 政策\n" +
				"      |     ^\n"},
		{"no column: no caret",
			New("a.md", 3, 0, "x").WithSource([]byte(front)),
			"a.md:3: 错误:x\n" +
				"    1 | ---\n" +
				"    2 | title: 关于开展主题党日活动的通知\n" +
				"  > 3 | date: 明天\n" +
				"    4 | ---\n"},
		{"line numbers are right-aligned to the widest",
			New("a.md", 9, 2, "x").WithSource([]byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n")),
			"a.md:9:2: 错误:x\n" +
				"     7 | 7\n" +
				"     8 | 8\n" +
				"  >  9 | 9\n" +
				"       |  ^\n" +
				"    10 | 10\n"},
		{"no source",
			New("site.yaml", 4, 2, "未知设置").WithHint("改成 title"),
			"site.yaml:4:2: 错误:未知设置\n  提示:改成 title\n"},
		{"warning",
			Warn("a.md", 1, 1, "图片缺少替代文字").WithSource([]byte("![](a.jpg)\n")),
			"a.md:1:1: 警告:图片缺少替代文字\n" +
				"  > 1 | ![](a.jpg)\n" +
				"      | ^\n"},
		{"no file",
			New("", 0, 0, "出错了"),
			"错误:出错了\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.d.Long(); got != c.want {
				t.Errorf("Long()\n got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// termWidth is the display width of r in a terminal, decided independently
// of isWide: Han, kana, Hangul syllables, CJK punctuation and fullwidth
// forms take two columns.
func termWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana),
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0x3000 && r <= 0x303F,
		r >= 0xFF01 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6:
		return 2
	}
	return 1
}

// column is where a terminal with 8-column tab stops puts the cursor after
// printing s from column 0.
func column(s string) int {
	c := 0
	for _, r := range s {
		if r == '\t' {
			c = (c/8 + 1) * 8
		} else {
			c += termWidth(r)
		}
	}
	return c
}

// TestCaretColumn renders lines with Chinese text, fullwidth punctuation,
// kana, Hangul and tabs and checks, as a terminal would show them, that the
// caret stands under the first column of the character at Col.
func TestCaretColumn(t *testing.T) {
	lines := []string{
		"date: 明天",
		"title: 关于开展主题党日活动的通知",
		"\t标题：\t值",
		"a\tb\t政\t策x",
		"（一）指导思想。坚持“两个确立”",
		"ＡＢＣ全角字母ｘ",
		"かなカナ한국어 mixed",
		"ab\u00e9\u4e2d",
		"",
	}
	for _, line := range lines {
		runes := []rune(line)
		for col := 1; col <= len(runes)+1; col++ {
			for _, lineNum := range []int{1, 9, 99, 100} {
				src := strings.Repeat("x\n", lineNum-1) + line + "\n"
				out := New("f", lineNum, col, "m").WithSource([]byte(src)).Long()
				var text, caret string
				ls := strings.Split(out, "\n")
				for i, l := range ls {
					if strings.HasPrefix(l, "  > ") {
						text = l
						if i+1 < len(ls) {
							caret = ls[i+1]
						}
					}
				}
				if text == "" || !strings.HasSuffix(caret, "^") {
					t.Fatalf("line %d col %d of %q: no marked line or caret in\n%s", lineNum, col, line, out)
				}
				// The text starts after the first " | ", which sits at the same
				// column on both lines.
				ti := strings.Index(text, " | ") + 3
				ci := strings.Index(caret, " | ") + 3
				if column(text[:ti]) != column(caret[:ci]) {
					t.Errorf("gutters differ:\n%s\n%s", text, caret)
				}
				want := column(text[:ti] + string(runes[:col-1]))
				got := column(caret[:len(caret)-1])
				if got != want {
					t.Errorf("line %d col %d of %q: caret at column %d, character at %d\n%s",
						lineNum, col, line, got, want, out)
				}
			}
		}
	}
}

func TestWithSource(t *testing.T) {
	five := "一\n二\n三\n四\n五\n"
	lines := func(nums ...int) []SourceLine {
		names := []string{"", "一", "二", "三", "四", "五"}
		var out []SourceLine
		for _, n := range nums {
			out = append(out, SourceLine{Num: n, Text: names[n]})
		}
		return out
	}
	cases := []struct {
		name string
		src  string
		line int
		want []SourceLine
	}{
		{"middle: two before, one after", five, 3, lines(1, 2, 3, 4)},
		{"line 4", five, 4, lines(2, 3, 4, 5)},
		{"first line", five, 1, lines(1, 2)},
		{"second line", five, 2, lines(1, 2, 3)},
		{"last line", five, 5, lines(3, 4, 5)},
		{"last line without final newline", strings.TrimSuffix(five, "\n"), 5, lines(3, 4, 5)},
		{"past the end", five, 9, nil},
		{"unknown line", five, 0, nil},
		{"negative line", five, -1, nil},
		{"empty source", "", 1, nil},
		{"CRLF", "一\r\n二\r\n三\r\n四\r\n五\r\n", 3, lines(1, 2, 3, 4)},
		{"old Mac CR is not a line break, and shown", "a\rb\nc\n", 2,
			[]SourceLine{{Num: 1, Text: "a␍b"}, {Num: 2, Text: "c"}}},
		{"invalid UTF-8 replaced", "ok\n\xff\xfe坏\xe6\n好\n", 2,
			[]SourceLine{{Num: 1, Text: "ok"}, {Num: 2, Text: "\uFFFD坏\uFFFD"}, {Num: 3, Text: "好"}}},
		{"blank lines kept", "a\n\n\nb\n", 3,
			[]SourceLine{{Num: 1, Text: "a"}, {Num: 2, Text: ""}, {Num: 3, Text: ""}, {Num: 4, Text: "b"}}},
		{"trailing spaces kept", "a  \nb\t\n", 1,
			[]SourceLine{{Num: 1, Text: "a  "}, {Num: 2, Text: "b\t"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := New("f", c.line, 1, "m").WithSource([]byte(c.src))
			if !slices.Equal(d.Excerpt, c.want) {
				t.Errorf("excerpt of line %d\n got: %+v\nwant: %+v", c.line, d.Excerpt, c.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	text := "---\ntitle: 关于开展\ndate: 明天\n---\n"
	cases := []struct {
		name      string
		src       string
		offset    int
		line, col int
	}{
		{"start", text, 0, 1, 1},
		{"ASCII column", text, 2, 1, 3},
		{"at newline", text, 3, 1, 4},
		{"after newline", text, 4, 2, 1},
		{"Chinese counted as characters", text, strings.Index(text, "开"), 2, 10},
		{"after Chinese", text, strings.Index(text, "明"), 3, 7},
		{"end of Chinese line", text, strings.Index(text, "天") + len("天"), 3, 9},
		{"end of input", text, len(text), 5, 1},
		{"past the end clamps", text, len(text) + 100, 5, 1},
		{"negative clamps", text, -5, 1, 1},
		{"empty source", "", 0, 1, 1},
		{"empty source past end", "", 3, 1, 1},
		{"CRLF: CR counts on its line", "a\r\nb", 1, 1, 2},
		{"CRLF: next line", "a\r\nb", 3, 2, 1},
		{"tab is one character", "\t值", len("\t"), 1, 2},
		{"four-byte character", "𠮷野家", len("𠮷"), 1, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			line, col := Position([]byte(c.src), c.offset)
			if line != c.line || col != c.col {
				t.Errorf("Position(%q, %d) = %d:%d, want %d:%d", c.src, c.offset, line, col, c.line, c.col)
			}
		})
	}
}

// TestPositionRoundTrip checks Position against WithSource: the character
// at the reported line and column is the one at the offset.
func TestPositionRoundTrip(t *testing.T) {
	src := "---\ntitle: 关于开展“两个维护”主题党日\r\ntags: [清廉机关, 模范机关]\n\t正文：第一段。\n"
	for off, r := range src {
		if r == '\n' || r == '\r' {
			continue
		}
		line, col := Position([]byte(src), off)
		d := New("f", line, col, "m").WithSource([]byte(src))
		var text string
		for _, l := range d.Excerpt {
			if l.Num == line {
				text = l.Text
			}
		}
		runes := []rune(text)
		if col-1 >= len(runes) || runes[col-1] != r {
			t.Errorf("offset %d (%q): %d:%d points into %q", off, r, line, col, text)
		}
	}
}

func TestLocation(t *testing.T) {
	cases := []struct {
		d    *Diagnostic
		want string
	}{
		{New("a.md", 3, 7, ""), "a.md:3:7"},
		{New("a.md", 3, 0, ""), "a.md:3"},
		{New("a.md", 0, 0, ""), "a.md"},
		{New("a.md", 0, 7, ""), "a.md"},
		{New("content/新闻/政策解读.md", 1, 1, ""), "content/新闻/政策解读.md:1:1"},
	}
	for _, c := range cases {
		if got := c.d.Location(); got != c.want {
			t.Errorf("Location() = %q, want %q", got, c.want)
		}
	}
}

func TestListEmpty(t *testing.T) {
	var l List
	if l.HasErrors() || l.Dropped() != 0 || len(l.Items()) != 0 {
		t.Errorf("empty list: errors %v, dropped %d, items %d", l.HasErrors(), l.Dropped(), len(l.Items()))
	}
	if err := l.Err(); err != nil {
		t.Errorf("Err() of an empty list = %#v, want a nil error", err)
	}
	l.Add(nil)
	l.AddAll([]*Diagnostic{nil, nil})
	if len(l.Items()) != 0 || l.HasErrors() {
		t.Error("nil diagnostics were recorded")
	}
}

func TestListWarningsOnly(t *testing.T) {
	l := List{Max: 1}
	for i := range 5 {
		l.Add(Warn("a.md", i+1, 1, "警告 %d", i))
	}
	if l.HasErrors() {
		t.Error("warnings count as errors")
	}
	if err := l.Err(); err != nil {
		t.Errorf("Err() with only warnings = %v, want nil", err)
	}
	if n := len(l.Items()); n != 5 {
		t.Errorf("%d items, want all 5 warnings (Max caps errors only)", n)
	}
	if l.Dropped() != 0 {
		t.Errorf("dropped %d warnings", l.Dropped())
	}
}

func TestListErrListsOnlyErrors(t *testing.T) {
	var l List
	l.AddAll([]*Diagnostic{
		Warn("b.md", 1, 1, "警告一"),
		New("b.md", 2, 1, "错误一"),
		Warn("a.md", 5, 1, "警告二"),
		New("a.md", 9, 3, "错误二"),
	})
	err := l.Err()
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Err() = %T, want *Errors", err)
	}
	var got []string
	for _, d := range errs.List {
		if d.Severity != Error {
			t.Errorf("warning in Err(): %v", d)
		}
		got = append(got, d.Message)
	}
	if want := []string{"错误二", "错误一"}; !slices.Equal(got, want) {
		t.Errorf("Err() lists %q, want %q (errors only, sorted by file)", got, want)
	}
	if errs.Dropped != 0 {
		t.Errorf("Dropped = %d", errs.Dropped)
	}
	if n := len(l.Items()); n != 4 {
		t.Errorf("Items() has %d, want 4 (warnings too)", n)
	}
	want := "a.md:9:3: 错误:错误二\nb.md:2:1: 错误:错误一"
	if err.Error() != want {
		t.Errorf("Error()\n got: %s\nwant: %s", err.Error(), want)
	}
}

func TestItemsSorted(t *testing.T) {
	in := []*Diagnostic{
		New("b.md", 1, 1, "z"),
		New("a.md", 10, 1, "z"),
		New("a.md", 2, 5, "z"),
		Warn("a.md", 2, 5, "a"),
		New("a.md", 2, 1, "z"),
		New("", 0, 0, "no file"),
		New("a.md", 0, 0, "whole file"),
		New("content/新闻.md", 1, 1, "z"),
		New("content/b.md", 1, 1, "z"),
	}
	want := []string{
		":0:0:no file",
		"a.md:0:0:whole file",
		"a.md:2:1:z",
		"a.md:2:5:a",
		"a.md:2:5:z",
		"a.md:10:1:z", // numerically, not as text
		"b.md:1:1:z",
		"content/b.md:1:1:z",
		"content/新闻.md:1:1:z",
	}
	for _, seed := range []uint64{1, 2, 3, 4, 5} {
		shuffled := slices.Clone(in)
		rand.New(rand.NewPCG(seed, seed)).Shuffle(len(shuffled), func(i, j int) {
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
		})
		var l List
		l.AddAll(shuffled)
		var got []string
		for _, d := range l.Items() {
			got = append(got, fmt.Sprintf("%s:%d:%d:%s", d.File, d.Line, d.Col, d.Message))
		}
		if !slices.Equal(got, want) {
			t.Errorf("seed %d: Items() order\n got: %q\nwant: %q", seed, got, want)
		}
	}
}

func TestItemsIsACopy(t *testing.T) {
	var l List
	l.Add(New("a.md", 1, 1, "x"))
	l.Add(New("b.md", 1, 1, "y"))
	items := l.Items()
	items[0] = nil
	_ = append(items[:1], New("z.md", 1, 1, "z"))
	again := l.Items()
	if len(again) != 2 || again[0] == nil || again[1].File != "b.md" {
		t.Errorf("changing the result of Items changed the list: %v", again)
	}
}

// TestListConcurrent adds from many goroutines at once (run with -race).
func TestListConcurrent(t *testing.T) {
	const goroutines, each = 64, 200
	for _, max := range []int{0, 50, goroutines * each} {
		t.Run(fmt.Sprint("max ", max), func(t *testing.T) {
			l := &List{Max: max}
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Go(func() {
					for i := range each {
						file := fmt.Sprintf("content/%02d.md", g)
						if i%2 == 0 {
							l.Add(Warn(file, i+1, 1, "警告"))
						} else {
							l.AddAll([]*Diagnostic{New(file, i+1, 1, "错误")})
						}
						_ = l.HasErrors()
						_ = l.Dropped()
						if i == each/2 {
							_ = l.Items()
						}
					}
				})
			}
			wg.Wait()
			warnings, errs := goroutines*each/2, goroutines*each/2
			kept := errs
			if max > 0 {
				kept = min(max, errs)
			}
			items := l.Items()
			nw, ne := 0, 0
			for _, d := range items {
				if d.Severity == Warning {
					nw++
				} else {
					ne++
				}
			}
			if nw != warnings || ne != kept {
				t.Errorf("kept %d warnings and %d errors, want %d and %d", nw, ne, warnings, kept)
			}
			if got := l.Dropped(); got != errs-kept {
				t.Errorf("Dropped() = %d, want %d", got, errs-kept)
			}
			if !slices.IsSortedFunc(items, func(a, b *Diagnostic) int {
				if c := strings.Compare(a.File, b.File); c != 0 {
					return c
				}
				return a.Line - b.Line
			}) {
				t.Error("Items() not sorted by file and line")
			}
			var e *Errors
			if !errors.As(l.Err(), &e) {
				t.Fatalf("Err() = %T", l.Err())
			}
			if len(e.List) != kept || e.Dropped != errs-kept {
				t.Errorf("Err(): %d listed, %d dropped; want %d and %d", len(e.List), e.Dropped, kept, errs-kept)
			}
		})
	}
}

// TestListMaxDeterministic: when more errors arrive than Max, which ones
// are listed must not depend on the order they arrived in (the build adds
// them from many goroutines): the list keeps the first Max in sort order.
func TestListMaxDeterministic(t *testing.T) {
	var all []*Diagnostic
	for i := range 200 {
		all = append(all, New(fmt.Sprintf("content/%03d.md", i), i%7+1, i%3+1, "错误 %d", i))
		if i%10 == 0 {
			all = append(all, Warn(fmt.Sprintf("content/%03d.md", i), 1, 1, "警告"))
		}
	}
	want := ""
	orders := map[string]func([]*Diagnostic){
		"forward": func([]*Diagnostic) {},
		"reverse": slices.Reverse[[]*Diagnostic],
		"shuffle": func(ds []*Diagnostic) {
			rand.New(rand.NewPCG(7, 7)).Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
		},
	}
	for _, name := range []string{"forward", "reverse", "shuffle", "concurrent"} {
		l := &List{Max: DefaultMax}
		in := slices.Clone(all)
		if name == "concurrent" {
			var wg sync.WaitGroup
			for _, d := range in {
				wg.Go(func() { l.Add(d) })
			}
			wg.Wait()
		} else {
			orders[name](in)
			l.AddAll(in)
		}
		err := l.Err()
		if err == nil {
			t.Fatal("no error")
		}
		got := err.Error()
		if !strings.Contains(got, "content/000.md") || strings.Contains(got, "content/199.md") {
			t.Errorf("%s: the first %d errors in file order should be listed:\n%s", name, DefaultMax, got)
		}
		if n := len(l.Items()); n != DefaultMax+20 {
			t.Errorf("%s: %d items, want %d errors and 20 warnings", name, n, DefaultMax)
		}
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("%s order lists other errors than forward order:\n got: %s\nwant: %s", name, got, want)
		}
	}
}

func TestListMaxAndDropped(t *testing.T) {
	l := List{Max: 3}
	for i := range 5 {
		l.Add(New("a.md", i+1, 1, "错误"))
	}
	l.Add(Warn("a.md", 9, 1, "警告"))
	if got := l.Dropped(); got != 2 {
		t.Errorf("Dropped() = %d, want 2", got)
	}
	var e *Errors
	if !errors.As(l.Err(), &e) || len(e.List) != 3 || e.Dropped != 2 {
		t.Fatalf("Err() = %#v", l.Err())
	}
	want := "a.md:1:1: 错误:错误\na.md:2:1: 错误:错误\na.md:3:1: 错误:错误\n……另有 2 个错误未列出"
	if got := e.Error(); got != want {
		t.Errorf("Error()\n got: %s\nwant: %s", got, want)
	}
}

func TestErrorsError(t *testing.T) {
	cases := []struct {
		name string
		e    Errors
		want string
	}{
		{"one", Errors{List: []*Diagnostic{New("a.md", 1, 2, "x")}}, "a.md:1:2: 错误:x"},
		{"two", Errors{List: []*Diagnostic{New("a.md", 1, 2, "x"), New("b.md", 0, 0, "y").WithHint("z")}},
			"a.md:1:2: 错误:x\nb.md: 错误:y(提示:z)"},
		{"dropped", Errors{List: []*Diagnostic{New("a.md", 1, 2, "x")}, Dropped: 120},
			"a.md:1:2: 错误:x\n……另有 120 个错误未列出"},
		{"excerpts are not in the one-line form",
			Errors{List: []*Diagnostic{New("a.md", 1, 1, "x").WithSource([]byte("源文\n"))}},
			"a.md:1:1: 错误:x"},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, got, c.want)
		}
	}
}

// TestExcerptLongAndControl: a long line is shown as a window around the
// column, with the caret still under it, and control characters in the
// file, the message and the hint reach the terminal as visible symbols.
func TestExcerptLongAndControl(t *testing.T) {
	long := strings.Repeat("甲", 5000) + "错" + strings.Repeat("乙", 5000)
	d := New("content/a.md", 1, 5001, "这里有\x1b[31m问题").WithHint("改掉\x00").WithSource([]byte(long + "\n"))
	l := d.Excerpt[0]
	if n := utf8.RuneCountInString(l.Text); n != excerptWidth+2 || l.Cut == 0 || !strings.HasPrefix(l.Text, "…") || !strings.HasSuffix(l.Text, "…") {
		t.Fatalf("excerpt of %d characters, cut %d: %q", n, l.Cut, l.Text)
	}
	if r := []rune(l.Text)[l.Caret(d.Col)-1]; r != '错' {
		t.Errorf("caret column %d is on %q, want 错", l.Caret(d.Col), r)
	}
	out := d.Long()
	if strings.ContainsAny(out, "\x1b\x00") || !strings.Contains(out, "这里有␛[31m问题") || !strings.Contains(out, "改掉␀") {
		t.Errorf("control characters reach the terminal:\n%q", out)
	}
	caret := strings.Split(out, "\n")[2]
	if want := "      | " + strings.Repeat(" ", 1+2*(excerptWidth/2)) + "^"; caret != want {
		t.Errorf("caret line\n got %q\nwant %q", caret, want)
	}
	short := New("a.md", 1, 3, "x").WithSource([]byte("ab\x1bc\td\n"))
	if got := short.Excerpt[0]; got.Text != "ab␛c\td" || got.Cut != 0 || got.Caret(3) != 3 {
		t.Errorf("short line %+v", got)
	}
	if got := New("a.md", 0, 0, "多行\n提示").Error(); !strings.Contains(got, "多行\n提示") {
		t.Errorf("line breaks in a message are kept: %q", got)
	}
}
