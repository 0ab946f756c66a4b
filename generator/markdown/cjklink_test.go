package markdown

import "testing"

func TestCJKLinks(t *testing.T) {
	tests := []struct{ in, out string }{
		// after Chinese text, ending at Chinese text or punctuation
		{"详见https://www.gov.cn/zhengce/content_123.htm。", `详见<a href="https://www.gov.cn/zhengce/content_123.htm">https://www.gov.cn/zhengce/content_123.htm</a>。`},
		{"登录www.gov.cn办理", `登录<a href="http://www.gov.cn">www.gov.cn</a>办理`},
		{"或者https://example.gov.cn/dangjian/（党建专栏）", `或者<a href="https://example.gov.cn/dangjian/">https://example.gov.cn/dangjian/</a>（党建专栏）`},
		{"见“https://www.gov.cn”", `见“<a href="https://www.gov.cn">https://www.gov.cn</a>”`},
		{"地址：ftp://files.example.cn/a.pdf，", `地址：<a href="ftp://files.example.cn/a.pdf">ftp://files.example.cn/a.pdf</a>，`},
		// ASCII punctuation at the end is left out, as GFM does
		{"网址https://www.gov.cn.", `网址<a href="https://www.gov.cn">https://www.gov.cn</a>.`},
		// two in one line, and one at the end of a line before another
		{"甲https://a.cn乙https://b.cn丙", `甲<a href="https://a.cn">https://a.cn</a>乙<a href="https://b.cn">https://b.cn</a>丙`},
		{"见https://a.cn\n下一行", `见<a href="https://a.cn">https://a.cn</a>下一行`},
		// GFM's own cases are unchanged
		{"访问 https://www.gov.cn 了解", `访问 <a href="https://www.gov.cn">https://www.gov.cn</a> 了解`},
		// not an address, or not after Chinese: left alone
		{"中文https", "中文https"},
		{"中文www.x", "中文www.x"},
		{"xhttps://a.cn", "xhttps://a.cn"},
		{"中文`https://a.cn`", "中文<code>https://a.cn</code>"},
		{"[见https://a.cn](https://b.cn)", `<a href="https://b.cn">见https://a.cn</a>`},
		{"中文<https://a.cn>", `中文<a href="https://a.cn">https://a.cn</a>`},
		{"**重要**https://a.cn", `<strong>重要</strong><a href="https://a.cn">https://a.cn</a>`}, // GFM: after *
	}
	c := New(Options{})
	for _, tt := range tests {
		if got := string(c.Inline(tt.in)); got != tt.out {
			t.Errorf("Inline(%q)\n got %s\nwant %s", tt.in, got, tt.out)
		}
	}
}
