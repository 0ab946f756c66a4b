package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tdewolff/parse/v2/buffer"

	"yipin/generator/diag"
	"yipin/generator/markdown"
)

// BenchmarkMirrorSync keeps a folder of 12,600 pages of 14 KB (the 10k
// corpus's output) up to date after one page changed, against writing it
// whole as yipin serve --write did before.
func BenchmarkMirrorSync(b *testing.B) {
	files := map[string][]byte{}
	for i := range 12600 {
		files[fmt.Sprintf("news/%03d/p%05d/index.html", i%300, i)] = bytes.Repeat([]byte{byte('a' + i%26)}, 14<<10)
	}
	root := filepath.Join(b.TempDir(), "public")
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			if _, err := NewMirror(root).Sync(files); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one page changed", func(b *testing.B) {
		m := NewMirror(root)
		if _, err := m.Sync(files); err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			i++
			files["news/000/p00000/index.html"] = []byte(fmt.Sprint("changed ", i))
			if st, err := m.Sync(files); err != nil || st.Written != 1 {
				b.Fatal(st, err)
			}
		}
	})
}

// BenchmarkMinifyMarkdownHTML minifies a realistic page's Markdown HTML
// with the shortcut simpleHTML takes and with minify's lexer.
func BenchmarkMinifyMarkdownHTML(b *testing.B) {
	src, err := os.ReadFile("../markdown/testdata/page.md")
	if err != nil {
		b.Fatal(err)
	}
	r := markdown.New(markdown.Options{}).Convert(markdown.Document{File: "page.md", Body: src,
		Resolve: func(dest string) (string, *diag.Diagnostic) { return dest, nil }})
	m := NewMinifier()
	var out bytes.Buffer
	b.Run("simpleHTML", func(b *testing.B) {
		b.SetBytes(int64(len(r.HTML)))
		for b.Loop() {
			out.Reset()
			if err := m.HTML(&out, r.HTML); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("minify", func(b *testing.B) {
		b.SetBytes(int64(len(r.HTML)))
		in := bytes.Clone(r.HTML)
		for b.Loop() {
			out.Reset()
			copy(in, r.HTML) // minify changes its input in place
			if err := m.m.Minify("text/html", &out, buffer.NewReader(in)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
