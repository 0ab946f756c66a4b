package fileio

import (
	"io/fs"
	"os"
)

// Lock is an exclusive lock between processes, held on a file that
// exists only while the lock is held: the holder writes a note into it
// for the others to read, and removes it as it lets go, so that nothing
// is left beside the folder it guards. A lock the system drops (the
// holder was killed) leaves the file behind; the next process takes the
// lock on it and removes it in turn.
//
// Where the system has no file locks (not unix, not Windows), every
// TryLock succeeds.
type Lock struct {
	f    *os.File
	path string
}

// TryLock takes the lock at path without waiting and writes note into
// its file. When another process holds it, TryLock returns a nil Lock
// and that process's note (empty if it has not written it yet). There
// is no blocking wait: a caller that waits polls, and can stop.
func TryLock(path string, note []byte) (*Lock, []byte, error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, nil, err
		}
		l, held, err := take(f, path, note)
		if l != nil || held != nil || err != nil {
			return l, held, err
		}
	}
}

// take locks f, opened at path, and writes note into it. When another
// process holds the lock, it returns that one's note (never nil). It
// returns all nil when the file is no longer at path: the holder before
// removed it between the open and the lock, and a lock on it guards
// nothing, so the caller starts again with the file there now.
func take(f *os.File, path string, note []byte) (*Lock, []byte, error) {
	ok, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, nil, &fs.PathError{Op: "lock", Path: path, Err: err}
	}
	if !ok {
		f.Close()
		held, _ := os.ReadFile(path)
		return nil, append([]byte{}, held...), nil
	}
	if here, err := f.Stat(); err == nil {
		if there, err := os.Stat(path); err == nil && os.SameFile(here, there) {
			l := &Lock{f: f, path: path}
			if err := l.note(note); err != nil {
				l.Unlock()
				return nil, nil, err
			}
			return l, nil, nil
		}
	}
	f.Close()
	return nil, nil, nil
}

// note replaces the lock file's content with note.
func (l *Lock) note(note []byte) error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err := l.f.WriteAt(note, 0)
	return err
}

// Unlock removes the lock file and lets the lock go.
func (l *Lock) Unlock() error {
	return unlockFile(l.f, l.path)
}
