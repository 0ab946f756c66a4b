package build

import (
	"math"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// heapReserve is how much heap a build maps ahead (heap.go): see
// reserveSize. A 32-bit process has no address space to spare.
func heapReserve() int64 {
	if strconv.IntSize < 64 {
		return 0
	}
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) != nil {
		return 0
	}
	var as syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &as) != nil {
		return 0
	}
	overcommit, _ := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return reserveSize(os.Getenv("GODEBUG"), string(overcommit),
		uint64(info.Totalram)*uint64(info.Unit), uint64(as.Cur) != math.MaxUint64)
}

// maxReserve is the most heap reserved: the memory budget for a
// site of 100,000 pages.
const maxReserve = 2 << 30

// reserveSize is the heap to reserve on a machine with ram bytes of
// memory: a quarter of it, up to maxReserve. Nothing is reserved when
// GODEBUG has disablethp=1, Go's own switch against huge pages for its
// heap; when the kernel may refuse memory it promised
// (vm.overcommit_memory=2), where memory mapped ahead counts against
// every process's limit; or when the process's address space is limited
// (ulimit -v), which memory mapped ahead could exhaust.
func reserveSize(godebug, overcommit string, ram uint64, asLimited bool) int64 {
	for _, kv := range strings.Split(godebug, ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return 0
		}
	}
	if strings.TrimSpace(overcommit) == "2" || asLimited {
		return 0
	}
	return int64(min(ram/4, maxReserve))
}

// adviseHugePages asks Linux to back the n bytes of memory at addr with
// transparent huge pages, and reports whether it took the advice.
func adviseHugePages(addr, n uintptr) bool {
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, n, syscall.MADV_HUGEPAGE)
	return errno == 0
}
