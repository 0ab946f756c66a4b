//go:build !unix

package fileio

import (
	"io"
	"os"
	"path/filepath"
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

// Root is a folder in which files and folders are made by paths relative
// to it.
type Root struct{ name string }

// OpenRoot opens the folder name.
func OpenRoot(name string) (*Root, error) {
	if _, err := os.Stat(name); err != nil {
		return nil, err
	}
	return &Root{name: name}, nil
}

// Mkdir makes the folder rel (a local path) in r.
func (r *Root) Mkdir(rel string) error { return os.Mkdir(filepath.Join(r.name, rel), 0o755) }

// Write creates or truncates the file rel (a local path) in r, mode 0644,
// and writes data to it.
func (r *Root) Write(rel string, data []byte) error { return Write(filepath.Join(r.name, rel), data) }

// Close closes the folder.
func (r *Root) Close() error { return nil }

// RemoveDir removes the empty folder name.
func RemoveDir(name string) error { return os.Remove(name) }
