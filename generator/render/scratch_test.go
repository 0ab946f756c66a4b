package render_test

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, demoFiles())
	m := loadSite(t, root, testTheme(t))
	out, ds := m.render(4)
	for _, d := range ds {
		t.Log(d.Long())
	}
	for _, n := range out.names() {
		fmt.Printf("== %s\n%s\n", n, out.files[n])
	}
}
