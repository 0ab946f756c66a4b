package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// The yardstick converts the site's Markdown bodies with goldmark alone
// (GFM, footnotes, definition lists; none of yipin's code) on one
// goroutine. The speed targets are given for a reference machine
// on which goldmark alone converts the 10,000-page corpus in about 1.5 s,
// so the ratio of a build to the yardstick, both timed in one period,
// carries the targets over to the machine at hand: 3 s for 10,000 pages
// there is 2x the yardstick.

// referenceYardstick is the yardstick on the reference machine
// for 10,000 pages, and referenceTarget the build time wanted there for
// 10,000 pages; referenceTarget100k is the one for 100,000.
const (
	referenceYardstick  = 1500 * time.Millisecond
	referenceTarget     = 3 * time.Second
	referenceTarget100k = 40 * time.Second
	// referenceHugo is the issue's other yardstick: "a widely used Go
	// generator takes about 18 s … on the same content", 10,000 pages.
	referenceHugo = 18 * time.Second
)

type yardstick struct {
	bodies [][]byte
	md     goldmark.Markdown
}

// newYardstick reads the bodies (without front matter) of the .md files
// under site/content.
func newYardstick(site string) (*yardstick, error) {
	y := &yardstick{md: goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))}
	err := filepath.WalkDir(filepath.Join(site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		y.bodies = append(y.bodies, body(data))
		return nil
	})
	return y, err
}

// body is the Markdown after the front matter.
func body(data []byte) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return data
	}
	if _, after, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
		return after
	}
	return data
}

// run converts every body once and returns the time taken.
func (y *yardstick) run() time.Duration {
	start := time.Now()
	for _, b := range y.bodies {
		y.md.Convert(b, io.Discard)
	}
	return time.Since(start)
}
