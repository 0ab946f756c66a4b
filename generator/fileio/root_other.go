//go:build !linux

package fileio

import (
	"os"
	"path/filepath"
)

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
