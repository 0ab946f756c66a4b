package markdown

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

func TestCJKEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		// Stock CommonMark leaves these asterisks literal.
		{"**（一）指导思想。**坚持党建统领……", "<strong>（一）指导思想。</strong>坚持党建统领……"},
		{"做到**“两个维护”**，坚决……", "做到<strong>“两个维护”</strong>，坚决……"},
		{"**真，**她说", "<strong>真，</strong>她说"},
		{"**推荐几个框架：**React、Vue等。", "<strong>推荐几个框架：</strong>React、Vue等。"},
		{"增强**“四个意识”**、坚定**“四个自信”**、做到**“两个维护”**。",
			"增强<strong>“四个意识”</strong>、坚定<strong>“四个自信”</strong>、做到<strong>“两个维护”</strong>。"},
		{"学习**《党章》**原文", "学习<strong>《党章》</strong>原文"},
		{"要求**【必须】**执行", "要求<strong>【必须】</strong>执行"},
		{"一是**抓学习。**二是**抓落实。**", "一是<strong>抓学习。</strong>二是<strong>抓落实。</strong>"},
		{"*（注）*见附件", "<em>（注）</em>见附件"},
		{"***重要！***请周知", "<em><strong>重要！</strong></em>请周知"},
		{"Go**（注：不是GitHub）**", "Go<strong>（注：不是GitHub）</strong>"},
		{"税率**10%**以上", "税率<strong>10%</strong>以上"},
		{"正解は**「こんにちわ」**といった", "正解は<strong>「こんにちわ」</strong>といった"},
		{"__注意__：注意事项", "<strong>注意</strong>：注意事项"},
		{"注意：__注意事项__", "注意：<strong>注意事项</strong>"},
		{"中文~~“删除”~~，好", "中文<del>“删除”</del>，好"},
		{"a~~「a~~」", "a<del>「a</del>」"},
		{"**“︁Git”︁**Hub", "<strong>“︁Git”︁</strong>Hub"}, // quotes with U+FE01 are full-width
		{"**[链接](/a/)**后文", `<strong><a href="/a/">链接</a></strong>后文`},
		// Must not change: CommonMark behaviour.
		{"这是**重点**内容", "这是<strong>重点</strong>内容"},
		{"a *b* c", "a <em>b</em> c"},
		{"snake_case_word", "snake_case_word"},
		{"**foo**bar", "<strong>foo</strong>bar"},
		{"foo**bar**", "foo<strong>bar</strong>"},
		{"a**\"foo\"**b", "a**&quot;foo&quot;**b"},
		{"** 不是强调**", "** 不是强调**"},
		{"**不是强调 **", "**不是强调 **"},
		{"2*3*4", "2<em>3</em>4"},
		{"中文_下划线_中文", "中文_下划线_中文"},
		{"__init__.py", "<strong>init</strong>.py"},
		{"~~a~~b", "<del>a</del>b"},
		{"x~~~a~~~", "x~~~a~~~"},
	}
	c := New(Options{})
	for _, tt := range tests {
		got := string(c.Inline(tt.in))
		if got != tt.want {
			t.Errorf("\n in: %q\ngot: %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestFlanking(t *testing.T) {
	tests := []struct {
		before, base, after rune
		left, right         bool
	}{
		{'\n', '\n', '（', true, false}, // line start, then CJK punctuation
		{'。', '。', '坚', true, true},    // "…。**坚": closes (and could open)
		{'到', '到', '“', true, true},    // "到**“": opens thanks to the CJK outside
		{'”', '”', '，', true, true},    // "”**，"
		{'a', 'a', '"', false, true},   // "a**\"": CommonMark, not left-flanking
		{'"', '"', 'b', true, false},   // "\"**b"
		{' ', ' ', ' ', false, false},
		{'a', 'a', 'b', true, true},
		{'\uFE00', '大', '(', true, true}, // variation selector after Han counts as Han
		{'\U000E0100', '葛', '(', true, true},
	}
	for _, tt := range tests {
		l, r := flanking(tt.before, tt.base, tt.after)
		if l != tt.left || r != tt.right {
			t.Errorf("flanking(%q, %q, %q) = %v, %v; want %v, %v", tt.before, tt.base, tt.after, l, r, tt.left, tt.right)
		}
	}
}

// TestEmphasisMatchesCommonMark checks that without CJK characters the
// CJK-friendly parsers give exactly what goldmark's own give, on every
// string over a small alphabet of delimiters, letters, spaces and
// punctuation, and on random longer ones.
func TestEmphasisMatchesCommonMark(t *testing.T) {
	stock := goldmark.New(goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithRendererOptions(html.WithUnsafe()))
	ours := goldmark.New(goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithRendererOptions(html.WithUnsafe()),
		goldmark.WithParserOptions(parser.WithInlineParsers(
			util.Prioritized(emphasisParser{}, 450),
			util.Prioritized(strikethroughParser{}, 450))))
	alphabet := []byte("*_~a .(\"")
	var a, b bytes.Buffer
	check := func(in []byte) {
		a.Reset()
		b.Reset()
		_ = stock.Convert(in, &a)
		_ = ours.Convert(in, &b)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("%q: goldmark %q, ours %q", in, a.Bytes(), b.Bytes())
		}
	}
	in := make([]byte, 5)
	var gen func(i int)
	gen = func(i int) {
		if i == len(in) {
			check(in)
			return
		}
		for _, c := range alphabet {
			in[i] = c
			gen(i + 1)
		}
	}
	gen(0)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		s := make([]byte, 6+rng.IntN(20))
		for i := range s {
			s[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(s)
	}
}
