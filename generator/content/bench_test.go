package content

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoad loads the 10,000-page corpus written by cmd/corpus, when it
// is there ("make corpus N=10000" writes it).
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join("..", "..", "corpus", "10000", "content")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus at %s", dir)
	}
	o := Options{Location: shanghai(b), Taxonomies: []string{"tags"}}
	b.ReportAllocs()
	for b.Loop() {
		sources, _, _ := Load(dir, "content", o)
		if len(sources) == 0 {
			b.Fatal("no sources")
		}
	}
}
