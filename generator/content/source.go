// Package content finds the Markdown sources of a site under content/ and
// parses their front matter. It produces no HTML: it returns the parsed
// sources, the static files to copy, and positioned Chinese diagnostics.
package content

import (
	"fmt"
	"math"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/fileio"
)

// Kind tells what a Markdown source is.
type Kind int

const (
	Page    Kind = iota // an ordinary .md file
	Section             // _index.md: a section's own page
	Bundle              // index.md in a folder: a page bundle with resources
)

func (k Kind) String() string {
	switch k {
	case Page:
		return "page"
	case Section:
		return "section"
	case Bundle:
		return "bundle"
	}
	return "unknown"
}

// Source is one parsed Markdown file.
type Source struct {
	Path       string       // slash path relative to the content dir: "news/2024/政策解读.md", "news/_index.md", "cases/caihui/index.md"
	File       string       // path for messages, relative to the site root: "content/news/2024/政策解读.md"
	Kind       Kind         // Page, Section or Bundle
	Dir        string       // slash dir of the section this belongs to ("" for the root); a Bundle's parent dir; a Section's own folder
	Name       string       // base name without .md; for a Bundle the folder name; for a Section "_index"
	Front      *FrontMatter // never nil
	Body       []byte       // Markdown after the front matter, a sub-slice of the file's bytes; may be dropped (see ReadBody)
	BodyLine   int          // 1-based line in the file where Body starts
	Abs        string       // the file on disk, its name as stored there; Path and File are in Unicode form C (NormPath), which may differ
	BodyOffset int          // byte offset in the file where Body starts
	Size       int          // bytes in the file when it was read
	ModTime    time.Time    // the file's modification time before it was read
	Resources  []File       // Bundle only: the other files in the bundle folder (recursively), sorted by Path
}

// ReadBody returns Body, or, when the caller dropped it to save memory,
// reads it again from the file.
func (s *Source) ReadBody() ([]byte, error) {
	body, _, err := s.ReadBodyInto(nil)
	return body, err
}

// ReadBodyInto is ReadBody reading the file into buf's storage when it is
// large enough. It returns the buffer read into, for the next read once
// body is no longer needed; a converter reading file after file allocates
// no memory for them.
func (s *Source) ReadBodyInto(buf []byte) (body, read []byte, err error) {
	if s.Body != nil {
		return s.Body, buf, nil
	}
	// sized by the file as it was first read; a file that grew since is
	// read on to its end
	data, err := fileio.ReadInto(s.Abs, buf, int64(s.Size), math.MaxInt64)
	if data == nil {
		data = buf
	}
	if err != nil {
		return nil, data, err
	}
	buf = data
	if len(buf) < s.BodyOffset {
		return nil, buf, fmt.Errorf("文件 %s 在构建过程中被改短了", s.File)
	}
	return buf[s.BodyOffset:], buf, nil
}

// File is a non-Markdown file under content/ that is not a bundle resource;
// it is copied as a static file.
type File struct {
	Path string // slash path relative to the content dir, in Unicode form C (NormPath)
	File string // path for messages, relative to the site root: "content/news/a.jpg"
	Abs  string // path on disk (under the content dir; may be a symlink)
	Size int64  // size in bytes
}

// Options control Load and ParseFrontMatter.
type Options struct {
	Location    *time.Location // zone of dates written without one; nil means UTC
	Taxonomies  []string       // front-matter keys that hold term lists; nil means {"tags"}
	MaxFileSize int64          // largest Markdown file read; 0 means 10 MiB
	Workers     int            // parallel readers; 0 means runtime.GOMAXPROCS(0)
	// Fields are free parameters the site itself reads (site: "unit"). A
	// key a small edit away from one of them, as from a field of
	// FrontMatter or a taxonomy, is reported as a misspelling.
	Fields []string
	// DropBody leaves Source.Body nil (ReadBody reads it again): each
	// reader of Load reads file after file into one buffer.
	DropBody bool
	// Known, when set, returns the Source an earlier Load made of the file
	// at abs if the file has not changed since, else nil. Load takes such
	// a Source, when the file's size and modification time still agree,
	// instead of reading the file: yipin serve walks content/ again when
	// files come or go, and reads only those that changed. A Source given
	// must have parsed without errors.
	Known func(abs string) *Source
	// Stop, when closed, makes Load stop early: the walk ends, and the
	// files not read yet are left out. What Load then returns is partial,
	// for the caller to throw away (a build that was interrupted).
	Stop <-chan struct{}

	misspelt *misspelt // set by Load for its readers to share; nil: made when needed
}

// stopped reports whether stop is closed; a nil stop never is.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// DefaultMaxFileSize is the MaxFileSize used when Options leaves it 0.
const DefaultMaxFileSize = 10 << 20

// FrontMatter is the parsed YAML header of a Markdown file.
type FrontMatter struct {
	Title   string    // 标题
	Date    time.Time // 发布日期; zero when not set
	Lastmod time.Time // 更新日期; defaults to Date
	Draft   bool      // 草稿: not published
	Summary string    // 摘要
	Weight  int       // 排序: smaller first
	Slug    string    // last URL segment instead of the file name
	URL     string    // full site path instead of the default one
	Aliases []string  // old site paths that redirect here
	Author  string    // 作者
	Source  string    // 信息来源
	Editor  string    // 责任编辑
	Layout  string    // template name
	Type    string    // content type for template selection

	// Page metadata for readers, search engines and the government page
	// meta tags (网页元数据).
	Description string   // 描述: <meta name="description">; defaults to the summary
	Keywords    []string // 关键词; defaults to the tags
	Image       string   // 题图: a file beside the page or a site path
	Lang        string   // 语言 of the page when not the site's, e.g. zh-Hant
	Featured    bool     // 头条: a lead story on the home page
	ColumnType  string   // 栏目类型 of a section (ColumnType meta tag)

	Terms  map[string][]string // taxonomy key → terms, in the order written, duplicates removed; never nil
	Params map[string]any      // every other key, as plain Go values (string, int, float64, bool, nil, []any, map[string]any); never nil
	Node   *yaml.Node          // the front-matter mapping node, with Line numbers of the file; never nil
	Pos    map[string]Pos      // line:col in the file of each top-level key's value; never nil
}

// Pos is a 1-based line and column (in characters) in a file.
type Pos struct{ Line, Col int }

func (o Options) location() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

func (o Options) isTaxonomy(key string) bool {
	if o.Taxonomies == nil {
		return key == "tags"
	}
	for _, t := range o.Taxonomies {
		if t == key {
			return true
		}
	}
	return false
}
