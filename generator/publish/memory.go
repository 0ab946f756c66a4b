package publish

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
)

// Memory is a Sink that keeps a build's files in memory instead of on
// disk, for the preview server (yipin serve). It is safe for concurrent
// use. Its Commit and Abort match Dir's, so a build can use either.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory destination.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// key checks rel as Dir does: a slash path that stays inside the site.
func (m *Memory) key(rel string) (string, error) {
	rel = strings.TrimPrefix(rel, "/")
	if !fs.ValidPath(rel) || rel == "." {
		return "", fmt.Errorf("输出路径 %q 不在输出文件夹内", rel)
	}
	return rel, nil
}

// Write stores a copy of data at rel: callers reuse their buffers.
func (m *Memory) Write(rel string, data []byte) error {
	return m.store(rel, bytes.Clone(data))
}

// Copy reads the file at src and stores it at rel.
func (m *Memory) Copy(rel, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return m.store(rel, data)
}

func (m *Memory) store(rel string, data []byte) error {
	k, err := m.key(rel)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[k] = data
	return nil
}

// Files returns the files written so far by slash path ("news/a/index.html").
// The map is a copy; the byte slices are shared and must not be changed.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.files)
}

// Get returns the file stored at rel. The bytes must not be changed.
func (m *Memory) Get(rel string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.files[strings.TrimPrefix(rel, "/")]
	return data, ok
}

// Under lists the files whose path starts with prefix, sorted.
func (m *Memory) Under(prefix string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for rel := range m.files {
		if strings.HasPrefix(rel, prefix) {
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return out
}

// Keep deletes every file for which keep returns false.
func (m *Memory) Keep(keep func(rel string) bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for rel := range m.files {
		if !keep(rel) {
			delete(m.files, rel)
		}
	}
}

// Commit does nothing: the files are ready once written.
func (m *Memory) Commit() error { return nil }

// Abort forgets every file written.
func (m *Memory) Abort() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.files)
	return nil
}
