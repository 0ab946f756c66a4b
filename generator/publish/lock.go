package publish

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"yipin/generator/fileio"
)

// Two yipin processes writing one destination at once would break each
// other: both write the same new folder beside it (Dir), and a preview
// server's Mirror assumes nobody else changes its folder. So whoever
// writes a destination first takes its lock, final+".yipin-lock", and
// the lock file says who holds it.

// Holder is the yipin process holding a destination's lock, as its lock
// file names it.
type Holder struct {
	Command string // "build" or "serve"; empty when not known
	PID     int
}

func (h Holder) String() string {
	switch h.Command {
	case "build":
		return fmt.Sprintf("另一个 yipin build(进程号 %d)", h.PID)
	case "serve":
		return fmt.Sprintf("正在运行的 yipin serve --write(进程号 %d)", h.PID)
	}
	return "另一个 yipin 进程"
}

// parseHolder reads a lock file's note, "build 1234\n".
func parseHolder(note []byte) Holder {
	cmd, pid, _ := bytes.Cut(bytes.TrimSpace(note), []byte(" "))
	h := Holder{Command: string(cmd)}
	h.PID, _ = strconv.Atoi(string(pid))
	if h.Command != "build" && h.Command != "serve" || h.PID <= 0 {
		return Holder{}
	}
	return h
}

// BusyError says that another process holds a destination's lock.
type BusyError struct {
	Dest   string
	Holder Holder
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("输出文件夹 %s 正由%s写入,两个进程同时写会互相破坏。请等它结束(或先停止它)再试,或用 --destination 另选一个输出文件夹", e.Dest, e.Holder)
}

// Lock takes the destination folder final for this process, command
// ("build" or "serve"), until the returned lock is unlocked. While
// another process holds it, busy decides, each time the holder changes:
// true waits for it to let go, false gives up with a *BusyError. Lock
// waits by trying again every pollEvery, and gives up with ctx's error
// when ctx is done.
func Lock(ctx context.Context, final, command string, busy func(Holder) bool) (*fileio.Lock, error) {
	path := resolve(final) + ".yipin-lock"
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	note := fmt.Appendf(nil, "%s %d\n", command, os.Getpid())
	var last *Holder
	for {
		l, held, err := fileio.TryLock(path, note)
		if err != nil || l != nil {
			return l, err
		}
		if h := parseHolder(held); last == nil || h != *last {
			if !busy(h) {
				return nil, &BusyError{Dest: final, Holder: h}
			}
			last = &h
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pollEvery):
		}
	}
}

// pollEvery is how often Lock tries again while it waits: a build that
// waits starts at most this late.
const pollEvery = 50 * time.Millisecond

// resolve is the folder that writing final replaces: where final points
// when it is a symbolic link (a public/ pointing at a web root), so the
// folder there is replaced and the link stays.
func resolve(final string) string {
	final = filepath.Clean(final)
	if target, err := filepath.EvalSymlinks(final); err == nil {
		return target
	}
	return final
}
