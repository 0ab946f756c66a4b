package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAutoSummary(t *testing.T) {
	long := strings.Repeat("坚持党建引领推动高质量发展", 20) // 13 × 20 = 260 characters
	tests := []struct {
		name      string
		length    int
		in        string
		want      string
		truncated bool
	}{
		{"long first paragraph is cut", 0, long + "\n\n第二段",
			string([]rune(long)[:120]) + "……", true},
		{"cut at N", 10, "一二三四五六七八九十十一", "一二三四五六七八九十……", true},
		{"exactly N is not cut", 10, "一二三四五六七八九十", "一二三四五六七八九十", false},
		{"exactly N then more", 10, "一二三四五六七八九十\n\n下一段", "一二三四五六七八九十……", true},
		{"short, nothing after", 0, "简短的正文。", "简短的正文。", false},
		{"paragraphs join", 0, "第一段。\n\n第二段。", "第一段。第二段。", false},
		{"english paragraphs", 0, "First.\n\nSecond", "First. Second", false},
		{"headings skipped", 0, "# 标题\n\n正文。", "正文。", true},
		{"content after", 0, "正文。\n\n## 小标题\n\n```go\nx\n```", "正文。", true},
		{"code and table skipped", 0, "```\n代码\n```\n\n| a |\n|---|\n| 表 |\n\n正文。", "正文。", true},
		{"table before", 0, "| a |\n|---|\n| 表 |\n\n后面段落", "后面段落", true},
		{"code block before", 0, "```\n代码\n```\n\n后面段落", "后面段落", true},
		{"image before", 0, "![图](a.png)\n\n后面段落", "后面段落", true},
		{"link definition renders nothing", 0, "[x]: /a/\n\n正文", "正文", false},
		{"comment renders nothing", 0, "<!-- 待审 -->\n\n正文", "正文", false},
		{"only a heading", 0, "# 标题", "", true},
		{"markup dropped", 0, "**加粗**、*斜体*、`代码`、[链接](/a/)和网址。",
			"加粗、斜体、代码、链接和网址。", false},
		{"image left out", 0, "正文和![图](a.png)。", "正文和。", true},
		{"whitespace collapsed", 0, "甲  乙\t丙\n丁\nEnglish\nwords", "甲 乙 丙丁 English words", false},
		{"escaped", 0, "a<b && c > d \"q\"", "a&lt;b &amp;&amp; c &gt; d &quot;q&quot;", false},
		{"entities and escapes resolved", 0, `&lt;b&gt; &amp; \*星\* &#x4E2D;`, "&lt;b&gt; &amp; *星* 中", false},
		{"escape never cut", 3, "<<<<", "&lt;&lt;&lt;……", true},
		{"list items", 0, "- 学习\n- 讨论", "学习 讨论", false},
		{"4-byte characters", 2, "𠮟𠮟𠮟", "𠮟𠮟……", true},
		{"trailing space trimmed before ellipsis", 3, "ab cd", "ab……", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{SummaryLength: tt.length}).Convert(Document{Body: []byte(tt.in)})
			if string(r.Summary) != tt.want || r.Truncated != tt.truncated {
				t.Errorf("\n in: %q\ngot: %q truncated %v\nwant %q truncated %v", tt.in, r.Summary, r.Truncated, tt.want, tt.truncated)
			}
			if !utf8.Valid(r.Summary) {
				t.Errorf("summary is not valid UTF-8: %q", r.Summary)
			}
		})
	}
}

// A cut counts code points but never splits what a reader sees as one
// character: it reaches the end of the grapheme cluster.
func TestAutoSummaryClusters(t *testing.T) {
	const nine = "一二三四五六七八九"
	tests := []struct {
		name, in, want string
		truncated      bool
	}{
		{"family emoji", nine + "👨\u200d👩\u200d👧后面", nine + "👨\u200d👩\u200d👧……", true},
		{"flag at the end", nine + "🇨🇳", nine + "🇨🇳", false},
		{"flag then more", nine + "🇨🇳后", nine + "🇨🇳……", true},
		{"flags pair up", "一二三四五六七八🇨🇳🇺🇸", "一二三四五六七八🇨🇳……", true},
		{"only flags", "🇨🇳🇺🇸🇯🇵🇬🇧🇫🇷🇩🇪", "🇨🇳🇺🇸🇯🇵🇬🇧🇫🇷……", true},
		{"accent at the end", nine + "e\u0301", nine + "e\u0301", false},
		{"accent then more", nine + "e\u0301后", nine + "e\u0301……", true},
		{"ideographic variation selector", nine + "葛\U000E0101后", nine + "葛\U000E0101……", true},
		{"emoji variation selector", nine + "☺\uFE0F后", nine + "☺\uFE0F……", true},
		{"cluster longer than the slack", nine + "e" + strings.Repeat("\u0301", 40) + "后",
			nine + "e" + strings.Repeat("\u0301", 40) + "……", true},
		{"ordinary text counts as before", "一二三四五六七八九十十一", "一二三四五六七八九十……", true},
	}
	c := New(Options{SummaryLength: 10})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Convert(Document{Body: []byte(tt.in)})
			if string(r.Summary) != tt.want || r.Truncated != tt.truncated {
				t.Errorf("\n in: %+q\ngot: %+q truncated %v\nwant %+q truncated %v", tt.in, r.Summary, r.Truncated, tt.want, tt.truncated)
			}
		})
	}
}

