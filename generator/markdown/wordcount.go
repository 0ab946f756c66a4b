package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// wordCounter counts words the Chinese way: every CJK character (Han, kana,
// Hangul) is one word, every run of other letters and digits is one word
// (a number with . , - : or / between its digits, such as 26.3 or
// 2025-08-14, is one run), and punctuation, symbols and spaces count
// nothing. Feed it text piece by piece; call stop between pieces that must
// not join into one word.
type wordCounter struct {
	n      int
	inWord bool // inside a run of Latin (non-CJK) letters or digits
}

// ASCII classes for feed.
const (
	asciiOther  = iota // spaces, punctuation, symbols, controls
	asciiLetter        // a-z, A-Z, 0-9
	asciiJoin          // . , - : / which join digits into one number
	asciiRef           // & and \, which start references and escapes
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', isDigit(byte(c)):
			t[c] = asciiLetter
		case c == '.', c == ',', c == '-', c == ':', c == '/':
			t[c] = asciiJoin
		case c == '&', c == '\\':
			t[c] = asciiRef
		}
	}
	return t
}()

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// feed counts the words of b. refs tells that b is Markdown text, where a
// character reference (&amp;, &#20013;) or a backslash escape shows as the
// character it stands for; elsewhere (code, raw HTML shown as text) they
// show as written.
func (c *wordCounter) feed(b []byte, refs bool) {
	for i := 0; i < len(b); {
		ch := b[i]
		if ch < utf8.RuneSelf {
			i++
			switch asciiClass[ch] {
			case asciiLetter:
				if !c.inWord {
					c.n++
					c.inWord = true
				}
			case asciiJoin:
				// Between two digits of this piece it keeps a number
				// one word; else it ends the word.
				if i < 2 || i >= len(b) || !isDigit(b[i-2]) || !isDigit(b[i]) {
					c.inWord = false
				}
			case asciiRef:
				if refs {
					i += c.ref(b[i-1:])
				} else {
					c.inWord = false
				}
			default:
				c.inWord = false
			}
			continue
		}
		if isHanAt(b, i) {
			c.n++
			c.inWord = false
			i += 3
			continue
		}
		r, size := decodeRune(b[i:])
		i += size
		switch wordClass(r) {
		case cjkChar:
			c.n++
			c.inWord = false
		case letter:
			if !c.inWord {
				c.n++
				c.inWord = true
			}
		case mark:
			// a combining accent belongs to the letter before it
		default:
			c.inWord = false
		}
	}
}

// ref counts the character that the reference or backslash escape at the
// start of b (at '&' or '\\') shows, and returns how many bytes after its
// first it takes. A '&' or '\\' that starts neither is punctuation.
func (c *wordCounter) ref(b []byte) int {
	if b[0] == '\\' {
		switch {
		case len(b) > 1 && b[1] == ' ':
			return 1 // an escaped space shows as nothing
		case len(b) > 1 && util.IsPunct(b[1]):
			c.inWord = false
			return 1 // the escaped character is punctuation too
		}
		c.inWord = false
		return 0
	}
	v, n := charRef(b)
	if n == 0 {
		c.inWord = false
		return 0
	}
	var buf [utf8.UTFMax]byte
	c.feed(v.appendTo(buf[:0]), false)
	return n - 1
}

// refValue is what a character reference stands for: the characters of a
// named one, or a code point.
type refValue struct {
	chars []byte
	r     rune
}

// appendTo returns the characters of v: those of a named reference, or
// the code point appended to b.
func (v refValue) appendTo(b []byte) []byte {
	if v.chars != nil {
		return v.chars
	}
	return utf8.AppendRune(b, v.r)
}

