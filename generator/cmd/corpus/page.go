package main

import (
	"bytes"
	"math"
	"slices"
)

// Page sizes: about 7 KB of UTF-8, varied by roughly ±30%. The body is
// filled up to a target drawn within ±sizeSpread of targetSize, less what
// usually follows once the target is met (the block that crosses it, a
// pending table, the closing section, the related-reading list); that
// tail spreads the sizes further, to about 5-9.3 KB.
const (
	targetSize    = 7000
	sizeSpread    = 1400
	tailAllowance = 600
)

// pageWriter writes the text of one page.
type pageWriter struct {
	gen
	s      *site
	p      *page
	index  int   // index of p in s.pages
	links  []int // pages still to be linked to
	inline bool  // links go into paragraphs (else all into a list at the end)
	soft   bool  // paragraphs are soft-wrapped over several lines
	item   int   // last （一）（二）… number used in the current section
	// leadStart picks the lead-in phrases of the current section.
	leadStart int
}

// renderPage writes page i of s into b (which the caller has reset).
func renderPage(b *bytes.Buffer, v *vocab, s *site, i int, seed uint64) {
	p := &s.pages[i]
	w := &pageWriter{
		gen:   gen{b: b, r: newRand(seed, p.Num), v: v, unit: &v.units[p.Unit], year: p.Date.Year()},
		s:     s,
		p:     p,
		index: i,
	}
	w.frontMatter()
	w.body()
}

func (w *pageWriter) frontMatter() {
	b, r := w.b, w.r
	b.WriteString("---\ntitle: ")
	writeQuoted(b, w.p.Title)
	b.WriteString("\ndate: ")
	b.WriteString(w.p.Date.Format("2006-01-02 15:04"))
	b.WriteString("\nauthor: ")
	b.WriteString(w.person())
	b.WriteString("\nsource: ")
	b.WriteString(w.unit.Name)
	b.WriteString("\neditor: ")
	b.WriteString(w.person())
	b.WriteString("\nunit: ")
	b.WriteString(w.unit.ID)
	b.WriteString("\ntags: [")
	for j, t := range w.tags() {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(w.v.tags[t])
	}
	b.WriteString("]")
	if r.IntN(5) == 0 {
		b.WriteString("\nsummary: ")
		writeQuoted(b, w.fillString(w.v.summary))
	}
	b.WriteString("\n---\n\n")
}

// person is an anonymised name such as 张某某.
func (w *pageWriter) person() string {
	if w.r.IntN(5) == 0 {
		return w.word("surname") + "某"
	}
	return w.word("surname") + "某某"
}

// tags picks 1-4 distinct tags, favouring the head of the list so that
// some tags are much more common than others. The first pages take the
// tags in turn, so that every tag is used once there are 50 pages.
func (w *pageWriter) tags() []int {
	n := len(w.v.tags)
	want := 1 + w.r.IntN(4)
	var out []int
	if w.index < n {
		out = append(out, w.index)
	}
	for tries := 0; len(out) < want && tries < 20; tries++ {
		t := int(float64(n) * math.Pow(w.r.Float64(), 1.6))
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// writeQuoted writes s as a double-quoted YAML string.
func writeQuoted(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	b.WriteByte('"')
}

// chooseLinks picks 2-4 other pages to link to.
func (w *pageWriter) chooseLinks() {
	want := min(2+w.r.IntN(3), len(w.s.pages)-1)
	for len(w.links) < want {
		t := w.r.IntN(len(w.s.pages))
		if t != w.index && !slices.Contains(w.links, t) {
			w.links = append(w.links, t)
		}
	}
}

// linkSentence writes a sentence linking to the next pending page.
func (w *pageWriter) linkSentence() {
	t := &w.s.pages[w.links[0]]
	w.links = w.links[1:]
	rel := relPath(w.p.Dir, t.Path())
	switch w.r.IntN(3) {
	case 0:
		w.b.WriteString("具体做法可参阅[《" + t.Title + "》](" + rel + ")。")
	case 1:
		w.b.WriteString("相关情况见[" + t.Title + "](" + rel + ")。")
	default:
		w.b.WriteString("有关背景[参见](" + rel + ")。")
	}
}

// cnNumber is n (1-99) in Chinese numerals.
func cnNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// endWithNewline makes b end in exactly one newline.
func endWithNewline(b *bytes.Buffer) {
	s := b.Bytes()
	n := len(s)
	for n > 0 && s[n-1] == '\n' {
		n--
	}
	b.Truncate(n)
	b.WriteByte('\n')
}
