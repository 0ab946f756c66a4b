package build

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC: a tuned build sets GOGC and a memory limit that grows with
// the Markdown read, unless the environment sets them.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	tuneGC()
	setMemoryLimit(100 << 20)
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GOGC = %d, want %d", got, gcPercent)
	}
	if got, want := debug.SetMemoryLimit(math.MaxInt64), int64(456<<20); got != want {
		t.Errorf("memory limit = %d MiB, want %d MiB", got>>20, want>>20)
	}
	// the Markdown of the 10,000- and 100,000-page corpora: the limit
	// grows with the site, and keeps the large one within 2 GB
	if small, large := memoryLimit(69<<20), memoryLimit(679<<20); large > 2_000_000_000 || large <= small {
		t.Errorf("limits for 10,000 and 100,000 pages: %d and %d MB", small/1e6, large/1e6)
	}

	t.Setenv("GOGC", "100")
	t.Setenv("GOMEMLIMIT", "1GiB")
	tuneGC()
	setMemoryLimit(100 << 20)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set in the environment was overridden: %d", got)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set in the environment was overridden: %d", got)
	}
}
