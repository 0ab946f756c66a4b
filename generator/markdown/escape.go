package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Most text of a page needs no escaping at all, yet goldmark's html.Writer
// looks at every byte twice (once for backslash escapes and references,
// once for HTML escaping) and writes through an interface call per run. Text
// without any byte that either pass would act on is written as it is, which
// is exactly what the writer would have written.

// rawSpecial marks the bytes html.Writer.RawWrite escapes: NUL, '"', '&',
// '<' and '>'.
var rawSpecial = func() (t [256]bool) {
	for c := range 256 {
		t[c] = util.EscapeHTMLByte(byte(c)) != nil
	}
	return t
}()

// textSpecial marks the bytes html.Writer.Write acts on: those RawWrite
// escapes, and '\\' (backslash escapes) and '&' (character references).
var textSpecial = func() (t [256]bool) {
	t = rawSpecial
	t['\\'], t['&'] = true, true
	return t
}()

// plain reports whether v holds none of the bytes special marks.
func plain(v []byte, special *[256]bool) bool {
	for _, c := range v {
		if special[c] {
			return false
		}
	}
	return true
}

// rawWrite is hw.RawWrite(w, v), skipping the byte-by-byte pass when v needs
// no escaping.
func rawWrite(hw html.Writer, w util.BufWriter, v []byte) {
	if plain(v, &rawSpecial) {
		_, _ = w.Write(v)
		return
	}
	hw.RawWrite(w, v)
}

// writeText is hw.Write(w, v), skipping its two byte-by-byte passes when v
// holds nothing for them to do.
func writeText(hw html.Writer, w util.BufWriter, v []byte) {
	if plain(v, &textSpecial) {
		_, _ = w.Write(v)
		return
	}
	hw.Write(w, v)
}
