package site

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"yipin/generator/config"
	"yipin/generator/content"
)

// BenchmarkNew makes the model of the 10,000-page corpus written by
// cmd/corpus, when it is there ("make corpus N=10000" writes it): the
// single-threaded step between reading and rendering.
func BenchmarkNew(b *testing.B) {
	site := filepath.Join("..", "..", "corpus", "10000")
	if _, err := os.Stat(filepath.Join(site, "content")); err != nil {
		b.Skipf("no corpus at %s", site)
	}
	cfg, ds := config.Load(filepath.Join(site, "site.yaml"))
	if cfg == nil {
		b.Fatal(ds)
	}
	sources, files, ds := content.Load(filepath.Join(site, "content"), "content", content.Options{
		Location: cfg.Location(), Taxonomies: cfg.TaxonomyKeys(),
	})
	if len(ds) > 0 {
		b.Fatal(ds)
	}
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if s, ds := New(cfg, sources, files, Options{Now: now}); len(s.All) == 0 || len(ds) > 0 {
			b.Fatal(ds)
		}
	}
}
