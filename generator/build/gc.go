package build

import (
	"os"
	"runtime"
	"runtime/debug"
)

// A one-shot build (Options.TuneGC) trades some memory for speed: it lets
// the heap grow to three times what the build holds before collecting
// (GOGC=200 instead of Go's 100, about a tenth less build time), and puts
// a soft limit on the memory that grows with the site, so that a large
// site collects more often instead of growing without bound. GOGC and
// GOMEMLIMIT in the environment take precedence.
//
// It also maps its heap ahead, asking for huge pages (heap.go): a first
// part when it starts, the rest up to the memory limit once the size of
// the Markdown is known.

// gcPercent is the GOGC a tuned build runs with.
const gcPercent = 200

// memoryLimit is the soft memory limit for a site whose Markdown files
// hold markdown bytes: the model holds about a byte per byte of Markdown
// at its largest, outputs and their buffers as much again, and a fixed
// part serves the theme, the runtime and a small site's work.
func memoryLimit(markdown int64) int64 {
	return firstHeap + 2*markdown
}

// firstHeap is the heap a tuned build maps before it knows the size of
// the site: the fixed part of every memory limit, and about what a site
// of 10,000 pages needs at its peak.
const firstHeap = 256 << 20

// setGCPercent sets GOGC for a tuned build, unless the environment does,
// and maps the first part of the heap.
func setGCPercent() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if reserveHeap(firstHeap) {
		runtime.GC() // frees the pieces now, while the heap is small
	}
}

// setMemoryLimit sets the soft memory limit for a tuned build once the
// Markdown read is known, unless the environment sets GOMEMLIMIT.
//
// Before that, it maps the heap up to the limit when that is more than
// another first part: the pieces fill the pages the heap has freed before
// they reach fresh memory, and zeroing those is worth it only when much
// fresh memory follows. The pieces are freed at the next collection.
func setMemoryLimit(markdown int64) {
	limit, ours := memoryLimit(markdown), os.Getenv("GOMEMLIMIT") == ""
	if !ours {
		limit = min(limit, debug.SetMemoryLimit(-1))
	}
	if total, free := heapMemory(); limit-total > firstHeap {
		reserveHeap(limit - total + free)
	}
	if ours {
		debug.SetMemoryLimit(limit)
	}
}
