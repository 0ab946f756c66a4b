//go:build !windows

package fileio

import "os"

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
