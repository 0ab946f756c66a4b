package content

import "testing"

func TestIsKnown(t *testing.T) {
	known := map[string]bool{}
	for _, k := range KnownKeys() {
		known[k] = true
		if !isKnown(k) {
			t.Errorf("isKnown(%q) = false", k)
		}
	}
	for _, k := range []string{"", "tags", "Title", "title ", "cover", "date lastmod", "weights"} {
		if isKnown(k) != known[k] {
			t.Errorf("isKnown(%q) = %v", k, isKnown(k))
		}
	}
	// Every key field decodes: a known key never lands in Params.
	for _, k := range KnownKeys() {
		fm, _, _, _ := ParseFrontMatter("a.md", []byte("---\n"+k+": x\n---\n"), Options{})
		if _, ok := fm.Params[k]; ok {
			t.Errorf("%q went to Params", k)
		}
	}
}
