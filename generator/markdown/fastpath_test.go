package markdown

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/renderer/html"
)

// TestIsHan checks what slug and the word counter assume of the CJK
// Unified Ideographs block: every character is a letter without case.
func TestIsHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !isHan(r) || !unicode.IsLetter(r) || unicode.ToLower(r) != r || !unicode.Is(unicode.Han, r) {
			t.Fatalf("U+%04X is not a caseless Han letter", r)
		}
	}
	for _, r := range []rune{0x4DFF, 0xA000, 'a', '。'} {
		if isHan(r) {
			t.Errorf("isHan(U+%04X)", r)
		}
	}
}

// TestSlugMatchesUnicode compares slug with the rule written with the
// Unicode tables alone, for every character of the Basic Multilingual
// Plane between letters.
func TestSlugMatchesUnicode(t *testing.T) {
	ref := func(text string) string {
		var b []rune
		dash := false
		for _, r := range text {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && len(b) > 0):
				if dash && len(b) > 0 {
					b = append(b, '-')
				}
				dash = false
				b = append(b, unicode.ToLower(r))
			case r == '-' || r == '_' || unicode.IsSpace(r):
				dash = true
			}
		}
		if len(b) == 0 {
			return "section"
		}
		return string(b)
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		for _, s := range []string{string(r), "A" + string(r) + "b", string(r) + "党"} {
			if got, want := slug(s), ref(s); got != want {
				t.Fatalf("slug(%q) = %q; want %q", s, got, want)
			}
		}
	}
}

// TestDecodeRune checks decodeRune and isHanAt against utf8.DecodeRune for
// every sequence of up to three bytes, valid or not.
func TestDecodeRune(t *testing.T) {
	b := make([]byte, 3)
	for i := range 1 << 24 {
		b[0], b[1], b[2] = byte(i>>16), byte(i>>8), byte(i)
		for n := 1; n <= 3; n++ {
			if n < 3 && (b[2] != 0 || n < 2 && b[1] != 0) {
				continue // shorter inputs once each
			}
			v := b[:n]
			wantR, wantSize := utf8.DecodeRune(v)
			if r, size := decodeRune(v); r != wantR || size != wantSize {
				t.Fatalf("decodeRune(% x) = %U, %d; want %U, %d", v, r, size, wantR, wantSize)
			}
			if got, want := isHanAt(v, 0), wantSize == 3 && isHan(wantR); got != want {
				t.Fatalf("isHanAt(% x) = %v; want %v", v, got, want)
			}
		}
	}
}

// TestIsSpace checks isSpace against unicode.IsSpace.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// TestWriteFastPaths checks writeText and rawWrite against the html.Writer
// they stand in for, on every byte alone and on random mixtures of the
// bytes that matter with Chinese text.
func TestWriteFastPaths(t *testing.T) {
	hw := html.NewWriter(html.WithEscapedSpace())
	check := func(v []byte) {
		t.Helper()
		got, want := newOutput(0), newOutput(0)
		writeText(hw, got, v)
		hw.Write(want, v)
		if !bytes.Equal(got.buf, want.buf) {
			t.Fatalf("writeText(%q) = %q; want %q", v, got.buf, want.buf)
		}
		got, want = newOutput(0), newOutput(0)
		rawWrite(hw, got, v)
		hw.RawWrite(want, v)
		if !bytes.Equal(got.buf, want.buf) {
			t.Fatalf("rawWrite(%q) = %q; want %q", v, got.buf, want.buf)
		}
	}
	for c := range 256 {
		check([]byte{byte(c)})
		check([]byte{'a', byte(c), 'b'})
	}
	parts := []string{"党", "，", "a", " ", "\\", "&", "&amp;", "&#x4e2d;", "&#20013;", "<", ">", "\"", "'", "\x00", "*", "\\ ", "\\*", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var v []byte
		for range rng.IntN(12) {
			v = append(v, parts[rng.IntN(len(parts))]...)
		}
		check(v)
	}
}
