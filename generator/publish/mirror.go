package publish

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"yipin/generator/fileio"
)

// Mirror keeps a folder equal to a set of files that changes a little at
// a time, as the preview server's (yipin serve --write): the first Sync
// writes the folder whole and swaps it in, as a build does; each later
// Sync writes only the files whose bytes changed since the last one, and
// removes the files that are gone. A file is replaced whole (written
// beside it, then renamed over it), so a reader never sees half of one.
//
// Mirror remembers a hash of each file it wrote, not the bytes. It
// assumes nobody else changes the folder (its user holds the folder's
// Lock, which keeps other yipin processes out); when the folder has gone, or
// writing a file fails (a file where a folder must go), Sync writes the
// folder whole. It is not safe for concurrent use.
type Mirror struct {
	root    string
	seed    maphash.Seed
	written map[string]uint64 // slash path -> hash of the bytes on disk; nil: write whole
}

// NewMirror returns a Mirror of the folder root, which its first Sync
// replaces.
func NewMirror(root string) *Mirror {
	return &Mirror{root: filepath.Clean(root), seed: maphash.MakeSeed()}
}

// tmpSuffix names the file a changed file is written to before it is
// renamed over the old one.
const tmpSuffix = ".yipin-new"

// Root is the folder kept up to date.
func (m *Mirror) Root() string { return m.root }

// SyncStats tell what one Sync did.
type SyncStats struct {
	Whole   bool // the folder was written whole and swapped in
	Written int  // files written
	Removed int  // files removed
}

// Sync brings the folder up to date with files (slash path -> bytes).
func (m *Mirror) Sync(files map[string][]byte) (SyncStats, error) {
	if m.written != nil {
		if fi, err := os.Stat(m.root); err == nil && fi.IsDir() {
			st, err := m.update(files)
			if err == nil {
				return st, nil
			}
			// The folder is now partly updated; writing it whole puts it
			// right (or leaves it as it is, with its error).
		}
	}
	return m.whole(files)
}

// whole writes every file into a fresh folder and swaps it in.
func (m *Mirror) whole(files map[string][]byte) (SyncStats, error) {
	m.written = nil
	out, err := NewDir(m.root)
	if err != nil {
		return SyncStats{}, err
	}
	written := make(map[string]uint64, len(files))
	for rel, data := range files {
		if err := out.Write(rel, data); err != nil {
			out.Abort()
			return SyncStats{}, err
		}
		written[rel] = maphash.Bytes(m.seed, data)
	}
	if err := out.Commit(); err != nil {
		out.Abort()
		return SyncStats{}, err
	}
	m.written = written
	return SyncStats{Whole: true, Written: len(files)}, nil
}

// update writes the files that changed and removes those that are gone.
func (m *Mirror) update(files map[string][]byte) (SyncStats, error) {
	var st SyncStats
	for rel, data := range files {
		h := maphash.Bytes(m.seed, data)
		if old, ok := m.written[rel]; ok && old == h {
			continue
		}
		p, err := localPath(m.root, rel)
		if err != nil {
			return st, err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return st, err
		}
		if _, clash := files[rel+tmpSuffix]; clash {
			return st, fmt.Errorf("%s%s 是网站自己的文件,不能用作临时文件", rel, tmpSuffix)
		}
		tmp := p + tmpSuffix
		if err := fileio.Write(tmp, data); err != nil {
			return st, err
		}
		if err := os.Rename(tmp, p); err != nil {
			os.Remove(tmp)
			return st, err
		}
		m.written[rel] = h
		st.Written++
	}
	for rel := range m.written {
		if _, ok := files[rel]; ok {
			continue
		}
		p, err := localPath(m.root, rel)
		if err != nil {
			return st, err
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return st, err
		}
		delete(m.written, rel)
		st.Removed++
		m.removeEmptyParents(filepath.Dir(p))
	}
	return st, nil
}

// removeEmptyParents removes dir and the folders above it, up to root,
// for as long as they are empty (a removed page leaves its folder).
func (m *Mirror) removeEmptyParents(dir string) {
	for dir != m.root && strings.HasPrefix(dir, m.root+string(filepath.Separator)) {
		if fileio.RemoveDir(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
