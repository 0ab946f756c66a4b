package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseHolder(t *testing.T) {
	tests := []struct {
		note string
		want Holder
	}{
		{"build 1234\n", Holder{"build", 1234}},
		{"serve 7", Holder{"serve", 7}},
		{"", Holder{}},          // taken, not yet written
		{"hugo 12\n", Holder{}}, // not ours
		{"build\n", Holder{}},   // no process number
		{"build -3\n", Holder{}},
		{"build 12 x\n", Holder{}},
	}
	for _, tt := range tests {
		if got := parseHolder([]byte(tt.note)); got != tt.want {
			t.Errorf("parseHolder(%q) = %+v, want %+v", tt.note, got, tt.want)
		}
	}
	if s := (Holder{}).String(); s != "另一个 yipin 进程" {
		t.Errorf("an unknown holder shows as %q", s)
	}
}

// The lock of a destination that is a symbolic link lies beside the
// folder it points at, which is the folder a build replaces: two links
// to one web root share one lock.
func TestLockFollowsLink(t *testing.T) {
	dir := t.TempDir()
	www := filepath.Join(dir, "www")
	if err := os.Mkdir(www, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "site", "public")
	if err := os.Mkdir(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(www, link); err != nil {
		t.Fatal(err)
	}
	l, err := Lock(t.Context(), link, "serve", func(Holder) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	real, _ := filepath.EvalSymlinks(www)
	if _, err := os.Stat(real + ".yipin-lock"); err != nil {
		t.Errorf("no lock beside the link's target: %v", err)
	}
	_, err = Lock(t.Context(), www, "build", func(h Holder) bool {
		if h.Command != "serve" || h.PID != os.Getpid() {
			t.Errorf("holder = %+v, want this process's serve", h)
		}
		return false
	})
	if err == nil || !strings.Contains(err.Error(), www) {
		t.Errorf("lock of the link's target while the link is locked: %v, want a BusyError naming it", err)
	}
}
