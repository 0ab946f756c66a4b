//go:build unix

package content

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"yipin/generator/diag"
)

// A named pipe in content/ is skipped with a warning; opening it to read
// would wait for a writer, and the build would never end.
func TestLoadSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"news/a.md": "---\ntitle: 甲\n---\n正文\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "news", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	sources, files, diags := Load(dir, "content", Options{})
	if len(sources) != 1 || len(files) != 0 {
		t.Errorf("sources %v, files %v; want only news/a.md", sources, files)
	}
	if len(diags) != 1 || diags[0].File != "content/news/pipe.md" || diags[0].Severity != diag.Warning || !strings.Contains(diags[0].Message, "不是普通文件") {
		t.Errorf("diags %v, want one warning about content/news/pipe.md", diags)
	}
}
