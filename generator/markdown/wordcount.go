package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// wordCounter counts words the Chinese way: every CJK character (Han, kana,
// Hangul) is one word, every run of other letters and digits is one word,
// and punctuation and spaces count nothing. Feed it text piece by piece;
// call stop between pieces that must not join into one word.
type wordCounter struct {
	n      int
	inWord bool // inside a run of Latin (non-CJK) letters or digits
}

func (c *wordCounter) feed(b []byte) {
	for i := 0; i < len(b); {
		ch := b[i]
		if ch < utf8.RuneSelf {
			i++
			if ('a' <= ch && ch <= 'z') || ('A' <= ch && ch <= 'Z') || ('0' <= ch && ch <= '9') {
				if !c.inWord {
					c.n++
					c.inWord = true
				}
			} else {
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

// feedHTML feeds the text of raw HTML: what lies outside tags, comments
// and character references.
func (c *wordCounter) feedHTML(b []byte) {
	for len(b) > 0 {
		i := bytes.IndexAny(b, "<&")
		if i < 0 {
			c.feed(b)
			return
		}
		c.feed(b[:i])
		c.stop()
		end := []byte(">")
		switch {
		case b[i] == '&':
			end = []byte(";")
		case bytes.HasPrefix(b[i:], []byte("<!--")):
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
