package yamlsrc

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"yipin/generator/diag"
)

// StripBOM returns src without the leading UTF-8 byte order mark that some
// Windows editors write. The result shares src's memory.
func StripBOM(src []byte) []byte {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return src[3:]
	}
	return src
}

// CheckUTF8 returns an error diagnostic at the first byte of src that is
// not valid UTF-8, or nil when src is valid. It says so when the file looks
// like UTF-16 or GBK, the encodings Chinese Windows tools save by default.
func CheckUTF8(file string, src []byte) *diag.Diagnostic {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return diag.New(file, 1, 1, "文件是 UTF-16(Unicode)编码,不是 UTF-8 编码").
			WithHint(saveAsUTF8)
	}
	if validUTF8(src) {
		return nil
	}
	off := firstInvalid(src)
	line, col := diag.Position(src, off)
	msg := "文件不是 UTF-8 编码,这里有无法识别的字符"
	if looksGBK(src) {
		msg = "文件是 GBK(GB18030)编码,不是 UTF-8 编码,这里的汉字无法识别"
	}
	return diag.New(file, line, col, "%s", msg).WithHint(saveAsUTF8).WithSource(src)
}

// validUTF8 is utf8.Valid, about twice as fast on Chinese text: ASCII is
// skipped eight bytes at a time where it can be, and most Chinese
// characters and punctuation two at a time (see twoChars); anything else
// is decoded one character at a time.
func validUTF8(p []byte) bool {
	for i := 0; i < len(p); {
		switch {
		case p[i] < utf8.RuneSelf:
			i++
			for i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
				i += 8
			}
		case i+8 <= len(p) && twoChars(binary.LittleEndian.Uint64(p[i:])):
			i += 6
		default:
			r, size := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
	}
	return true
}

// twoChars reports whether the eight bytes of w (in little-endian order)
// start with two valid three-byte characters whose lead bytes are E1 to EC
// or EE to EF: a lead 1110xxxx and two continuation bytes 10xxxxxx each.
// (After the lead bytes E0 and ED fewer continuation bytes are allowed;
// those characters are left to utf8.DecodeRune.) That covers the Chinese
// characters and the full-width punctuation.
func twoChars(w uint64) bool {
	low0, low1 := w&0x0F, w>>24&0x0F // of the two lead bytes
	return w&0x0000C0C0F0C0C0F0 == 0x00008080E08080E0 &&
		low0 != 0x0 && low0 != 0xD && low1 != 0x0 && low1 != 0xD
}

const saveAsUTF8 = "请用记事本或 WPS 打开这个文件,选“另存为”,“编码”选 UTF-8,再保存并替换原文件"

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence.
func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// looksGBK reports whether every non-ASCII byte in the first 64 KiB of src
// fits the GBK/GB18030 double-byte or four-byte patterns. It is a cheap
// guess, used only to word the message.
func looksGBK(src []byte) bool {
	src = src[:min(len(src), 64<<10)]
	pairs := 0
	for i := 0; i < len(src); {
		b := src[i]
		switch {
		case b < 0x80:
			i++
			continue
		case b < 0x81 || b > 0xFE || i+1 >= len(src):
			return false
		}
		t := src[i+1]
		switch {
		case t >= 0x40 && t <= 0xFE && t != 0x7F:
			i += 2
		case t >= 0x30 && t <= 0x39 && i+3 < len(src) &&
			src[i+2] >= 0x81 && src[i+2] <= 0xFE && src[i+3] >= 0x30 && src[i+3] <= 0x39:
			i += 4
		default:
			return false
		}
		pairs++
	}
	return pairs > 0
}
