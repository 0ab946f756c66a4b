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
	// Hugo is a Hugo binary that builds the same content after each yipin
	// build (see rival); "" means no comparison.
	Hugo string
}

// measurement is one build.
type measurement struct {
	Wall      time.Duration
	MaxRSS    int64         // KiB; 0 if the platform does not report it
	Yardstick time.Duration // goldmark alone, timed right after the build; 0 when not asked for
	HTML      int           // .html files written; counted for the warm-up only
}

// program is one generator to time.
type program struct {
	Name    string                     // for messages; "" for yipin
	Bin     string                     // the binary
	Args    func(dest string) []string // the command line for a build into dest
	Prepare func() error               // called before each build, untimed; may be nil
}

// buildError is a failed build, with what the build printed on stderr.
type buildError struct {
	Program string // "" for yipin
	Run     int    // 0 for the warm-up
	Err     error
	Stderr  []byte
}

func (e *buildError) Error() string {
	which := "预热构建"
	if e.Run > 0 {
		which = fmt.Sprintf("第 %d 次构建", e.Run)
	}
	if e.Program != "" {
		which = e.Program + " 的" + which
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
	site := c.Site
	var (
		hugo    *program
		version string
	)
	if c.Hugo != "" {
		if version, err = hugoVersion(c.Hugo); err != nil {
			return summary{}, err
		}
		r, err := newRival(c.Site, c.Tmp)
		if err != nil {
			return summary{}, fmt.Errorf("无法准备与 Hugo 对比用的内容副本:%w", err)
		}
		defer os.RemoveAll(r.Root)
		site = r.Yipin
		hugo = &program{Name: "Hugo", Bin: c.Hugo, Args: r.hugoArgs, Prepare: r.clean}
	}
	yipin := program{Bin: c.Bin, Args: func(dest string) []string {
		return append([]string{"build", "--source", site, "--destination", dest, "--quiet"}, c.Extra...)
	}}

	fmt.Fprintf(progress, "语料 %s:%d 个 .md 文件,开始预热构建……\n", c.Site, pages)
	warm, err := buildOnce(yipin, c.Tmp, 0)
	if err != nil {
		return summary{}, err
	}
	var hugoWarm measurement
	if hugo != nil {
		if hugoWarm, err = buildOnce(*hugo, c.Tmp, 0); err != nil {
			return summary{}, err
		}
	}
	if y != nil {
		y.run() // warm-up too
	}
	ms := make([]measurement, 0, c.Runs)
	var hms []measurement
	for i := 1; i <= c.Runs; i++ {
		m, err := buildOnce(yipin, c.Tmp, i)
		if err != nil {
			return summary{}, err
		}
		line := fmt.Sprintf("第 %d/%d 次:%s,峰值内存 %s", i, c.Runs, seconds(m.Wall), mib(m.MaxRSS))
		if y != nil {
			m.Yardstick = y.run()
			line += fmt.Sprintf(";只用 goldmark:%s", seconds(m.Yardstick))
		}
		if hugo != nil {
			hm, err := buildOnce(*hugo, c.Tmp, i)
			if err != nil {
				return summary{}, err
			}
			line += fmt.Sprintf(";Hugo:%s,峰值内存 %s", seconds(hm.Wall), mib(hm.MaxRSS))
			hms = append(hms, hm)
		}
		fmt.Fprintln(progress, line)
		ms = append(ms, m)
	}
	s := summarize(pages, sections, ms)
	if hugo != nil {
		h := summarize(pages, sections, hms)
		h.Version, h.HTML = version, hugoWarm.HTML
		s.Hugo, s.HTML = &h, warm.HTML
	}
	return s, nil
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

// buildOnce runs one build of p into a fresh temporary folder in tmp,
// which it removes afterwards (outside the timed part). The warm-up
// (run 0) also counts the HTML files written.
func buildOnce(p program, tmp string, run int) (measurement, error) {
	if p.Prepare != nil {
		if err := p.Prepare(); err != nil {
			return measurement{}, err
		}
	}
	dir, err := os.MkdirTemp(tmp, "yipin-bench-")
	if err != nil {
		return measurement{}, err
	}
	defer os.RemoveAll(dir)

	dest := filepath.Join(dir, "public")
	cmd := exec.Command(p.Bin, p.Args(dest)...)
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
			err = fmt.Errorf("无法运行 %s:%w(请确认已构建该程序,例如 go build -o bin/yipin ./generator/cmd/yipin)", p.Bin, err)
		case exitErr.ExitCode() >= 0:
			err = fmt.Errorf("退出码 %d", exitErr.ExitCode())
		default:
			err = fmt.Errorf("进程异常结束(%v)", exitErr)
		}
		return measurement{}, &buildError{Program: p.Name, Run: run, Err: err, Stderr: stderr.Bytes()}
	}
	m := measurement{Wall: wall, MaxRSS: maxRSS(cmd.ProcessState)}
	if run == 0 {
		m.HTML, err = countHTML(dest)
	}
	return m, err
}

// countHTML counts the .html files under dir.
func countHTML(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n, err
}
