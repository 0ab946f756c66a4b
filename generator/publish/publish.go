package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
)

// Sink is where published files go: a folder on disk, or memory.
type Sink interface {
	Write(rel string, data []byte) error
	Copy(rel, src string) error
}

// Publisher is the single way out for every file of a build. It is safe
// for concurrent use.
type Publisher struct {
	min   *Minifier
	sink  Sink
	pages atomic.Int64
	files atomic.Int64
	bufs  sync.Pool
}

// New returns a publisher that minifies with m and writes to sink.
func New(sink Sink, m *Minifier) *Publisher {
	return &Publisher{min: m, sink: sink, bufs: sync.Pool{New: func() any { return new(bytes.Buffer) }}}
}

// Output minifies data for the type of rel and writes it. HTML outputs
// count as pages.
func (p *Publisher) Output(rel string, data []byte) error {
	buf := p.bufs.Get().(*bytes.Buffer)
	defer p.bufs.Put(buf)
	buf.Reset()
	if err := p.min.Minify(buf, rel, data); err != nil {
		return fmt.Errorf("压缩 %s 失败:%w", rel, err)
	}
	return p.Minified(rel, buf.Bytes())
}

// Minified writes an output that is minified already, such as a page
// whose templates were minified when the theme was loaded.
func (p *Publisher) Minified(rel string, data []byte) error {
	if strings.HasSuffix(rel, ".html") {
		p.pages.Add(1)
	} else {
		p.files.Add(1)
	}
	return p.sink.Write(rel, data)
}

// File publishes a static file: minified when minify knows its type, else
// copied byte for byte.
func (p *Publisher) File(rel, src string) error {
	if MediaType(rel) == "" {
		p.files.Add(1)
		return p.sink.Copy(rel, src)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return p.Output(rel, data)
}

// Asset minifies a file of assets/ when minify knows its type, names it
// after a hash of the result ("css/main.css" → "css/main.3f9a2c1d7e.css",
// "img/x.png" → "img/x.5d41402abc.png") and writes it. It returns the new
// slash path, in the same folder.
func (p *Publisher) Asset(rel string, data []byte) (string, error) {
	var buf bytes.Buffer
	if err := p.min.Minify(&buf, rel, data); err != nil {
		return "", fmt.Errorf("压缩 %s 失败:%w", rel, err)
	}
	sum := sha256.Sum256(buf.Bytes())
	ext := path.Ext(rel)
	hashed := strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	p.files.Add(1)
	return hashed, p.sink.Write(hashed, buf.Bytes())
}

// Counts reports how many pages and other files were published.
func (p *Publisher) Counts() (pages, files int) {
	return int(p.pages.Load()), int(p.files.Load())
}
