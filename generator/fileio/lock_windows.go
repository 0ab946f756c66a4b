package fileio

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile locks one byte of f far past its content, which other
// processes can then still read, unless another process holds the lock,
// and reports whether it did.
func lockFile(f *os.File) (bool, error) {
	flags := uint32(windows.LOCKFILE_EXCLUSIVE_LOCK | windows.LOCKFILE_FAIL_IMMEDIATELY)
	at := &windows.Overlapped{OffsetHigh: 1} // 4 GiB in
	err := windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, at)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// unlockFile lets the lock go, then removes the lock file: Windows does
// not remove a file that is open. Removing fails, harmlessly, when
// another process has it open already; that one removes it in turn.
func unlockFile(f *os.File, path string) error {
	err := f.Close()
	os.Remove(path)
	return err
}
