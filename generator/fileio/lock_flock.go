//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package fileio

import (
	"os"
	"syscall"
)

// lockFile locks f with flock(2) unless another process holds the lock,
// and reports whether it did.
func lockFile(f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch err {
		case nil:
			return true, nil
		case syscall.EINTR:
			continue
		case syscall.EWOULDBLOCK:
			return false, nil
		}
		return false, err
	}
}

// unlockFile removes the lock file before it lets the lock go, so that
// the process that takes the lock next finds it gone and opens a new
// one rather than holding a lock on the removed file.
func unlockFile(f *os.File, path string) error {
	err := os.Remove(path)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
