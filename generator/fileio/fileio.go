// Package fileio reads and writes whole small files, and removes empty
// folders, with as few system calls as the platform allows. A build opens
// tens of thousands of files (each Markdown file is read twice, each page
// written once), and os.File spends four fcntl calls and an epoll
// registration on every regular file it opens, to make it pollable; on
// unix this package opens, reads or writes, and closes, nothing more.
// Elsewhere it uses package os.
package fileio

// fill reads into buf's storage with read, which returns 0 and no error
// at the end of the file, growing buf when the file is larger than size.
// It stops at limit+1 bytes, so that a file that grew past the limit
// after it was listed is caught without reading it all.
//
// With size right, one read asks for size+1 bytes and gets size: a read
// of a regular file returns less than asked only at its end, so fill
// stops there without the second read that would return 0. A read cut
// short for another reason (a signal, a file system that reads in
// pieces) ends there only by chance, and only in a file written to while
// it is read, which no reader gets whole anyway; any other short read is
// read on from until 0. A build reads every Markdown file twice, and on
// a VM each system call saved is worth a few microseconds.
func fill(read func([]byte) (int, error), buf []byte, size, limit int64) ([]byte, error) {
	if want := int(min(size, limit) + 1); cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	for {
		room := int64(cap(buf) - len(buf))
		if left := limit - int64(len(buf)); room > left {
			room = left + 1 // a byte past the limit tells the caller
		}
		n, err := read(buf[len(buf) : len(buf)+int(room)])
		buf = buf[:len(buf)+n]
		if err != nil || n == 0 || int64(len(buf)) > limit {
			return buf, err
		}
		if int64(n) < room && int64(len(buf)) == size {
			return buf, nil // a short read ending at the listed size: the end
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
