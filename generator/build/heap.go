package build

import (
	"cmp"
	"runtime/debug"
	"slices"
	"unsafe"
)

// A one-shot build maps the heap it may need ahead, and asks the kernel
// to back it with transparent huge pages: the heap then grows with one
// page fault per 2 MiB instead of one per 4 KiB, and the processor misses
// in its page tables less. On the 2-core VM of the speed figures a page
// fault costs about 10 µs, and the 50,000 faults of a 10,000-page build
// took about a tenth of its CPU time. Linux gives huge pages to Go's heap
// unasked only where transparent_hugepage is set to always; Debian and
// Ubuntu set madvise, and Go's runtime asks only for its own metadata.
//
// The Go runtime maps the memory of a large allocation without touching
// it. The build allocates the reserve in pieces, advises their memory,
// drops them, collects them and returns their pages to the system at
// once: they then take no memory and count against no limit, but stay
// mapped and advised, and the heap fills them from the bottom up. Pieces
// rather than one block, because the runtime zeroes (so touches) an
// allocation that overlaps pages the heap used before; only pieces that
// land there are zeroed.

// heapPiece is the size of one piece: the runtime's page chunk.
const heapPiece = 4 << 20

// reserveHeap maps the heap ahead, advised for huge pages, where the
// system is asked for them this way (heapReserve).
func reserveHeap() {
	n := heapReserve()
	if n == 0 {
		return
	}
	adviseRuns(allocPieces(n))
	debug.FreeOSMemory() // collects the dropped pieces and returns their pages
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
