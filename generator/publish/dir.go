package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"yipin/generator/fileio"
)

// Dir writes a build into a new folder beside the destination and swaps it
// in on Commit, so readers and a failed build never see half a site, and
// files that no longer belong are gone. Each folder it makes holds a
// Marker file.
type Dir struct {
	final string
	tmp   string
	root  *fileio.Root // tmp, open: outputs are made by paths relative to it
	made  sync.Map     // folders already created, relative to tmp
}

// Marker is the file every folder written by a Dir holds, so that a later
// build can tell its own output, which it may replace, from a folder of
// other files (build.CheckDestination).
const Marker = ".yipin-output"

// markerText is the Marker file's content, for whoever finds it.
const markerText = "这个文件夹由 yipin 生成。每次构建会整体替换它,请不要在这里存放别的文件。\n"

// NewDir prepares a fresh folder for a build of final. When final is a
// symbolic link (a public/ pointing at a web root), the build goes where
// it points: the folder there is replaced, and the link stays. The
// caller holds final's Lock.
func NewDir(final string) (*Dir, error) {
	final = resolve(final)
	d := &Dir{final: final, tmp: final + ".yipin-new"}
	if err := removeAll(d.tmp); err != nil { // left by a build that was killed
		return nil, err
	}
	if err := os.MkdirAll(d.tmp, 0o755); err != nil {
		return nil, err
	}
	root, err := fileio.OpenRoot(d.tmp)
	if err == nil {
		err = root.Write(Marker, []byte(markerText))
		if err != nil {
			root.Close()
		}
	}
	if err != nil {
		os.RemoveAll(d.tmp)
		return nil, err
	}
	d.root = root
	return d, nil
}

// Root is the folder being written.
func (d *Dir) Root() string { return d.tmp }

// localRel maps a slash path inside the site to a path relative to the
// output folder, refusing anything that would leave it.
func localRel(rel string) (string, error) {
	p := filepath.FromSlash(strings.TrimPrefix(rel, "/"))
	if !filepath.IsLocal(p) {
		return "", fmt.Errorf("输出路径 %q 不在输出文件夹内", rel)
	}
	return p, nil
}

// localPath maps a slash path inside the site to a file under root,
// refusing anything that would leave it.
func localPath(root, rel string) (string, error) {
	p, err := localRel(rel)
	if err != nil {
		return "", err
	}
	return filepath.Join(root, p), nil
}

// mkdir makes dir (relative to the new folder) and any missing parents,
// remembering what it made so that each folder costs one system call at
// most.
func (d *Dir) mkdir(dir string) error {
	if _, ok := d.made.Load(dir); ok || dir == "." {
		return nil
	}
	err := d.root.Mkdir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err = d.mkdir(filepath.Dir(dir)); err == nil {
			err = d.root.Mkdir(dir)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.made.Store(dir, true)
	return nil
}

// Write stores data at rel (a slash path inside the site).
func (d *Dir) Write(rel string, data []byte) error {
	p, err := localRel(rel)
	if err != nil {
		return err
	}
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return d.root.Write(p, data)
}

// Copy copies the file at src to rel.
func (d *Dir) Copy(rel, src string) error {
	p, err := localRel(rel)
	if err != nil {
		return err
	}
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	p = filepath.Join(d.tmp, p)
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Commit puts the new folder in place of the destination.
func (d *Dir) Commit() error {
	d.closeRoot()
	old := d.final + ".yipin-old"
	if err := removeAll(old); err != nil {
		return err
	}
	moved := false
	if err := os.Rename(d.final, old); err == nil {
		moved = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if moved {
			os.Rename(old, d.final)
		}
		return err
	}
	return removeAll(old)
}

// Abort throws the new folder away, leaving the destination as it was.
func (d *Dir) Abort() error {
	d.closeRoot()
	return removeAll(d.tmp)
}

// closeRoot closes the new folder once: Abort may follow a failed Commit.
func (d *Dir) closeRoot() {
	if d.root != nil {
		d.root.Close()
		d.root = nil
	}
}
