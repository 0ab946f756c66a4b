//go:build !linux

package build

// hugePagesWanted is false: other systems are not asked for huge pages
// this way, so mapping the heap ahead would gain nothing.
func hugePagesWanted() bool { return false }

func adviseHugePages(addr, n uintptr) bool { return false }
