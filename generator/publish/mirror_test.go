package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tree lists the files under root with their contents.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == filepath.Join(root, Marker) {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameTree(t *testing.T, root string, files map[string][]byte) {
	t.Helper()
	got := tree(t, root)
	if len(got) != len(files) {
		t.Errorf("%d files on disk, want %d: %v", len(got), len(files), got)
	}
	for rel, data := range files {
		if got[rel] != string(data) {
			t.Errorf("%s = %q, want %q", rel, got[rel], data)
		}
	}
}

func TestMirrorSync(t *testing.T) {
	root := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(root, 0o755)
	os.WriteFile(filepath.Join(root, "stale.html"), []byte("from an earlier build"), 0o644)
	m := NewMirror(root)

	files := map[string][]byte{
		"index.html":              []byte("首页"),
		"news/a/index.html":       []byte("甲"),
		"news/b/index.html":       []byte("乙"),
		"news/old/deep/x.html":    []byte("将删除"),
		"css/main.1234567890.css": []byte("body{}"),
	}
	st, err := m.Sync(files)
	if err != nil {
		t.Fatal(err)
	}
	if st != (SyncStats{Whole: true, Written: 5}) {
		t.Errorf("first sync: %+v", st)
	}
	sameTree(t, root, files)
	if _, err := os.Stat(filepath.Join(root, Marker)); err != nil {
		t.Errorf("no marker in the folder written whole: %v", err)
	}

	// Mark the files with an old time: a file written again gets a new one.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for rel := range files {
		os.Chtimes(filepath.Join(root, rel), old, old)
	}
	next := map[string][]byte{
		"index.html":              []byte("首页"),
		"news/a/index.html":       []byte("甲,改过"),
		"news/b/index.html":       []byte("乙"),
		"news/c/index.html":       []byte("丙,新的"),
		"css/main.1234567890.css": []byte("body{}"),
	}
	st, err = m.Sync(next)
	if err != nil {
		t.Fatal(err)
	}
	if st != (SyncStats{Written: 2, Removed: 1}) {
		t.Errorf("second sync: %+v, want 2 written (changed, new) and 1 removed", st)
	}
	sameTree(t, root, next)
	for _, rel := range []string{"index.html", "news/b/index.html", "css/main.1234567890.css"} {
		if fi, err := os.Stat(filepath.Join(root, rel)); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was written again though it did not change", rel)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "news", "old")); !os.IsNotExist(err) {
		t.Error("the folders of a removed file are left behind")
	}

	st, err = m.Sync(next)
	if err != nil || st != (SyncStats{}) {
		t.Errorf("nothing changed: %+v, %v", st, err)
	}

	// The folder was removed behind the mirror's back: written whole.
	os.RemoveAll(root)
	if st, err = m.Sync(next); err != nil || !st.Whole {
		t.Errorf("after the folder went: %+v, %v", st, err)
	}
	sameTree(t, root, next)
}

// A file where a folder must now go (and the other way round) cannot be
// updated in place; the folder is written whole instead.
func TestMirrorSyncFileBecomesFolder(t *testing.T) {
	root := filepath.Join(t.TempDir(), "public")
	m := NewMirror(root)
	if _, err := m.Sync(map[string][]byte{"a": []byte("file"), "b/index.html": []byte("page")}); err != nil {
		t.Fatal(err)
	}
	next := map[string][]byte{"a/index.html": []byte("page"), "b": []byte("file")}
	st, err := m.Sync(next)
	if err != nil || !st.Whole {
		t.Fatalf("got %+v, %v; want the folder written whole", st, err)
	}
	sameTree(t, root, next)
	entries, _ := os.ReadDir(filepath.Dir(root))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left beside public/: %s", e.Name())
		}
	}
}

// A site file named like the temporary file of another is not written
// over: the folder is written whole instead.
func TestMirrorSyncTempNameTaken(t *testing.T) {
	root := filepath.Join(t.TempDir(), "public")
	m := NewMirror(root)
	m.Sync(map[string][]byte{"a.html": []byte("甲"), "a.html.yipin-new": []byte("乙")})
	next := map[string][]byte{"a.html": []byte("甲,改过"), "a.html.yipin-new": []byte("乙")}
	st, err := m.Sync(next)
	if err != nil || !st.Whole {
		t.Errorf("got %+v, %v; want the folder written whole", st, err)
	}
	sameTree(t, root, next)
}

func TestMirrorSyncRefusesPathsOutside(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "public")
	m := NewMirror(root)
	m.Sync(map[string][]byte{"index.html": []byte("首页")})
	_, err := m.Sync(map[string][]byte{"index.html": []byte("首页"), "../escape.html": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "不在输出文件夹内") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); !os.IsNotExist(err) {
		t.Error("a file was written outside the folder")
	}
	if got := tree(t, root); got["index.html"] != "首页" {
		t.Errorf("the folder after a refused sync: %v", got)
	}
}
