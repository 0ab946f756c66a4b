package render

import "testing"

// TestAbsolute: root-relative links and sources in a feed's summaries
// become full URLs; everything else stays as it was.
func TestAbsolute(t *testing.T) {
	const origin = "https://example.gov.cn"
	cases := []struct{ in, origin, want string }{
		{`见<a href=/dangjian/news/>动态</a>。`, origin, `见<a href="https://example.gov.cn/dangjian/news/">动态</a>。`},
		{`<img src="/dangjian/a b.png" alt=图>`, origin, `<img src="https://example.gov.cn/dangjian/a b.png" alt="图">`},
		{`<a href=https://www.gov.cn/>国务院</a>`, origin, `<a href=https://www.gov.cn/>国务院</a>`},
		{`<a href=//cdn.example/x>x</a><a href=#fn:1>1</a>`, origin, `<a href=//cdn.example/x>x</a><a href=#fn:1>1</a>`},
		{`文中写着 href=/x 也不是链接`, origin, `文中写着 href=/x 也不是链接`},
		{`<a href=/dangjian/news/>动态</a>`, "", `<a href=/dangjian/news/>动态</a>`},
		{`<strong>重点</strong><a title="a>b" href=/x/>x</a>`, origin, `<strong>重点</strong><a title="a&gt;b" href="https://example.gov.cn/x/">x</a>`},
	}
	for _, c := range cases {
		if got := absolute(c.in, c.origin); got != c.want {
			t.Errorf("absolute(%q, %q)\n got %s\nwant %s", c.in, c.origin, got, c.want)
		}
	}
}
