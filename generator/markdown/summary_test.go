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
		{"headings skipped", 0, "# 标题\n\n正文。", "正文。", false},
		{"content after", 0, "正文。\n\n## 小标题\n\n```go\nx\n```", "正文。", true},
		{"code and table skipped", 0, "```\n代码\n```\n\n| a |\n|---|\n| 表 |\n\n正文。", "正文。", false},
		{"only a heading", 0, "# 标题", "", true},
		{"markup dropped", 0, "**加粗**、*斜体*、`代码`、[链接](/a/)和![图](a.png)。",
			"加粗、斜体、代码、链接和。", false},
		{"whitespace collapsed", 0, "甲  乙\t丙\n丁\nEnglish\nwords", "甲 乙 丙丁 English words", false},
		{"escaped", 0, "a<b && c > d \"q\"", "a&lt;b &amp;&amp; c &gt; d &quot;q&quot;", false},
		{"entities and escapes resolved", 0, `&lt;b&gt; &amp; \*星\* &#x4E2D;`, "&lt;b&gt; &amp; *星* 中", false},
		{"escape never cut", 3, "<<<<", "&lt;&lt;&lt;……", true},
		{"list items", 0, "- 学习\n- 讨论", "学习 讨论", false},
		{"raw html dropped", 0, "<b>粗</b>体", "粗体", false},
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

func TestCutRunes(t *testing.T) {
	s := []byte("a中𠮟b")
	for n, want := range []string{"", "a", "a中", "a中𠮟", "a中𠮟b", "a中𠮟b"} {
		if got := string(cutRunes(s, n)); got != want {
			t.Errorf("cutRunes(%q, %d) = %q; want %q", s, n, got, want)
		}
	}
}