// charRef reads the character reference at the start of b the way
// CommonMark does (&name; for a name HTML5 knows, &#digits; or &#xhex;)
// and returns its value and length, or length 0 when b does not start
// with one.
func charRef(b []byte) (refValue, int) {
	end := bytes.IndexByte(b[:min(len(b), 40)], ';')
	if len(b) < 3 || b[0] != '&' || end < 2 {
		return refValue{}, 0
	}
	name := b[1:end]
	if name[0] != '#' {
		if e, ok := util.LookUpHTML5EntityByName(string(name)); ok {
			return refValue{chars: e.Characters}, end + 1
		}
		return refValue{}, 0
	}
	digits, base, maxLen := name[1:], 10, 7
	if len(digits) > 0 && digits[0]|0x20 == 'x' {
		digits, base, maxLen = digits[1:], 16, 6
	}
	if len(digits) == 0 || len(digits) > maxLen {
		return refValue{}, 0
	}
	r := rune(0)
	for _, d := range digits {
		v := hexValue(d)
		if v >= base {
			return refValue{}, 0
		}
		r = r*rune(base) + rune(v)
	}
	if r == 0 || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
		r = utf8.RuneError
	}
	return refValue{r: r}, end + 1
}

// hexValue is the value of the hexadecimal digit d, or 16 if d is not one.
func hexValue(d byte) int {
	switch {
	case isDigit(d):
		return int(d - '0')
	case 'a' <= d|0x20 && d|0x20 <= 'f':
		return int(d|0x20-'a') + 10
	}
	return 16
}

// isHanAt reports whether b[i:] starts with a character of the CJK Unified
// Ideographs block, U+4E00 to U+9FFF, most of a Chinese page, judging the
// UTF-8 bytes without decoding them: lead byte E4 (with a second byte from
// B8) to E9, then two continuation bytes.
func isHanAt(b []byte, i int) bool {
	if i+2 >= len(b) {
		return false
	}
	c0, c1, c2 := b[i], b[i+1], b[i+2]
	return c0-0xE4 <= 0xE9-0xE4 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c0 != 0xE4 || c1 >= 0xB8)
}

type charClass uint8

const (
	other   charClass = iota // punctuation, spaces, symbols
	cjkChar                  // a word by itself: Han, kana, Hangul
	letter                   // part of a run of letters and digits
	mark                     // a combining mark
)

// wordClass classifies a non-ASCII character, answering the common cases
// in Chinese text without the Unicode tables.
func wordClass(r rune) charClass {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs
		return cjkChar
	case r >= 0x2000 && r <= 0x206F: // General Punctuation: “”‘’…—
		return other
	case r >= 0x3000 && r <= 0x303F: // CJK Symbols and Punctuation: 、。《》【】
		if r == 0x3005 || r == 0x3007 || (r >= 0x3021 && r <= 0x3029) || (r >= 0x3038 && r <= 0x303B) {
			return cjkChar // 々 〇 and the Suzhou numerals are Han
		}
		return other
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII: ，：（）！？ and Ａ１
		if (r >= 0xFF10 && r <= 0xFF19) || (r >= 0xFF21 && r <= 0xFF3A) || (r >= 0xFF41 && r <= 0xFF5A) {
			return letter
		}
		return other
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return cjkChar
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return letter
	case unicode.IsMark(r):
		return mark
	}
	return other
}

// feedHTML feeds the text of raw HTML: what lies outside tags and
// comments, with character references resolved.
func (c *wordCounter) feedHTML(b []byte) {
	for len(b) > 0 {
		i := bytes.IndexAny(b, "<&")
		if i < 0 {
			c.feed(b, false)
			return
		}
		c.feed(b[:i], false)
		if b[i] == '&' {
			n := c.ref(b[i:]) // resolves a reference, else stops the word
			b = b[i+1+n:]
			continue
		}
		c.stop()
		end := []byte(">")
		if bytes.HasPrefix(b[i:], []byte("<!--")) {
			end = []byte("-->")
		}
		j := bytes.Index(b[i+1:], end)
		if j < 0 {
			return
		}
		b = b[i+1+j+len(end):]
	}
}

// stop ends the current word.
func (c *wordCounter) stop() { c.inWord = false }
