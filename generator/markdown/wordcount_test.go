package markdown

import (
	"strings"
	"testing"
)

func TestWordCount(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		words int
	}{
		{"chinese", "学习贯彻党的二十大精神", 11},
		{"punctuation counts nothing", "“两个确立”，“两个维护”。！？", 8},
		{"latin runs", "Hello, world! go1.26 is here", 6},
		{"mixed", "2024年10月召开GDP会议", 9},
		{"kana and hangul", "ひらがなカタカナ한국어", 11},
		{"markup not counted", "**加粗**[链接](https://example.com/very/long/url)", 4},
		{"word across emphasis is one", "foo**bar**", 1},
		{"headings and lists", "# 标题\n\n- 一\n- 二", 4},
		{"code blocks count", "正文\n\n```go\nfunc main() {}\n```", 4},
		{"code spans count", "调用`fmt.Println`函数", 6},
		{"lines do not join words", "foo\nbar", 2},
		{"paragraphs do not join words", "foo\n\nbar", 2},
		{"accents", "café naïve", 2},
		{"empty", "   \n\n", 0},
		{"text in raw html", "<table class=\"x\">\n<tr><td>党建&nbsp;工作</td></tr>\n</table>", 4},
		{"tag across lines", "<div\nclass=\"x\">正文</div>", 2},
		{"inline raw html", "甲<span style=\"a\">乙</span><!-- 注释 x -->丙", 3},
		{"not html, shown as text", "甲<span", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{}).Convert(Document{Body: []byte(tt.in)})
			if r.WordCount != tt.words {
				t.Errorf("%q: %d words; want %d", tt.in, r.WordCount, tt.words)
			}
		})
	}
}

func TestReadingTime(t *testing.T) {
	tests := []struct{ chars, speed, minutes int }{
		{0, 0, 0},
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
