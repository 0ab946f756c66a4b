package markdown

import "testing"

func TestRawHTML(t *testing.T) {
	tests := []struct{ name, in, safe, unsafe string }{
		{"script block", "<script>alert(1)</script>",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
			"<script>alert(1)</script>"}, // goldmark adds no newline at the end of the body
		{"div block", "<div class=\"box\">\n正文\n</div>",
			"<p>&lt;div class=&quot;box&quot;&gt;\n正文\n&lt;/div&gt;</p>\n",
			"<div class=\"box\">\n正文\n</div>"},
		{"inline", "文字<b>粗</b>文字",
			para("文字&lt;b&gt;粗&lt;/b&gt;文字"),
			para("文字<b>粗</b>文字")},
		{"inline script", "a <script>x()</script> b",
			para("a &lt;script&gt;x()&lt;/script&gt; b"),
			para("a <script>x()</script> b")},
		{"comment block", "<!-- 待审核 -->\n\n正文",
			para("正文"),
			"<!-- 待审核 -->\n" + para("正文")},
		{"inline comment", "正文<!-- 注 -->正文",
			para("正文正文"),
			para("正文<!-- 注 -->正文")},
		{"unterminated comment shows", "<!-- 没有结束",
			"<p>&lt;!-- 没有结束</p>\n",
			"<!-- 没有结束"},
		{"code spans stay code", "`<b>`",
			para("<code>&lt;b&gt;</code>"),
			para("<code>&lt;b&gt;</code>")},
		{"javascript link", "[点](javascript:alert(1))",
			para(`<a href="">点</a>`),
			para(`<a href="javascript:alert(1)">点</a>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, Options{}, tt.in); got != tt.safe {
				t.Errorf("safe\n in: %q\ngot: %q\nwant %q", tt.in, got, tt.safe)
			}
			if got := body(t, Options{Unsafe: true}, tt.in); got != tt.unsafe {
				t.Errorf("unsafe\n in: %q\ngot: %q\nwant %q", tt.in, got, tt.unsafe)
			}
		})
	}
}

func TestMoreMarker(t *testing.T) {
	tests := []struct {
		name, in      string
		html, summary string
		truncated     bool
	}{
		{"plain", "导语。\n\n<!--more-->\n\n正文。", para("导语。") + para("正文。"), para("导语。"), true},
		{"spaces inside", "导语。\n\n<!--  more  -->\n\n正文。", para("导语。") + para("正文。"), para("导语。"), true},
		{"indented, trailing space", "导语。\n\n  <!-- more -->  \n\n正文。", para("导语。") + para("正文。"), para("导语。"), true},
		{"right after a paragraph", "导语。\n<!--more-->\n正文。", para("导语。") + para("正文。"), para("导语。"), true},
		{"raw html in summary stays escaped", "<b>导语</b>\n\n<!--more-->\n\n正文", para("&lt;b&gt;导语&lt;/b&gt;") + para("正文"),
			para("&lt;b&gt;导语&lt;/b&gt;"), true},
		{"only the first marks", "一\n\n<!--more-->\n\n二\n\n<!--more-->\n\n三", para("一") + para("二") + para("三"), para("一"), true},
		{"not a marker inline", "导语<!--more-->正文", para("导语正文"), "导语正文", false},
		{"not a marker in a quote", "> 引用\n> <!--more-->\n\n正文", "<blockquote>\n<p>引用</p>\n</blockquote>\n" + para("正文"), "引用 正文", false},
		{"other comment", "导语\n\n<!-- moreover -->\n\n正文", para("导语") + para("正文"), "导语 正文", false},
	}
	for _, unsafe := range []bool{false, true} {
		c := New(Options{Unsafe: unsafe})
		for _, tt := range tests {
			if unsafe && (tt.name == "raw html in summary stays escaped" || tt.name == "not a marker inline" ||
				tt.name == "not a marker in a quote" || tt.name == "other comment") {
				continue // these differ only in how the raw HTML shows
			}
			r := c.Convert(Document{Body: []byte(tt.in)})
			if string(r.HTML) != tt.html || string(r.Summary) != tt.summary || r.Truncated != tt.truncated {
				t.Errorf("%s (unsafe %v):\n html %q\n want %q\n summary %q\n want    %q\n truncated %v",
					tt.name, unsafe, r.HTML, tt.html, r.Summary, tt.summary, r.Truncated)
			}
		}
	}
}

func TestMoreMarkerSummaryIsSeparate(t *testing.T) {
	r := New(Options{}).Convert(Document{Body: []byte("导语\n\n<!--more-->\n\n正文")})
	_ = append(r.Summary, "XXXX"...)
	if string(r.HTML) != para("导语")+para("正文") {
		t.Errorf("appending to Summary changed HTML: %q", r.HTML)
	}
}
