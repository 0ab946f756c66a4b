package browsertest

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestPagesInBrowser loads every HTML page the crawler found, one after
// another in one tab, and fails on console errors, uncaught exceptions,
// browser-logged errors (such as a failed resource) and any request that
// leaves 127.0.0.1.
func TestPagesInBrowser(t *testing.T) {
	c, b := setup(t)
	pages := c.pages
	rec := &pageRecorder{outside: map[network.RequestID]string{}}
	if err := chromedp.Listen(b.ctx, rec.event); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		rec.start()
		if err := b.open(p); err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		// A round trip to the page, so that the events it sent while
		// loading have been handled.
		if _, err := eval[int](b, "1"); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		for _, problem := range rec.stop() {
			t.Errorf("%s: %s", p, problem)
		}
	}
	t.Logf("loaded %d pages", len(pages))
}

// pageRecorder collects the problems the browser reports while a page loads.
type pageRecorder struct {
	mu       sync.Mutex
	problems []string
	outside  map[network.RequestID]string // outside requests not (yet) seen blocked
}

func (r *pageRecorder) start() {
	r.mu.Lock()
	r.problems, r.outside = nil, map[network.RequestID]string{}
	r.mu.Unlock()
}

// stop returns the problems since start and the outside requests that were
// not blocked, which must not happen.
func (r *pageRecorder) stop() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, u := range r.outside {
		r.problems = append(r.problems, "request to another host NOT blocked: "+u)
	}
	return r.problems
}

// event runs in the tab's event loop: it must be quick and run no command.
func (r *pageRecorder) event(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			problem = "console." + string(ev.Type) + ": " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		problem = fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			problem = fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if u, err := url.Parse(ev.Request.URL); err == nil && u.Scheme != "data" && u.Scheme != "about" && u.Scheme != "blob" && u.Hostname() != "127.0.0.1" {
			problem = "request to another host (blocked): " + ev.Request.URL
			r.mu.Lock()
			r.outside[ev.RequestID] = ev.Request.URL
			r.mu.Unlock()
		}
	case *network.EventLoadingFailed:
		if ev.BlockedReason != "" {
			r.mu.Lock()
			delete(r.outside, ev.RequestID)
			r.mu.Unlock()
		}
	}
	if problem != "" {
		r.mu.Lock()
		r.problems = append(r.problems, problem)
		r.mu.Unlock()
	}
}
