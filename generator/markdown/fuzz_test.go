package markdown

import (
	"os"
	"testing"
	"unicode/utf8"

	"yipin/generator/diag"
)

func FuzzConvert(f *testing.F) {
	seeds := []string{
		"",
		"**（一）指导思想。**坚持党建统领……",
		"做到**“两个维护”**，坚决",
		"中文\nEnglish\n中文**加粗**\n中文",
		"## 一、总体要求 {#x}\n\n## 一、总体要求\n",
		"导语\n\n<!--more-->\n\n<script>x</script>",
		"```go\nfunc main() {}\n```\n",
		"[链](../a.md#成效) ![](b.png) [r][x]\n\n[x]: c.md\n",
		"| a | b |\n|---|---|\n| [x](y.md) | ~~删~~ |\n",
		"- [ ] 任务\n\n脚注[^1]\n\n[^1]: 注\n\n术语\n: 定义",
		"大塚︀**(U+585A U+FE00)** 葛󠄀**(x)** **“︁Git”︁**Hub",
		"&lt;&amp;\\*\\ 中",
		"##\n\n## 成效\n\n## 其他 {#成效}\n\n一二三四五六七八九十e\u0301👨\u200d👩\u200d👧🇨🇳",
		"前言[^1]\n\n## 节 {.x}\n\n<!--more-->\n\n[^1]: 注",
		"A&amp;B &copy; &#x4E2D; &#99999999; 26.3 2025-08-14 <b>&eacute;</b>",
		"详见https://www.gov.cn/a_b_c.htm。登录www.gov.cn办理\n见“ftp://x.cn/**y**”_z_",
	}
	if page, err := os.ReadFile("testdata/page.md"); err == nil {
		seeds = append(seeds, string(page))
	}
	for _, s := range seeds {
		f.Add(s, false)
	}
	safe, unsafe := New(Options{SummaryLength: 20}), New(Options{Unsafe: true, LineNumbers: true})
	resolve := func(dest string) (string, *diag.Diagnostic) {
		if len(dest)%2 == 0 {
			return "/x/" + dest, nil
		}
		return "", diag.New("", 0, 0, "不存在")
	}
	f.Fuzz(func(t *testing.T, s string, useUnsafe bool) {
		c := safe
		if useUnsafe {
			c = unsafe
		}
		r := c.convertValid(Document{File: "f.md", Body: []byte(s), BodyLine: 3, Resolve: resolve})
		if !utf8.ValidString(s) {
			return
		}
		for name, b := range map[string][]byte{"HTML": r.HTML, "Summary": r.Summary, "TOC": r.TOC} {
			if !utf8.Valid(b) {
				t.Fatalf("%s is not valid UTF-8: %q", name, b)
			}
		}
		for _, h := range r.Headings {
			if !utf8.ValidString(h.ID) || !utf8.ValidString(h.Text) || h.ID == "" && h.Text != "" {
				t.Fatalf("bad heading %+v", h)
			}
		}
		for _, d := range r.Diagnostics {
			if d.Line < 3 || d.Col < 1 {
				t.Fatalf("diagnostic outside the body: %v", d)
			}
		}
		if got := c.Inline(s); !utf8.Valid(got) {
			t.Fatalf("Inline is not valid UTF-8: %q", got)
		}
	})
}
