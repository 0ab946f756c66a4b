package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

func TestWordCount(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		words  int
		unsafe bool // raw HTML allowed
	}{
		{"chinese", "学习贯彻党的二十大精神", 11, false},
		{"punctuation counts nothing", "“两个确立”，“两个维护”。！？", 8, false},
		{"latin runs", "Hello, world! go1.26 is here", 5, false},
		{"mixed", "2024年10月召开GDP会议", 9, false},
		{"kana and hangul", "ひらがなカタカナ한국어", 11, false},
		{"markup not counted", "**加粗**[链接](https://example.com/very/long/url)", 4, false},
		{"word across emphasis is one", "foo**bar**", 1, false},
		{"headings and lists", "# 标题\n\n- 一\n- 二", 4, false},
		{"code blocks count", "正文\n\n```go\nfunc main() {}\n```", 4, false},
		{"code spans count", "调用`fmt.Println`函数", 6, false},
		{"lines do not join words", "foo\nbar", 2, false},
		{"paragraphs do not join words", "foo\n\nbar", 2, false},
		{"accents", "café naïve", 2, false},
		{"empty", "   \n\n", 0, false},
		{"emoji and symbols count nothing", "党建😀👍©", 2, false},
		{"image alt text counts", "![党员宣讲](a.png)", 4, false},
		{"footnote text counts", "正文[^1]\n\n[^1]: 注文", 4, false},

		// Numbers with . , - : / between digits are one word.
		{"decimal", "26.3", 1, false},
		{"date", "2025-08-14", 1, false},
		{"thousands", "1,000,000 元", 2, false},
		{"time and fraction", "12:30 1/2", 2, false},
		{"number before a full stop", "共3.", 2, false},
		{"not between digits", "a.b 1. 2 -3 4-", 6, false},
		{"article range", "第1-3条", 3, false},

		// Addresses are link targets, counted as nothing however they
		// are linked.
		{"address after a space", "见 https://www.gov.cn/zhengce/", 1, false},
		{"address after Chinese", "详见https://www.gov.cn/zhengce/", 2, false},
		{"www after Chinese", "登录www.gov.cn办理", 4, false},

		// Character references count as the characters they show.
		{"entities", "A&amp;B &copy;", 2, false},
		{"entity letter joins the word", "caf&eacute; na&#239;ve", 2, false},
		{"numeric references", "&#x4E2D;&#20013;", 2, false},
		{"unknown name is text", "&foo; &", 1, false},
		{"references in code are text", "`&amp;`", 1, false},
		{"escaped ampersand", "\\&amp;", 1, false},
		{"escaped space joins", "foo\\ bar", 1, false},

		// With raw HTML off the tags are shown, and counted, as text.
		{"inline raw html shown", "甲<span style=\"a\">乙</span><!-- 注释 x -->丙", 7, false},
		{"script shown", "开头，<script>alert(1)</script>结束。", 8, false},
		{"html block shown", "<div class=\"x\">\n正文\n</div>", 6, false},
		{"comment block hidden", "<!-- 注释 x -->\n\n正文", 2, false},
		{"not html, shown as text", "甲<span", 2, false},

		// With raw HTML on, only the text outside tags.
		{"text in raw html", "<table class=\"x\">\n<tr><td>党建&nbsp;工作</td></tr>\n</table>", 4, true},
		{"tag across lines", "<div\nclass=\"x\">正文</div>", 2, true},
		{"inline raw html", "甲<span style=\"a\">乙</span><!-- 注释 x -->丙", 3, true},
		{"references in raw html", "<p>A &amp; B; C caf&eacute; &copy;</p>", 4, true},
		{"script", "开头，<script>alert(1)</script>结束。", 6, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{Unsafe: tt.unsafe}).Convert(Document{Body: []byte(tt.in)})
			if r.WordCount != tt.words {
				t.Errorf("%q: %d words; want %d", tt.in, r.WordCount, tt.words)
			}
		})
	}
}

// TestCharRef checks charRef against goldmark's own resolution of
// character references. (goldmark also takes hexadecimal ones longer than
// CommonMark's six digits; charRef does not.)
func TestCharRef(t *testing.T) {
	for _, s := range []string{
		"&amp;", "&copy;x", "&eacute;", "&#20013;", "&#x4e2d;", "&#X4E2D;", "&#0;", "&#1114112;", "&#xD800;",
		"&CounterClockwiseContourIntegral;", "&ngE;", "&#12345678;", "&#;", "&#x;", "&foo;",
		"&amp", "&", "&;", "& amp;", "&#12a;",
	} {
		v, n := charRef([]byte(s))
		want := util.ResolveEntityNames(util.ResolveNumericReferences([]byte(s)))
		got := string(v.appendTo(nil)) + s[n:]
		if n == 0 {
			got = s
		}
		if got != string(want) {
			t.Errorf("charRef(%q): %q then %q; want %q", s, v.appendTo(nil), s[n:], want)
		}
	}
}

func TestReadingTime(t *testing.T) {
	tests := []struct{ chars, speed, minutes int }{
		{0, 0, 1}, // never "0 minutes"
		{1, 0, 1},
		{400, 0, 1},
		{401, 0, 2},
		{1200, 0, 3},
		{250, 100, 3},
	}
	for _, tt := range tests {
		r := New(Options{ReadingSpeed: tt.speed}).Convert(Document{Body: []byte(strings.Repeat("党", tt.chars))})
		if r.WordCount != tt.chars || r.ReadingTime != tt.minutes {
			t.Errorf("%d chars at %d/min: %d words, %d min; want %d min", tt.chars, tt.speed, r.WordCount, r.ReadingTime, tt.minutes)
		}
	}
}

func TestWordClass(t *testing.T) {
	tests := map[rune]charClass{
		'党': cjkChar, '々': cjkChar, '〇': cjkChar, '𠮟': cjkChar, 'か': cjkChar, 'カ': cjkChar, 'ｶ': cjkChar, '한': cjkChar,
		'，': other, '。': other, '“': other, '…': other, '—': other, '《': other, '（': other, '　': other, '€': other,
		'Ａ': letter, '１': letter, 'é': letter, 'Ж': letter, '٣': letter,
		'\u0301': mark,
	}
	for r, want := range tests {
		if got := wordClass(r); got != want {
			t.Errorf("wordClass(%q) = %d; want %d", r, got, want)
		}
	}
}
