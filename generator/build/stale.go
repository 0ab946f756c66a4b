package build

import "sync"

// staleSet is the outputs waiting to be rendered again. An output being
// rendered holds a channel that is closed when it is done.
type staleSet struct {
	mu sync.Mutex
	m  map[string]chan struct{}
}

func (t *staleSet) add(rel string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.m[rel]; !ok {
		t.m[rel] = nil
	}
}

func (t *staleSet) has(rel string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.m[rel]
	return ok
}

func (t *staleSet) drop(rel string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.m, rel)
}

// claim makes the caller the renderer of a stale output (mine), or
// returns the channel to wait on while another caller renders it.
func (t *staleSet) claim(rel string) (mine bool, wait chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ch, ok := t.m[rel]
	switch {
	case !ok:
		return false, nil
	case ch != nil:
		return false, ch
	}
	t.m[rel] = make(chan struct{})
	return true, nil
}

func (t *staleSet) done(rel string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ch := t.m[rel]; ch != nil {
		close(ch)
	}
	delete(t.m, rel)
}
