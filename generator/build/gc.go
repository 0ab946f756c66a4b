package build

import (
	"os"
	"runtime/debug"
)

// A one-shot build (Options.TuneGC) trades some memory for speed: it lets
// the heap grow to three times what the build holds before collecting
// (GOGC=200 instead of Go's 100, about a tenth less build time), and puts
// a soft limit on the memory that grows with the site, so that a large
// site collects more often instead of growing without bound. GOGC and
// GOMEMLIMIT in the environment take precedence.
//
// It also maps its heap ahead when it starts, asking Linux for huge pages
// (heap.go).

// gcPercent is the GOGC a tuned build runs with.
const gcPercent = 200

// memoryLimit is the soft memory limit for a site whose Markdown files
// hold markdown bytes: the model holds about a byte per byte of Markdown
// at its largest, outputs and their buffers as much again, and a fixed
// part serves the theme, the runtime and a small site's work.
func memoryLimit(markdown int64) int64 {
	return 256<<20 + 2*markdown
}

// tuneGC sets GOGC for a tuned build, unless the environment does,
// and reserves the heap.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	reserveHeap()
}

// setMemoryLimit sets the soft memory limit for a tuned build once the
// Markdown read is known, unless the environment sets GOMEMLIMIT.
func setMemoryLimit(markdown int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(markdown))
	}
}