// With raw HTML off the reader sees the tags as text, and so does the
// summary; with raw HTML on, tags are not text. Comments vanish in both.
func TestAutoSummaryRawHTML(t *testing.T) {
	tests := []struct {
		name, in     string
		safe, unsafe string
		safeTrunc    bool
		unsafeTrunc  bool
	}{
		{"inline script", "开头，<script>alert(1)</script>结束。",
			"开头，&lt;script&gt;alert(1)&lt;/script&gt;结束。", "开头，alert(1)结束。", false, false},
		{"inline tags", "<b>粗</b>体", "&lt;b&gt;粗&lt;/b&gt;体", "粗体", false, false},
		{"inline comment", "正文<!-- 注 -->正文", "正文正文", "正文正文", false, false},
		{"block", "<div>\n正文\n</div>\n\n后面", "&lt;div&gt; 正文 &lt;/div&gt; 后面", "后面", false, true},
		{"comment block", "<!-- 注 -->\n\n后面", "后面", "后面", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, unsafe := range []bool{false, true} {
				want, trunc := tt.safe, tt.safeTrunc
				if unsafe {
					want, trunc = tt.unsafe, tt.unsafeTrunc
				}
				r := New(Options{Unsafe: unsafe}).Convert(Document{Body: []byte(tt.in)})
				if string(r.Summary) != want || r.Truncated != trunc {
					t.Errorf("unsafe %v:\ngot: %q truncated %v\nwant %q truncated %v", unsafe, r.Summary, r.Truncated, want, trunc)
				}
			}
		})
	}
}

// The summary before <!--more--> stands on list pages: no footnote
// references (their notes are not there) and no heading IDs (they would
// repeat); links, emphasis and the heading itself stay.
func TestMoreSummary(t *testing.T) {
	src := "## 小节 {.lead}\n\n**要点**见[链接](/a/)[^1]。\n\n- 列表[^1]\n\n<!--more-->\n\n## 正文\n\n[^1]: 注文"
	r := New(Options{}).Convert(Document{Body: []byte(src)})
	want := "<h2 class=\"lead\">小节</h2>\n<p><strong>要点</strong>见<a href=\"/a/\">链接</a>。</p>\n<ul>\n<li>列表</li>\n</ul>\n"
	if string(r.Summary) != want || !r.Truncated {
		t.Errorf("summary:\n got %q\nwant %q", r.Summary, want)
	}
	html := string(r.HTML)
	for _, s := range []string{`<h2 class="lead" id="小节">`, `<sup id="fnref:1">`, `<h2 id="正文">`, `<li id="fn:1">`} {
		if !strings.Contains(html, s) {
			t.Errorf("page lacks %s:\n%s", s, html)
		}
	}
	if strings.Contains(html, "<h2 class=\"lead\">") || strings.Contains(html, "more") {
		t.Errorf("page changed by the summary:\n%s", html)
	}
}

func TestClusterEnd(t *testing.T) {
	tests := []struct {
		in   string
		i    int
		want int
	}{
		{"ab", 1, 1},
		{"e\u0301x", 1, 3},
		{"党\uFE00x", 3, 6},
		{"🇨🇳🇺🇸", 4, 8},
		{"🇨🇳🇺🇸", 12, 16},
		{"🇨🇳🇺🇸", 8, 8},
		{"x", 0, 0},
		{"x", 1, 1},
		{"a\u200d", 1, 4},
	}
	for _, tt := range tests {
		if got := clusterEnd([]byte(tt.in), tt.i); got != tt.want {
			t.Errorf("clusterEnd(%+q, %d) = %d; want %d", tt.in, tt.i, got, tt.want)
		}
	}
}

func TestCutRunes(t *testing.T) {
	s := []byte("a中𠮟b")
	for n, want := range []string{"", "a", "a中", "a中𠮟", "a中𠮟b", "a中𠮟b"} {
		if got := string(cutRunes(s, n)); got != want {
			t.Errorf("cutRunes(%q, %d) = %q; want %q", s, n, got, want)
		}
	}
}
