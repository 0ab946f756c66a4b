//go:build unix

package fileio

import (
	"io/fs"
	"syscall"
)

// ReadInto reads the file name into buf's storage (see fill); size is
// the size the file was listed with, limit the most it may hold.
func ReadInto(name string, buf []byte, size, limit int64) ([]byte, error) {
	fd, err := open(name, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	return fill(func(p []byte) (int, error) {
		for {
			n, err := syscall.Read(fd, p)
			switch {
			case err == syscall.EINTR:
				continue
			case err != nil:
				return 0, &fs.PathError{Op: "read", Path: name, Err: err}
			}
			return n, nil
		}
	}, buf, size, limit)
}

// Write creates or truncates the file name (mode 0644 before the umask)
// and writes data to it.
func Write(name string, data []byte) error {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	return writeAll(fd, name, data)
}

// writeAll writes data to the open file fd, named name, and closes it.
func writeAll(fd int, name string, data []byte) error {
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func open(name string, flag int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, perm)
		if err == nil {
			return fd, nil
		}
		if err != syscall.EINTR {
			return -1, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}

// RemoveDir removes the empty folder name with one system call
// (os.Remove tries to unlink it as a file first).
func RemoveDir(name string) error {
	for {
		err := syscall.Rmdir(name)
		if err != syscall.EINTR {
			if err != nil {
				return &fs.PathError{Op: "rmdir", Path: name, Err: err}
			}
			return nil
		}
	}
}
