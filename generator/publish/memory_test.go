package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMemory(t *testing.T) {
	m := NewMemory()
	buf := []byte("<p>一</p>")
	if err := m.Write("/news/a/index.html", buf); err != nil {
		t.Fatal(err)
	}
	buf[3] = 'X' // the caller reuses its buffer
	src := filepath.Join(t.TempDir(), "logo.svg")
	if err := os.WriteFile(src, []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := m.Copy("images/logo.svg", src); err != nil {
		t.Fatal(err)
	}
	files := m.Files()
	if string(files["news/a/index.html"]) != "<p>一</p>" || string(files["images/logo.svg"]) != "<svg/>" || len(files) != 2 {
		t.Errorf("files %q", files)
	}
	for _, bad := range []string{"../x", "a/../../x", "", "/", "a//b"} {
		if err := m.Write(bad, nil); err == nil {
			t.Errorf("Write(%q) succeeded", bad)
		}
	}
	m.Abort()
	if len(m.Files()) != 0 {
		t.Error("Abort kept files")
	}
}
