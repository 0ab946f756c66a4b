package build

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestImportDirection holds the import rules of ARCHITECTURE.md: each
// package imports only the yipin packages listed for it.
func TestImportDirection(t *testing.T) {
	allowed := map[string][]string{
		"diag":           {},
		"config/yamlsrc": {"diag"},
		"config":         {"diag", "config/yamlsrc"},
		"fileio":         {},
		"content":        {"diag", "config/yamlsrc", "fileio"},
		"markdown":       {"diag"},
		"score":          {},
		"chart":          {},
		"contrast":       {},
		"tmplexec":       {},
		"site":           {"diag", "config", "config/yamlsrc", "fileio", "content", "score", "chart", "contrast"},
		"theme": {"diag", "config", "config/yamlsrc", "fileio", "content", "site", "score", "chart", "contrast",
			"tmplexec"},
		"render": {"diag", "config", "config/yamlsrc", "fileio", "content", "site", "theme", "score", "chart",
			"contrast", "tmplexec"},
		"publish": {"fileio"},
		"serve": {"diag", "config", "config/yamlsrc", "fileio", "content", "site", "theme", "render", "build",
			"publish", "markdown", "score", "chart", "contrast", "tmplexec"},
	}
	for pkg, ok := range allowed {
		out, err := exec.Command("go", "list", "-deps", "yipin/generator/"+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			name, found := strings.CutPrefix(dep, "yipin/generator/")
			if !found || name == pkg {
				continue
			}
			if !slices.Contains(ok, name) {
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", pkg, name)
			}
		}
	}
}
