//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows

package fileio

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

	got := make(chan *Lock)
	go func() {
		l, err := WaitLock(path, []byte("build 3"))
		if err != nil {
			t.Error(err)
		}
		got <- l
	}()
	select {
	case <-got:
		t.Fatal("WaitLock took a held lock")
	case <-time.After(50 * time.Millisecond):
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	third := <-got
	if third == nil {
		t.Fatal("WaitLock returned no lock")
	}
	// The waiter opened the file its predecessor removed: it must hold
	// the lock on the file at path, or a fourth process could take it.
	if _, held, _ := TryLock(path, []byte("build 4")); string(held) != "build 3" {
		t.Errorf("after the hand-over, the lock file says %q, want the waiter's note", held)
	}
	if err := third.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the lock file is left after Unlock: %v", err)
	}
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
