//go:build !unix

package fileio

import (
	"io"
	"os"
)

// ReadInto reads the file name into buf's storage (see fill); size is
// the size the file was listed with, limit the most it may hold.
func ReadInto(name string, buf []byte, size, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return fill(func(p []byte) (int, error) {
		n, err := f.Read(p)
		if err == io.EOF {
			err = nil
		}
		return n, err
	}, buf, size, limit)
}

// Write creates or truncates the file name (mode 0644) and writes data to
// it.
func Write(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// RemoveDir removes the empty folder name.
func RemoveDir(name string) error { return os.Remove(name) }
