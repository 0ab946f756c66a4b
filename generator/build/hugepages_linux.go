package build

import (
	"os"
	"strings"
	"syscall"
)

// hugePagesWanted reports whether a build should map its heap ahead and
// ask for huge pages (heap.go).
func hugePagesWanted() bool {
	overcommit, _ := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return wantHugePages(os.Getenv("GODEBUG"), string(overcommit))
}

// wantHugePages is false when GODEBUG has disablethp=1, Go's own switch
// against huge pages for its heap, and when the kernel may refuse memory
// it promised (vm.overcommit_memory=2): there memory mapped ahead counts
// against every process's limit.
func wantHugePages(godebug, overcommit string) bool {
	for _, kv := range strings.Split(godebug, ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return false
		}
	}
	return strings.TrimSpace(overcommit) != "2"
}

// adviseHugePages asks Linux to back the n bytes of memory at addr with
// transparent huge pages, and reports whether it took the advice.
func adviseHugePages(addr, n uintptr) bool {
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, n, syscall.MADV_HUGEPAGE)
	return errno == 0
}
