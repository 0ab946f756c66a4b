package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"yipin/generator/fileio"
)

// removeAll removes dir and everything in it, like os.RemoveAll, but
// with fewer system calls and on every core: the old public/ of a large
// site holds tens of thousands of folders, and os.RemoveAll spends seven
// calls on each (a failed unlink, open, two reads of the entries, the
// unlink of its file, close, rmdir), more than the build spent writing
// them. The entries one and two levels below dir are shared among one
// goroutine per core, and each folder is removed by removeTree. Commit
// (the old site), Abort (a failed build's folder) and NewDir (a folder
// left by a build that was killed) all remove through it.
//
// A dir that is a symbolic link is removed as a link; what it points to
// is left alone.
func removeAll(dir string) error {
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return os.RemoveAll(dir)
	}
	type entry struct {
		path string
		dir  bool
	}
	var paths []entry
	top, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	for _, e := range top {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			paths = append(paths, entry{p, false})
			continue
		}
		sub, err := os.ReadDir(p)
		if err != nil {
			paths = append(paths, entry{p, true})
			continue
		}
		for _, s := range sub {
			paths = append(paths, entry{filepath.Join(p, s.Name()), s.IsDir()})
		}
	}
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				if paths[i].dir {
					removeTree(paths[i].path)
				} else {
					os.Remove(paths[i].path)
				}
			}
		})
	}
	wg.Wait()
	// What is left (the folders of the first level, anything the
	// goroutines could not remove) is met again here, and its error
	// reported.
	return os.RemoveAll(dir)
}

// removeTree removes the folder p, listed as a folder (not a link), and
// what it holds, as far as it can; errors are left for the caller's
// os.RemoveAll to meet and report. Nearly every folder of a built site
// is a page's and holds one index.html: removing that file and then the
// folder takes two system calls, and only a folder that is not empty
// after that is listed.
func removeTree(p string) {
	os.Remove(filepath.Join(p, "index.html"))
	if fileio.RemoveDir(p) == nil {
		return
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return
	}
	for _, e := range entries {
		c := filepath.Join(p, e.Name())
		if e.IsDir() {
			removeTree(c)
		} else {
			os.Remove(c)
		}
	}
	fileio.RemoveDir(p)
}
