//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows

package fileio

import (
	"os"
	"path/filepath"
	"testing"
)

// Locks taken through different opens of one file exclude each other
// within one process as between processes, so one test process can play
// both sides.
func TestLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "public.yipin-lock")
	first, held, err := TryLock(path, []byte("build 1"))
	if err != nil || first == nil || held != nil {
		t.Fatalf("TryLock on a free lock: %v, %q, %v", first, held, err)
	}
	if got, _ := os.ReadFile(path); string(got) != "build 1" {
		t.Errorf("lock file holds %q, want the holder's note", got)
	}
	second, held, err := TryLock(path, []byte("build 2"))
	if err != nil || second != nil || string(held) != "build 1" {
		t.Fatalf("TryLock on a held lock = %v, %q, %v; want nil and the holder's note", second, held, err)
	}

	// A process that opened the file just before its holder removed it
	// and let go must not keep the lock on the removed file, or a third
	// process could take the lock on the new one at the same time.
	late, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the lock file is left after Unlock: %v", err)
	}
	if l, held, err := take(late, path, []byte("build 3")); l != nil || held != nil || err != nil {
		t.Errorf("take on a removed lock file = %v, %q, %v; want to start again", l, held, err)
	}
	third, _, err := TryLock(path, []byte("build 3"))
	if err != nil || third == nil {
		t.Fatalf("TryLock after Unlock: %v, %v", third, err)
	}
	if _, held, _ := TryLock(path, []byte("build 4")); string(held) != "build 3" {
		t.Errorf("the lock file says %q, want the new holder's note", held)
	}
	third.Unlock()
}

// A lock file left by a killed process holds no lock: the next process
// takes it and writes its own note over the old one.
func TestLockLeftBehind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "public.yipin-lock")
	if err := os.WriteFile(path, []byte("serve 12345, a longer note"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, held, err := TryLock(path, []byte("build 1"))
	if err != nil || l == nil {
		t.Fatalf("TryLock on a left-behind file: %v, %q, %v", l, held, err)
	}
	if got, _ := os.ReadFile(path); string(got) != "build 1" {
		t.Errorf("lock file holds %q, want only the new note", got)
	}
	l.Unlock()
}

func TestLockError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "public.yipin-lock")
	if l, _, err := TryLock(path, nil); err == nil || l != nil {
		t.Errorf("TryLock in a missing folder = %v, %v; want an error", l, err)
	}
}
