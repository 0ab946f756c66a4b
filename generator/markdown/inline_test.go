package markdown

import (
	"sync"
	"testing"
)

func TestInline(t *testing.T) {
	tests := []struct {
		unsafe  bool
		in, out string
	}{
		{false, "", ""},
		{false, "学习**二十大**精神", "学习<strong>二十大</strong>精神"},
		{false, "**（一）指导思想。**坚持", "<strong>（一）指导思想。</strong>坚持"},
		{false, "A & B <i>x</i>", "A &amp; B &lt;i&gt;x&lt;/i&gt;"},
		{true, "A & B <i>x</i>", "A &amp; B <i>x</i>"},
		{false, "[链接](../a.md)", `<a href="../a.md">链接</a>`},
		{false, "第一段\n\n第二段", "<p>第一段</p>\n<p>第二段</p>"},
		{false, "# 标题", "<h1>标题</h1>"},
		{false, "- 甲\n- 乙", "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>"},
		{false, "中文\n中文", "中文中文"},
	}
	for _, tt := range tests {
		c := New(Options{Unsafe: tt.unsafe})
		if got := string(c.Inline(tt.in)); got != tt.out {
			t.Errorf("Inline(%q) = %q; want %q", tt.in, got, tt.out)
		}
	}
}

func TestInlineConcurrent(t *testing.T) {
	c := New(Options{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := string(c.Inline("做到**“两个维护”**")); got != "做到<strong>“两个维护”</strong>" {
					t.Errorf("got %q", got)
					return
				}
			}
		})
	}
	wg.Wait()
}
