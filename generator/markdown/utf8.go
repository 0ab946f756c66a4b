package markdown

import "unicode/utf8"

// decodeRune is utf8.DecodeRune with the three-byte sequences of Chinese
// text (Han characters, full-width and CJK punctuation) decoded inline:
// utf8.DecodeRune itself inlines only ASCII and calls out for the rest,
// which is most characters of a Chinese page.
func decodeRune(b []byte) (rune, int) {
	if len(b) > 2 && plain3[b[0]] && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 {
		return rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F), 3
	}
	return decodeOther(b)
}

// decodeOther is utf8.DecodeRune, out of line so that decodeRune inlines.
//
//go:noinline
func decodeOther(b []byte) (rune, int) { return utf8.DecodeRune(b) }

// plain3 marks the lead bytes of three-byte sequences whose two
// continuation bytes may be anything from 0x80 to 0xBF: E1-EC and EE-EF.
// E0 (overlong forms) and ED (surrogates) have extra rules, left to
// utf8.DecodeRune.
var plain3 = func() (t [256]bool) {
	for c := 0xE1; c <= 0xEF; c++ {
		t[c] = c != 0xED
	}
	return t
}()
