package publish

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/buffer"

	"yipin/generator/diag"
	"yipin/generator/markdown"
)

// viaMinify is src minified by tdewolff/minify alone. It gets a copy:
// minify may change its input in place.
func viaMinify(tb testing.TB, m *Minifier, src []byte) ([]byte, error) {
	tb.Helper()
	var out bytes.Buffer
	err := m.m.Minify("text/html", &out, buffer.NewReader(bytes.Clone(src)))
	return out.Bytes(), err
}

// checkSimple fails when simpleHTML takes src but writes other bytes than
// tdewolff/minify, and reports whether it took src.
func checkSimple(tb testing.TB, m *Minifier, src []byte) bool {
	tb.Helper()
	orig := bytes.Clone(src)
	got, ok := simpleHTML([]byte("前"), src, new(simpleScratch))
	if !bytes.Equal(src, orig) {
		tb.Fatalf("simpleHTML changed its input %q to %q", orig, src)
	}
	if !ok {
		if string(got) != "前" {
			tb.Fatalf("simpleHTML gave up on %q but wrote %q", src, got)
		}
		return false
	}
	want, err := viaMinify(tb, m, src)
	if err != nil {
		tb.Fatalf("simpleHTML took %q, which minify refuses: %v", src, err)
	}
	if string(got) != "前"+string(want) {
		tb.Fatalf("simpleHTML(%q)\n got %q\nwant %q", src, got[len("前"):], want)
	}
	return true
}

func TestSimpleHTML(t *testing.T) {
	m := NewMinifier()
	for _, c := range []struct {
		src  string
		take bool
	}{
		{"", true},
		{"纯文本", true},
		{"<p>一段话</p>\n<p>第二段</p>\n", true},
		{"<h2 id=\"推动成果转化\">推动成果转化</h2>\n<ul>\n<li>甲</li>\n<li>\n<p>乙</p>\n</li>\n</ul>\n", true},
		{"<p>文字 <em>强调</em> 文字 <strong></strong> 后</p>", true},
		{"<p>前  <a href=\"p.html\">链接</a>  <span></span> 后 </p>\n", true},
		{"<p>&quot;引号&quot; &amp; &lt;b&gt; &#160; &#x21a9;&#xfe0e; &amp;amp; &copy;</p>", true},
		{"<p><a href=\"HTTPS://Example.gov.cn/a b\" title=\"说 &quot;明&quot; 'x'\">x</a></p>", true},
		{"<p><a href=\" http://x.cn/ \">x</a><img src=\"a.png\" alt=\"\"> <img src=\"b.png\" alt=\"图 一\"></p>", true},
		{"<pre><code class=\"language-go\">  a  &lt;\n\n  b &quot;\n</code></pre>\n<p>后</p>", true},
		{"<div class=\"chroma\"><table class=\"lntable\"><tr><td class=\"lntd\">\n<pre class=\"chroma\"><code><span class=\"lnt\">1\n</span></code></pre></td>\n<td class=\"lntd\">\n<pre class=\"chroma\"><code><span class=\"line\"><span class=\"cl\"><span class=\"nx\">a</span> <span class=\"o\">=</span> 1\n</span></span></code></pre></td></tr></table>\n</div>\n", true},
		{"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 完成</li>\n<li><input disabled=\"\" type=\"checkbox\"> 待办</li>\n</ul>\n", true},
		{"<table>\n<thead>\n<tr>\n<th align=\"left\">项目</th>\n<th align=\"right\">数</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">甲</td>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n", true},
		{"<p>脚注<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>注文&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n", true},
		{"<dl>\n<dt>党支部</dt>\n<dd>基础组织</dd>\n</dl>\n<blockquote>\n<p>引用<br>\n下一行</p>\n</blockquote>\n<ol start=\" 3 \">\n<li>三</li>\n</ol>", true},
		{"<p class=\"\" id=\"\">空</p><input type=\"TEXT\"><p class=\" a   b \">x</p>", true},
		{"<p>x</p>\n\n", true},
		{"<p>" + strings.Repeat("<em>", 100) + "深 " + strings.Repeat("</em>", 100) + "<p>后</p>", true},
		{"<p>" + strings.Repeat("<em>", 101) + "深 " + strings.Repeat("</em>", 101) + "<p>后</p>", true},
		// outside what simpleHTML knows: minify's own lexer decides
		{"<!DOCTYPE html><html><head></head><body></body></html>", false},
		{"<p>注释<!-- x --></p>", false},
		{"<script>var a = 1;</script>", false},
		{"<P>大写</P>", false},
		{"<p class=x>未加引号</p>", false},
		{"<p class='x'>单引号</p>", false},
		{"<p  class=\"x\">两个空格</p>", false},
		{"<p style=\"color: red\">样式</p>", false},
		{"<p onclick=\"f()\">脚本</p>", false},
		{"<p data-x=\"1\">数据</p>", false},
		{"<img src=\"data:image/png;base64,AAAA\">", false},
		{"<a type=\"text/html\" href=\"x\">类型</a>", false},
		{"<br/>", false},
		{"<p>a < b</p>", false},
		{"<p>未闭合", true},
		{"<p class=\"x", false},
		{"<p", false},
		{"</p", false},
		{"<svg><circle r=\"1\"/></svg>", false},
		{"<p>\x00</p>", false},
	} {
		if got := checkSimple(t, m, []byte(c.src)); got != c.take {
			t.Errorf("simpleHTML took %q: %v, want %v", c.src, got, c.take)
		}
	}
}

// TestSimpleHTMLMarkdown: simpleHTML takes all the HTML Markdown renders to
// on the demo site and the golden fixtures (body, table of contents,
// summary; with and without line numbers on code), so builds do not fall
// back to minify's lexer without anyone noticing.
func TestSimpleHTMLMarkdown(t *testing.T) {
	m := NewMinifier()
	var files []string
	for _, root := range []string{"../../content", "../build/testdata"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 50 {
		t.Fatalf("only %d Markdown files found", len(files))
	}
	resolve := func(dest string) (string, *diag.Diagnostic) { return dest, nil }
	for _, lineNumbers := range []bool{false, true} {
		c := markdown.New(markdown.Options{LineNumbers: lineNumbers})
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r := c.Convert(markdown.Document{File: f, Body: src, Resolve: resolve})
			for _, h := range [][]byte{r.HTML, r.TOC, r.Summary} {
				if !checkSimple(t, m, h) {
					t.Errorf("%s: simpleHTML gives up on the Markdown HTML:\n%s", f, h)
				}
			}
		}
	}
}

func FuzzSimpleHTML(f *testing.F) {
	for _, s := range []string{
		"<p>一段话</p>\n<p>第二段</p>\n",
		"<p>文字 <em>强调</em> 文字 <strong></strong> 后</p>",
		"<p><a href=\"HTTPS://x.cn/\" title=\"&quot;\">x</a> <img src=\"a.png\" alt=\"\"></p>",
		"<pre><code class=\"language-go\">  a  &lt;\n</code></pre>\n",
		"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 完成</li>\n</ul>\n",
		"<p class=\" a  b \" id=\"\">&#160;&amp;amp;&copy;</p>",
	} {
		f.Add([]byte(s))
	}
	m := NewMinifier()
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSimple(t, m, src)
	})
}

