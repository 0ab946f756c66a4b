package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// siteDirs are the folders of a site that are watched with everything in
// them. The site root itself is watched only for site.yaml and for these
// folders appearing.
var siteDirs = []string{"content", "layouts", "static", "assets", "i18n"}

// watcher watches a site's files and calls back with the changed paths
// once a burst of changes has settled.
type watcher struct {
	w        *fsnotify.Watcher
	root     string
	debounce time.Duration

	mu    sync.Mutex
	theme string // the theme folder watched now
}

// newWatcher watches the site at root: site.yaml and the site's folders.
func newWatcher(root string, debounce time.Duration) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{w: fw, root: filepath.Clean(root), debounce: debounce}
	if err := fw.Add(w.root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range siteDirs {
		w.addTree(filepath.Join(w.root, d))
	}
	return w, nil
}

// close stops watching.
func (w *watcher) close() error { return w.w.Close() }

// refresh watches the theme folder when site.yaml names a new one. The
// old theme's folders stay watched: a change there rebuilds for nothing,
// which is harmless.
func (w *watcher) refresh(theme string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if theme == "" || theme == w.theme {
		return
	}
	w.theme = theme
	w.addTree(theme)
}

// addTree watches dir and every folder under it, skipping hidden ones,
// and returns the files it found there. A folder that does not exist is
// skipped.
func (w *watcher) addTree(dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case p != dir && ignored(e.Name()):
			if e.IsDir() {
				return filepath.SkipDir
			}
		case e.IsDir():
			w.w.Add(p)
		default:
			files = append(files, p)
		}
		return nil
	})
	return files
}

// changes returns the paths an event changes, none when it should not
// rebuild the site. A new folder is watched here, and its changes are the
// files already in it (made before the watch began), so that files
// created in it later are seen too and a new folder of stylesheets still
// counts as a stylesheet change.
func (w *watcher) changes(ev fsnotify.Event) []string {
	name := filepath.Base(ev.Name)
	if ignored(name) || ev.Op == fsnotify.Chmod {
		return nil
	}
	if filepath.Dir(ev.Name) == w.root {
		// in the site root only site.yaml and the watched folders count
		if name != "site.yaml" && !slices.Contains(siteDirs, name) {
			return nil
		}
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			return w.addTree(ev.Name)
		}
	}
	return []string{ev.Name}
}

// run delivers changes to rebuild, a burst at a time: it waits until no
// change has come for the debounce time. Errors of the watcher go to
// fail. It returns when ctx is done or the watcher is closed.
func (w *watcher) run(ctx context.Context, rebuild func(changed []string), fail func(error)) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var changed []string
	seen := map[string]bool{} // changed as a set: a checkout can touch thousands of files
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if paths := w.changes(ev); len(paths) > 0 {
				for _, p := range paths {
					if !seen[p] {
						seen[p] = true
						changed = append(changed, p)
					}
				}
				timer.Reset(w.debounce)
			}
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			fail(err)
		case <-timer.C:
			if len(changed) > 0 {
				rebuild(changed)
				changed = nil
				clear(seen)
			}
		}
	}
}
