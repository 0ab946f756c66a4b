package fileio

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadInto(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.md")
	text := bytes.Repeat([]byte("标题与正文\n"), 1000) // 16,000 bytes
	if err := os.WriteFile(name, text, 0o644); err != nil {
		t.Fatal(err)
	}
	n := int64(len(text))
	tests := []struct {
		name        string
		size, limit int64
		want        []byte
	}{
		{"listed size", n, 1 << 20, text},
		{"grew since listed", 10, 1 << 20, text},
		{"shrank since listed", 2 * n, 1 << 20, text},
		{"over the limit", n, 100, text[:101]}, // one byte past the limit tells the caller
		{"grew past the limit", 10, 5000, text[:5001]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadInto(name, nil, tc.size, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if int64(len(got)) > tc.limit+1 || !bytes.Equal(got, tc.want) {
				t.Errorf("read %d bytes, want %d", len(got), len(tc.want))
			}
		})
	}
}

// A buffer large enough is read into, so that a reader going file after
// file allocates nothing.
func TestReadIntoReusesBuffer(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(name, []byte("---\ntitle: 甲\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7, 4096)
	got, err := ReadInto(name, buf, 20, 1<<20)
	if err != nil || string(got) != "---\ntitle: 甲\n---\n" {
		t.Fatalf("got %q, %v", got, err)
	}
	if &got[:1][0] != &buf[:1][0] {
		t.Error("read into new storage although the buffer was large enough")
	}
}

func TestReadIntoErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadInto(filepath.Join(dir, "missing.md"), nil, 10, 100)
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) || pe.Path != filepath.Join(dir, "missing.md") {
		t.Errorf("missing file: %v, want a *fs.PathError for fs.ErrNotExist naming the file", err)
	}
	if _, err := ReadInto(dir, nil, 10, 100); err == nil {
		t.Error("reading a folder gave no error")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.html")
	for _, text := range []string{"<p>较长的第一版内容</p>", "<p>短</p>", ""} { // each write replaces the whole file
		if err := Write(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(name); err != nil || string(got) != text {
			t.Fatalf("file holds %q (%v), want %q", got, err, text)
		}
	}
	info, err := os.Stat(name)
	if err != nil || info.Mode().Perm()&0o600 != 0o600 || info.Mode().Perm()&0o111 != 0 {
		t.Errorf("mode %v (%v), want readable and writable by its owner, not executable", info.Mode(), err)
	}
	err = Write(filepath.Join(dir, "no", "such", "folder", "a.html"), []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("write into a missing folder: %v, want fs.ErrNotExist", err)
	}
}

// TestRoot: files and folders made by paths relative to an open folder
// land in it, replace what was there, and errors name the whole path and
// keep their kind.
func TestRoot(t *testing.T) {
	dir := t.TempDir()
	r, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sub := filepath.Join("news", "政策解读")
	if err := r.Mkdir("news"); err != nil {
		t.Fatal(err)
	}
	if err := r.Mkdir(sub); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(sub, "index.html")
	for _, text := range []string{"<p>较长的第一版内容</p>", "<p>短</p>"} {
		if err := r.Write(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != text {
			t.Fatalf("file holds %q (%v), want %q", got, err, text)
		}
	}
	err = r.Mkdir(sub)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), filepath.Join(dir, sub)) {
		t.Errorf("making a folder again: %v, want fs.ErrExist naming %s", err, filepath.Join(dir, sub))
	}
	missing := filepath.Join("no", "such")
	if err := r.Mkdir(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("making a folder in a missing one: %v, want fs.ErrNotExist", err)
	}
	err = r.Write(filepath.Join(missing, "a.html"), []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), filepath.Join(dir, missing, "a.html")) {
		t.Errorf("write into a missing folder: %v, want fs.ErrNotExist naming the whole path", err)
	}
	if _, err := OpenRoot(filepath.Join(dir, "nothing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("opening a missing folder: %v, want fs.ErrNotExist", err)
	}
}

// fill with short reads, as pipes and some file systems give, and with an
// error after some bytes.
func TestFillShortReads(t *testing.T) {
	text := []byte("一二三四五六七八九十")
	rest := text
	short := func(p []byte) (int, error) {
		n := copy(p, rest[:min(len(rest), 4)])
		rest = rest[n:]
		return n, nil
	}
	got, err := fill(short, nil, 3, 1<<20)
	if err != nil || !bytes.Equal(got, text) {
		t.Errorf("short reads: %q, %v", got, err)
	}
	boom := errors.New("磁盘错误")
	rest = text
	failing := func(p []byte) (int, error) {
		if len(rest) < len(text) {
			return 0, boom
		}
		return short(p)
	}
	if _, err := fill(failing, nil, int64(len(text)), 1<<20); err != boom {
		t.Errorf("error after a read: %v, want %v", err, boom)
	}
}

// fill stops at a short read that ends at the listed size, and reads on
// after one that ends anywhere else.
func TestFillReads(t *testing.T) {
	text := []byte("---\ntitle: 甲\n---\n正文")
	tests := []struct {
		name  string
		size  int64
		chunk int // the most one read returns
		reads int // calls to read; 0: not checked
	}{
		{"listed size, one read", int64(len(text)), 1 << 20, 1},
		{"grew since listed", 5, 1 << 20, 0}, // read on until 0, however buf grows
		{"shrank since listed", 100, 1 << 20, 2},
		{"read in pieces", int64(len(text)), 10, 3},           // 10, 10, then 5 of 10 asked: the listed size
		{"cut short before the end", int64(len(text)), 24, 2}, // 24 of 26 asked, then 1 of 2: the listed size
		{"empty file", 0, 1 << 20, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := text
			if tc.size == 0 {
				data = nil
			}
			rest, reads := data, 0
			got, err := fill(func(p []byte) (int, error) {
				reads++
				n := copy(p[:min(len(p), tc.chunk)], rest)
				rest = rest[n:]
				return n, nil
			}, nil, tc.size, 1<<20)
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("got %q, %v; want %q", got, err, data)
			}
			if tc.reads != 0 && reads != tc.reads {
				t.Errorf("%d reads, want %d", reads, tc.reads)
			}
		})
	}
}

func TestRemoveDir(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "满")
	os.MkdirAll(full, 0o755)
	os.WriteFile(filepath.Join(full, "index.html"), nil, 0o644)
	if err := RemoveDir(full); err == nil {
		t.Error("removed a folder that is not empty")
	}
	empty := filepath.Join(dir, "空")
	os.Mkdir(empty, 0o755)
	if err := RemoveDir(empty); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(empty); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the empty folder is still there: %v", err)
	}
	var pe *fs.PathError
	if err := RemoveDir(empty); !errors.As(err, &pe) || pe.Path != empty {
		t.Errorf("removing it again: %v, want a *fs.PathError naming it", err)
	}
}
