//go:build !linux

package build

// heapReserve is 0: other systems are not asked for huge pages this way,
// so mapping the heap ahead would gain nothing.
func heapReserve() int64 { return 0 }

func adviseHugePages(addr, n uintptr) bool { return false }
