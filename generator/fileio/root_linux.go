package fileio

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// Root is an open folder in which files and folders are made by paths
// relative to it: the kernel then looks up only the relative path, not
// the folder's own path again for each file.
type Root struct {
	name string // the folder, for messages
	fd   int
}

// OpenRoot opens the folder name.
func OpenRoot(name string) (*Root, error) {
	fd, err := open(name, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	if err != nil {
		return nil, err
	}
	return &Root{name: name, fd: fd}, nil
}

// Mkdir makes the folder rel (a local path) in r.
func (r *Root) Mkdir(rel string) error {
	for {
		err := syscall.Mkdirat(r.fd, rel, 0o755)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "mkdir", Path: filepath.Join(r.name, rel), Err: err}
		}
		return nil
	}
}

// Write creates or truncates the file rel (a local path) in r, mode 0644
// before the umask, and writes data to it.
func (r *Root) Write(rel string, data []byte) error {
	for {
		fd, err := syscall.Openat(r.fd, rel, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "open", Path: filepath.Join(r.name, rel), Err: err}
		}
		return writeAll(fd, filepath.Join(r.name, rel), data)
	}
}

// Close closes the folder.
func (r *Root) Close() error { return syscall.Close(r.fd) }
