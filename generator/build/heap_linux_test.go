package build

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestReserveSize(t *testing.T) {
	const gib = 1 << 30
	for _, c := range []struct {
		godebug, overcommit string
		ram                 uint64
		asLimited           bool
		want                int64
	}{
		{"", "0\n", 24 * gib, false, 2 * gib},
		{"", "1\n", 4 * gib, false, gib},
		{"", "", 2 * gib, false, gib / 2}, // /proc/sys not readable
		{"", "2\n", 24 * gib, false, 0},
		{"", "0\n", 24 * gib, true, 0},
		{"disablethp=1", "0\n", 24 * gib, false, 0},
		{"gctrace=1, disablethp=1", "0\n", 24 * gib, false, 0},
		{"disablethp=0", "0\n", 24 * gib, false, 2 * gib},
		{"xdisablethp=1", "0\n", 24 * gib, false, 2 * gib},
	} {
		if got := reserveSize(c.godebug, c.overcommit, c.ram, c.asLimited); got != c.want {
			t.Errorf("reserveSize(%q, %q, %d GiB, %v) = %d MiB, want %d MiB",
				c.godebug, c.overcommit, c.ram/gib, c.asLimited, got>>20, c.want>>20)
		}
	}
}

// TestReserveHeap: the pieces are mapped without being touched, and the
// memory at the top of the heap they leave is advised for huge pages.
func TestReserveHeap(t *testing.T) {
	const n = 256 << 20
	runtime.GC()
	before := rss(t)
	pieces := allocPieces(n)
	if len(pieces) != n/heapPiece {
		t.Fatalf("%d pieces, want %d", len(pieces), n/heapPiece)
	}
	advised := adviseRuns(pieces)
	if grown := rss(t) - before; grown > n/4 {
		t.Errorf("the pieces took %d MiB of memory: they were touched", grown>>20)
	}
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Logf("no transparent huge pages in this kernel: %v", err)
		return
	}
	if advised < n/2 {
		t.Errorf("%d MiB advised for huge pages, want most of %d MiB", advised>>20, n>>20)
	}
	top := pieces[len(pieces)-1]
	if flags := vmFlags(t, uintptr(unsafe.Pointer(unsafe.SliceData(top)))); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the top piece's mapping has flags %q, without hg (huge pages advised)", flags)
	}
	runtime.KeepAlive(pieces)
}

// TestReserveHeapReturned: the reserve's pages are handed back to the
// system, so that they count against no memory limit, and none of them
// is touched.
func TestReserveHeapReturned(t *testing.T) {
	n := heapReserve()
	t.Logf("reserve on this machine: %d MiB", n>>20)
	before := rss(t)
	reserveHeap()
	s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	if released := int64(s[0].Value.Uint64()); released < n*3/4 {
		t.Errorf("%d MiB of heap returned to the system after reserving %d MiB", released>>20, n>>20)
	}
	if grown := rss(t) - before; grown > 64<<20 {
		t.Errorf("reserving the heap took %d MiB of memory", grown>>20)
	}
}

// rss is the process's resident memory in bytes.
func rss(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b))
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return pages * int64(os.Getpagesize())
}

// vmFlags returns the VmFlags of the mapping holding addr.
func vmFlags(t *testing.T, addr uintptr) string {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= addr && addr < hi
		} else if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return ""
}
