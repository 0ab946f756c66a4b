package content

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeRaw writes files whose names are given as bytes, which writeTree's
// map keys could not hold for a name that is not UTF-8.
func writeRaw(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		if err := os.WriteFile(p, []byte("---\ntitle: t\n---\n正文\n"), 0o644); err != nil {
			cannot(t, "this file system refuses the name %q: %v", name, err)
		}
	}
}

func TestLoadNamesNotUTF8(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("file names there are always Unicode")
	}
	dir := t.TempDir()
	// "政策解读.md", "政策.md" and "文件" in GBK, as unzipping an archive made on
	// Chinese Windows leaves them.
	writeRaw(t, dir, "news/\xd5\xfe\xb2\xdf\xbd\xe2\xb6\xc1.md", "news/\xd5\xfe\xb2\xdf.md", "news/ok.md",
		"\xce\xc4\xbc\xfe/a.jpg", "\xce\xc4\xbc\xfe/b.md", "news/.\xd5\xfe.md")
	sources, files, ds := Load(dir, "content", Options{})
	if len(sources) != 1 || sources[0].Path != "news/ok.md" || len(files) != 0 {
		t.Errorf("sources %v, files %v", sources, files)
	}
	tests := []struct{ file, msg string }{
		{"content", `文件夹名不是 UTF-8 编码:“\xce\xc4\xbc\xfe”,它里面的文件都没有发布`},
		{"content/news", `文件名不是 UTF-8 编码:“\xd5\xfe\xb2\xdf.md”,这个文件没有发布`},
		{"content/news", `文件名不是 UTF-8 编码:“\xd5\xfe\xb2\xdf\xbd\xe2\xb6\xc1.md”`},
	}
	if len(ds) != len(tests) {
		t.Errorf("got %d diagnostics, want %d", len(ds), len(tests))
	}
	for _, tt := range tests {
		found := false
		for _, d := range ds {
			found = found || d.File == tt.file && strings.Contains(d.Message, tt.msg) &&
				strings.Contains(d.Hint, "convmv -f gbk -t utf8") && strings.Contains(d.Hint, "UTF-8")
		}
		if !found {
			t.Errorf("want %s: %s", tt.file, tt.msg)
		}
	}
	for _, d := range ds {
		if !strings.HasPrefix(d.Message, "这个文件夹里有一个") || strings.Contains(d.Error(), "同一个网址") {
			t.Errorf("got %s", d.Error())
		}
		for _, s := range []string{d.File, d.Message, d.Hint} {
			if !isPrintable(s) {
				t.Errorf("raw bytes in %q", d.Error())
			}
		}
	}
}

// cannot ends a test that needs file names stored byte for byte: a skip
// where the file system may rename files (macOS normalizes them, Windows
// refuses bytes that are not UTF-8), a failure on Linux, where CI runs and
// names are kept as written, so that the test cannot pass by not running.
func cannot(t *testing.T, format string, args ...any) {
	t.Helper()
	if runtime.GOOS == "linux" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// isPrintable reports whether s is UTF-8 without control characters.
func isPrintable(s string) bool { return escape(s) == s }

func TestLoadNormalizesNames(t *testing.T) {
	dir := t.TempDir()
	nfd, nfc := "cafe\u0301", "caf\u00e9"
	writeRaw(t, dir, "news/"+nfd+".md", nfd+"/index.md", nfd+"/"+nfd+".jpg", "static/"+nfd+".pdf")
	entries, err := os.ReadDir(filepath.Join(dir, "news"))
	must(t, err)
	if len(entries) != 1 || entries[0].Name() != nfd+".md" {
		cannot(t, "this file system changes the names it stores") // macOS
	}
	sources, files, ds := Load(dir, "content", Options{DropBody: true})
	for _, d := range ds {
		t.Error(d.Error())
	}
	if len(sources) != 2 || len(files) != 1 {
		t.Fatalf("sources %v, files %v", sources, files)
	}
	bundle, page := sources[0], sources[1]
	checkSource(t, bundle, Source{File: "content/" + nfc + "/index.md", Kind: Bundle, Dir: "", Name: nfc}, "t")
	checkSource(t, page, Source{File: "content/news/" + nfc + ".md", Kind: Page, Dir: "news", Name: nfc}, "t")
	if page.Path != "news/"+nfc+".md" || page.Abs != filepath.Join(dir, "news", nfd+".md") {
		t.Errorf("page Path %q, Abs %q: want the path in NFC, the file on disk", page.Path, page.Abs)
	}
	if body, err := page.ReadBody(); err != nil || string(body) != "正文\n" {
		t.Errorf("ReadBody = %q, %v", body, err)
	}
	if len(bundle.Resources) != 1 || bundle.Resources[0].Path != nfc+"/"+nfc+".jpg" ||
		bundle.Resources[0].Abs != filepath.Join(dir, nfd, nfd+".jpg") {
		t.Errorf("resources %+v", bundle.Resources)
	}
	if files[0].Path != "static/"+nfc+".pdf" || files[0].File != "content/static/"+nfc+".pdf" {
		t.Errorf("file %+v", files[0])
	}
	if NormPath("news/"+nfd+".md") != page.Path {
		t.Error("NormPath does not give Source.Path")
	}
}

// Two names that differ only in their Unicode form are one file on macOS:
// an error naming both, not two pages or a clash of URLs later.
func TestLoadSameNameTwoForms(t *testing.T) {
	dir := t.TempDir()
	nfd, nfc := "cafe\u0301", "caf\u00e9"
	writeRaw(t, dir, "news/"+nfd+".md", "news/"+nfc+".md", nfd+"/a.png", nfc+"/a.png", "news/ok.md")
	entries, err := os.ReadDir(filepath.Join(dir, "news"))
	must(t, err)
	if len(entries) != 3 {
		cannot(t, "this file system holds only one of the two names") // macOS
	}
	sources, files, ds := Load(dir, "content", Options{})
	if len(sources) != 2 || len(files) != 1 || files[0].Path != nfc+"/a.png" {
		t.Errorf("sources %v, files %v", sources, files)
	}
	tests := []struct{ file, names string }{ // sorted by file
		{"content/" + nfc + "/a.png", "“cafe\\u0301/a.png” 和 “café/a.png”"},
		{"content/news/" + nfc + ".md", "“cafe\\u0301.md” 和 “café.md”"},
	}
	if len(ds) != len(tests) {
		t.Errorf("got %v", ds)
	}
	for i, tt := range tests {
		if i >= len(ds) {
			break
		}
		d := ds[i]
		if d.File != tt.file || !strings.Contains(d.Message, tt.names) || !strings.Contains(d.Hint, "删掉其中一个") {
			t.Errorf("got %s\nwant %s: %s", d.Error(), tt.file, tt.names)
		}
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"政策解读.md":          "政策解读.md",
		"a\x00b":           `a\x00b`,
		"\x1b[31m":         `\x1b[31m`,
		"a\tb\nc\r":        `a\tb\nc\r`,
		"\u0085\u009f\x7f": `\u0085\u009f\x7f`,
		"\xd5\xfe.md":      `\xd5\xfe.md`,
		"好\xff":            `好\xff`,
		"\u00a0é":          "\u00a0é",
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := escapeBytes("\xd5\xfe\xb2\xdf\xbd\xe2 a.md\x00"); got != `\xd5\xfe\xb2\xdf\xbd\xe2 a.md\x00` {
		t.Errorf("escapeBytes = %q", got)
	}
	if got := escapeMarks("cafe\u0301\x00"); got != `cafe\u0301\x00` {
		t.Errorf("escapeMarks = %q", got)
	}
}
