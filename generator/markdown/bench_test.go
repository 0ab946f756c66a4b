package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"yipin/generator/diag"
)

// samplePage is a realistic ~7 KB Chinese page: headings, bold lead-ins,
// lists, a quote, a table, a code block, links and an image.
func samplePage(tb testing.TB) Document {
	tb.Helper()
	src, err := os.ReadFile("testdata/page.md")
	if err != nil {
		tb.Fatal(err)
	}
	return Document{
		File:     "content/news/page.md",
		Body:     src,
		BodyLine: 8,
		Resolve: func(dest string) (string, *diag.Diagnostic) {
			if strings.HasPrefix(dest, "images/") {
				return "/news/" + dest, nil
			}
			if strings.HasSuffix(dest, ".md") || strings.Contains(dest, ".md#") {
				return "/" + strings.TrimSuffix(dest, ".md") + "/", nil
			}
			return dest, nil
		},
	}
}

func TestSamplePage(t *testing.T) {
	r := New(Options{}).Convert(samplePage(t))
	if len(r.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", r.Diagnostics)
	}
	if len(r.Headings) < 10 || len(r.TOC) == 0 || !r.Truncated || r.WordCount < 1500 || r.ReadingTime < 5 {
		t.Errorf("headings %d, TOC %d bytes, truncated %v, %d words, %d min",
			len(r.Headings), len(r.TOC), r.Truncated, r.WordCount, r.ReadingTime)
	}
	html := string(r.HTML)
	for _, want := range []string{
		"<strong>（一）指导思想。</strong>坚持",
		"<strong>“两个确立”</strong>的决定性意义",
		`<pre class="chroma">`,
		"<table>",
		`<img src="/news/images/meeting.jpg" alt="模范机关建设推进会现场" title="推进会现场">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	if strings.Contains(html, "style=") {
		t.Errorf("inline style in HTML")
	}
	if strings.Contains(html, "**") || strings.Contains(html, "more-->") {
		t.Errorf("literal asterisks or the more marker left in HTML")
	}
}

// coldConverter is a Converter that highlights every code block afresh,
// as a full build of distinct pages does.
func coldConverter() *Converter {
	c := New(Options{})
	c.code.doneMax = 0
	return c
}

func BenchmarkConvert(b *testing.B) {
	doc := samplePage(b)
	c := coldConverter()
	b.SetBytes(int64(len(doc.Body)))
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(doc)
	}
}

func BenchmarkConvertParallel(b *testing.B) {
	doc := samplePage(b)
	c := coldConverter()
	b.SetBytes(int64(len(doc.Body)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c.Convert(doc)
		}
	})
}

// BenchmarkConvertWarm converts the same page again and again, as the dev
// server does: its code block comes from the highlight cache.
func BenchmarkConvertWarm(b *testing.B) {
	doc := samplePage(b)
	c := New(Options{})
	b.SetBytes(int64(len(doc.Body)))
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(doc)
	}
}

// withoutCode is the sample page without its code block.
func withoutCode(tb testing.TB) Document {
	doc := samplePage(tb)
	s := string(doc.Body)
	if i, j := strings.Index(s, "```go"), strings.LastIndex(s, "```"); i >= 0 && j > i {
		s = s[:i] + s[j+3:]
	}
	doc.Body = []byte(s)
	return doc
}

// BenchmarkConvertNoCode is the sample page without its code block, to see
// what highlighting costs.
func BenchmarkConvertNoCode(b *testing.B) {
	doc := withoutCode(b)
	c := New(Options{})
	b.SetBytes(int64(len(doc.Body)))
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(doc)
	}
}

// BenchmarkStockGoldmark is plain goldmark with GFM, footnotes and
// definition lists on the page of BenchmarkConvertNoCode: the floor that
// this package's additions are measured against.
func BenchmarkStockGoldmark(b *testing.B) {
	src := withoutCode(b).Body
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))
	var buf bytes.Buffer
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		_ = md.Convert(src, &buf)
	}
}

// BenchmarkHighlight is one 15-line Go code block, highlighted afresh.
func BenchmarkHighlight(b *testing.B) {
	src := []byte("```go\n// Score is one member's points for a month.\ntype Score struct {\n" +
		"\tMember string `json:\"member\"`\n\tMonth  string `json:\"month\"`\n\tPoints int    `json:\"points\"`\n}\n\n" +
		"func total(scores []Score) (sum int) {\n\tfor _, s := range scores {\n\t\tsum += s.Points\n\t}\n\treturn sum\n}\n```\n")
	c := coldConverter()
	b.ReportAllocs()
	for b.Loop() {
		c.Convert(Document{Body: src})
	}
}

// corpusPages reads n pages spread evenly over the generated corpus
// (corpus/10000/content, made by cmd/corpus), bodies only, or skips the
// benchmark when the corpus is not there.
func corpusPages(b *testing.B, n int) []Document {
	b.Helper()
	var paths []string
	_ = filepath.WalkDir("../../corpus/10000/content", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			paths = append(paths, path)
		}
		return nil
	})
	if len(paths) == 0 {
		b.Skip("no corpus: run cmd/corpus to make corpus/10000")
	}
	var docs []Document
	for i := 0; i < n && i < len(paths); i++ {
		path := paths[i*len(paths)/n]
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		body, line := src, 1
		if bytes.HasPrefix(src, []byte("---\n")) {
			if j := bytes.Index(src[4:], []byte("\n---\n")); j >= 0 {
				body = src[4+j+5:]
				line = bytes.Count(src[:4+j+5], []byte("\n")) + 1
			}
		}
		docs = append(docs, Document{File: path, Body: body, BodyLine: line,
			Resolve: func(string) (string, *diag.Diagnostic) { return "", nil }})
	}
	return docs
}

// BenchmarkConvertCorpus converts 300 pages of the generated corpus, one
// page per op, as a full build does.
func BenchmarkConvertCorpus(b *testing.B) {
	c := coldConverter()
	eachCorpusPage(b, func(d Document) { c.Convert(d) })
}

// BenchmarkStockGoldmarkCorpus is plain goldmark (GFM, footnotes,
// definition lists) on the pages of BenchmarkConvertCorpus: the yardstick
// of make bench, to set this package's cost against.
func BenchmarkStockGoldmarkCorpus(b *testing.B) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))
	var buf bytes.Buffer
	eachCorpusPage(b, func(d Document) {
		buf.Reset()
		_ = md.Convert(d.Body, &buf)
	})
}

// eachCorpusPage runs convert on one of 300 corpus pages per op, in turn,
// reporting the average body size as bytes per op.
func eachCorpusPage(b *testing.B, convert func(Document)) {
	docs := corpusPages(b, 300)
	size := 0
	for _, d := range docs {
		size += len(d.Body)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		convert(docs[i%len(docs)])
		i++
	}
}
