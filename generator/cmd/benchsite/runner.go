package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// config says what to build and how often.
type config struct {
	Bin   string   // the yipin binary
	Site  string   // site folder with content/
	Runs  int      // counted runs, after one warm-up
	Extra []string // extra build flags
	Tmp   string   // folder for the build outputs; "" means the system's temporary folder
	// Yardstick times goldmark alone on the site's bodies after each build
	Yardstick bool
}

// measurement is one build.
type measurement struct {
	Wall      time.Duration
	MaxRSS    int64         // KiB; 0 if the platform does not report it
	Yardstick time.Duration // goldmark alone, timed right after the build; 0 when not asked for
}

// buildError is a failed build, with what the build printed on stderr.
type buildError struct {
	Run    int // 0 for the warm-up
	Err    error
	Stderr []byte
}

func (e *buildError) Error() string {
	which := "预热构建"
	if e.Run > 0 {
		which = fmt.Sprintf("第 %d 次构建", e.Run)
	}
	return fmt.Sprintf("%s失败:%v", which, e.Err)
}

func (e *buildError) Unwrap() error { return e.Err }

// bench counts the pages, runs the warm-up and the counted builds, and
// summarises them. Progress goes to progress, one line per build.
func bench(c config, progress io.Writer) (summary, error) {
	pages, sections, err := countPages(c.Site)
	if err != nil {
		return summary{}, err
	}
	var y *yardstick
	if c.Yardstick {
		if y, err = newYardstick(c.Site); err != nil {
			return summary{}, err
		}
	}
	fmt.Fprintf(progress, "语料 %s:%d 个 .md 文件,开始预热构建……\n", c.Site, pages)
	if _, err := buildOnce(c, 0); err != nil {
		return summary{}, err
	}
	if y != nil {
		y.run() // warm-up too
	}
	ms := make([]measurement, 0, c.Runs)
	for i := 1; i <= c.Runs; i++ {
		m, err := buildOnce(c, i)
		if err != nil {
			return summary{}, err
		}
		line := fmt.Sprintf("第 %d/%d 次:%s,峰值内存 %s", i, c.Runs, seconds(m.Wall), mib(m.MaxRSS))
		if y != nil {
			m.Yardstick = y.run()
			line += fmt.Sprintf(";只用 goldmark:%s", seconds(m.Yardstick))
		}
		fmt.Fprintln(progress, line)
		ms = append(ms, m)
	}
	return summarize(pages, sections, ms), nil
}

// countPages counts the .md files under site/content, and among them the
// _index.md files.
func countPages(site string) (pages, sections int, err error) {
	content := filepath.Join(site, "content")
	if fi, err := os.Stat(content); err != nil || !fi.IsDir() {
		return 0, 0, fmt.Errorf("找不到内容目录 %s(-site 应指向含 content/ 的站点目录)", content)
	}
	err = filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
			return err
		}
		pages++
		if d.Name() == "_index.md" {
			sections++
		}
		return nil
	})
	if err == nil && pages == 0 {
		err = fmt.Errorf("%s 下没有 .md 文件", content)
	}
	return pages, sections, err
}

// buildOnce runs one build into a fresh temporary folder, which it
// removes afterwards (outside the timed part).
func buildOnce(c config, run int) (measurement, error) {
	tmp, err := os.MkdirTemp(c.Tmp, "yipin-bench-")
	if err != nil {
		return measurement{}, err
	}
	defer os.RemoveAll(tmp)

	args := append([]string{"build", "--source", c.Site, "--destination", filepath.Join(tmp, "public"), "--quiet"}, c.Extra...)
	cmd := exec.Command(c.Bin, args...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		var exitErr *exec.ExitError
		switch {
		case !errors.As(err, &exitErr):
			err = fmt.Errorf("无法运行 %s:%w(请确认已构建该程序,例如 go build -o bin/yipin ./generator/cmd/yipin)", c.Bin, err)
		case exitErr.ExitCode() >= 0:
			err = fmt.Errorf("退出码 %d", exitErr.ExitCode())
		default:
			err = fmt.Errorf("进程异常结束(%v)", exitErr)
		}
		return measurement{}, &buildError{Run: run, Err: err, Stderr: stderr.Bytes()}
	}
	return measurement{Wall: wall, MaxRSS: maxRSS(cmd.ProcessState)}, nil
}
