package markdown

import "testing"

func TestLineBreaks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"chinese joins", "中文\n中文", "中文中文"},
		{"chinese then english keeps break", "中文\nEnglish", "中文\nEnglish"},
		{"english then chinese keeps break", "English\n中文", "English\n中文"},
		{"english keeps break", "English\nEnglish", "English\nEnglish"},
		{"full-width comma joins", "第一，\n第二", "第一，第二"},
		{"chinese period joins", "句号。\n下一句", "句号。下一句"},
		{"digits keep break", "2024年\n10月", "2024年\n10月"},
		{"across bold, chinese", "中文**加粗**\n中文", "中文<strong>加粗</strong>中文"},
		{"across bold at line start", "中文\n**加粗**中文", "中文<strong>加粗</strong>中文"},
		{"across bold, english", "English\n**bold** x", "English\n<strong>bold</strong> x"},
		{"inside bold", "**中文\n中文**", "<strong>中文中文</strong>"},
		{"link text", "[中文\n中文](/a/)", `<a href="/a/">中文中文</a>`},
		{"before image keeps break", "中文\n![图](a.png)", "中文\n<img src=\"a.png\" alt=\"图\">"},
		{"hard break", "中文  \n中文", "中文<br>\n中文"},
		{"backslash hard break", "中文\\\n中文", "中文<br>\n中文"},
		{"korean keeps break", "한국어\n문장", "한국어\n문장"},
		{"japanese joins", "日本語の\n文章", "日本語の文章"},
		{"windows line ends, chinese", "中文\r\n中文", "中文中文"},
		{"windows line ends, mixed", "中文\r\nEnglish", "中文\nEnglish"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, Options{}, tt.in); got != para(tt.want) {
				t.Errorf("\n in: %q\ngot: %q\nwant %q", tt.in, got, para(tt.want))
			}
		})
	}
}
