package serve

import (
	"encoding/json"
	"strings"
	"sync"
)

// Message is what the server tells the browsers after a build.
type Message struct {
	Type   string      `json:"type"`             // "reload", "css" or "error"
	Errors []errorView `json:"errors,omitempty"` // for "error"
	More   int         `json:"more,omitempty"`   // errors not listed
	Path   string      `json:"path,omitempty"`   // for "reload": the page just edited, to go to
}

// hub fans messages out to every connected browser. It remembers the
// current error, so a page opened while the site is broken shows it too.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]string // → the path of the page the browser shows
	failing []byte                 // the last "error" message while the site is broken
}

func newHub() *hub { return &hub{clients: map[chan []byte]string{}} }

// subscribe adds a client showing the page at path. Its channel first
// gets the current error, if any.
func (h *hub) subscribe(path string) chan []byte {
	ch := make(chan []byte, 8)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.failing != nil {
		ch <- h.failing
	}
	h.clients[ch] = path
	return ch
}

// unsubscribe removes a client.
func (h *hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, ch)
}

// send encodes m and queues it for every client. A client too slow to
// keep up loses the message: the next one makes it current again.
func (h *hub) send(m Message) {
	data, err := json.Marshal(m)
	if err != nil {
		return // cannot happen with these types
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failing = nil
	if m.Type == "error" {
		h.failing = data
	}
	for ch := range h.clients {
		select {
		case ch <- data:
		default:
		}
	}
}

// viewed lists the output files of the pages the browsers show
// ("news/a/index.html"), for a site under base.
func (h *hub) viewed(base string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, p := range h.clients {
		rel, ok := strings.CutPrefix(p, base)
		if !ok {
			continue
		}
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		out = append(out, rel)
	}
	return out
}

// count is how many browsers are connected.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}
