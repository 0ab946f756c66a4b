package build

import (
	"cmp"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"unsafe"
)

// A one-shot build maps the heap it expects to need ahead, and asks the
// kernel to back it with transparent huge pages: the heap then grows with
// one page fault per 2 MiB instead of one per 4 KiB, and the processor
// misses in its page tables less. On the 2-core VM of the speed figures a
// page fault costs about 10 µs, and the 50,000 faults of a 10,000-page
// build took about a tenth of its CPU time. Linux gives huge pages to Go's
// heap unasked only where transparent_hugepage is set to always; Debian
// and Ubuntu set madvise.
//
// The Go runtime maps the memory of a large allocation without touching
// it, and a dropped allocation is freed at the next collection: its pages,
// mapped and advised, are what the heap fills from then on. An allocation
// is zeroed, which touches all of it, unless all of it is fresh from the
// system (or was returned to it), so the heap is reserved in pieces: only
// those that land on pages the heap used before are zeroed.

// heapPiece is the size of one piece: the runtime's page chunk.
const heapPiece = 4 << 20

// reserveHeap maps about n more bytes of heap, advised for huge pages,
// where the system is asked for them this way (hugePagesWanted). It
// reports whether the kernel took the advice for any of them.
func reserveHeap(n int64) bool {
	if !hugePagesWanted() {
		return false
	}
	return adviseRuns(allocPieces(n)) > 0
}

// allocPieces allocates about n bytes in pieces, with the collector off:
// the pieces are garbage once the caller drops them, and a collection
// started only because they were made would be wasted.
func allocPieces(n int64) [][]byte {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	pieces := make([][]byte, n/heapPiece)
	for i := range pieces {
		pieces[i] = make([]byte, heapPiece)
	}
	return pieces
}

// adviseRuns asks for huge pages for the pieces, for each run of adjacent
// pieces at once, and returns how many bytes the kernel took the advice
// for. The pieces fresh from the system lie side by side at the top of
// the heap.
func adviseRuns(pieces [][]byte) int64 {
	addr := func(p []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(p))) }
	slices.SortFunc(pieces, func(a, b []byte) int { return cmp.Compare(addr(a), addr(b)) })
	var advised int64
	for i := 0; i < len(pieces); {
		j := i + 1
		for j < len(pieces) && addr(pieces[j]) == addr(pieces[j-1])+heapPiece {
			j++
		}
		if n := uintptr(j-i) * heapPiece; adviseHugePages(addr(pieces[i]), n) {
			advised += int64(n)
		}
		i = j
	}
	return advised
}

// heapMemory returns how far the Go runtime has grown its memory, and how
// much of the heap in it is free: pieces of heap land there first. Memory
// the runtime returned to the system counts in both, as it keeps the
// addresses.
func heapMemory() (total, free int64) {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64() + s[2].Value.Uint64())
}