// FuzzSimpleHTMLMarkdown feeds simpleHTML what Markdown renders to, the
// HTML it exists for, from Markdown the fuzzer writes.
func FuzzSimpleHTMLMarkdown(f *testing.F) {
	for _, s := range []string{
		"# 标题\n\n一段 *强调* 和 **加粗**，[链接](a.md \"题\")。\n\n- 甲\n- [x] 乙\n\n> 引用\n",
		"| 左 | 右 |\n|:--|--:|\n| 1 | 2 |\n\n```go\na := 1\n```\n\n脚注[^1]\n\n[^1]: 注文\n",
		"术语\n: 解释\n\n1. 一\n\n   二\n3. 三\n\n---\n\n![图](a.png)  \n换行 `代码` ~~删~~ <b>粗</b> &amp; &copy;\n",
	} {
		f.Add(s, false)
	}
	m := NewMinifier()
	resolve := func(dest string) (string, *diag.Diagnostic) { return dest, nil }
	converters := map[bool]*markdown.Converter{
		false: markdown.New(markdown.Options{}),
		true:  markdown.New(markdown.Options{LineNumbers: true, Unsafe: true}),
	}
	f.Fuzz(func(t *testing.T, src string, unsafe bool) {
		r := converters[unsafe].Convert(markdown.Document{File: "a.md", Body: []byte(src), Resolve: resolve})
		for _, h := range [][]byte{r.HTML, r.TOC, r.Summary} {
			checkSimple(t, m, h)
		}
	})
}

// TestQuietText: whenever quietText says minify's text pass leaves a text
// alone, it does; and it says so for plain Chinese text.
func TestQuietText(t *testing.T) {
	base := []byte("机关党建一品牌xyz") // 24 bytes, so the eight-byte steps and the tail both run
	var checked, quiet int
	for _, c := range []byte{'&', '\t', '\r', '\f', ' ', '\n', '\v', '%', 'a', 0xe4} {
		for _, d := range []byte{'&', ' ', '\n', '\t', 'a'} {
			for i := range len(base) {
				for _, gap := range []int{0, 1, 3} {
					b := bytes.Clone(base)
					b[i] = c
					if i+1+gap < len(b) {
						b[i+1+gap] = d
					}
					b = append(b, "&amp;"[:i%6]...)
					checked++
					if !quietText(b) {
						continue
					}
					quiet++
					if got := parse.ReplaceMultipleWhitespaceAndEntities(bytes.Clone(b), html.EntitiesMap, html.TextRevEntitiesMap); !bytes.Equal(got, b) {
						t.Errorf("quietText(%q), but minify makes it %q", b, got)
					}
				}
			}
		}
	}
	if quiet == 0 || quiet == checked {
		t.Errorf("quietText true for %d of %d texts", quiet, checked)
	}
	for _, s := range []string{"", "机关党建", "第 3 季度 2024", "中文\n下一行 ", "%$#!\"\v"} {
		if !quietText([]byte(s)) {
			t.Errorf("quietText(%q) = false", s)
		}
	}
}
