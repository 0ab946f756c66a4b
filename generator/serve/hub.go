package serve

import (
	"encoding/json"
	"sync"
)

// Message is what the server tells the browsers after a build.
type Message struct {
	Type   string      `json:"type"`             // "reload", "css" or "error"
	Errors []errorView `json:"errors,omitempty"` // for "error"
	More   int         `json:"more,omitempty"`   // errors not listed
}

// hub fans messages out to every connected browser. It remembers the
// current error, so a page opened while the site is broken shows it too.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
	failing []byte // the last "error" message while the site is broken
}

func newHub() *hub { return &hub{clients: map[chan []byte]struct{}{}} }

// subscribe adds a client. Its channel first gets the current error, if
// any.
func (h *hub) subscribe() chan []byte {
	ch := make(chan []byte, 8)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.failing != nil {
		ch <- h.failing
	}
	h.clients[ch] = struct{}{}
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

// count is how many browsers are connected.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}
