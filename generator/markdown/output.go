package markdown

import "unicode/utf8"

// output is the util.BufWriter the renderer writes a page into. It is a
// plain growing byte slice, so its length is exact at any moment; the more
// marker renderer uses that to note where the summary ends.
type output struct {
	buf  []byte
	more int // length of buf at the more marker; -1 before one is seen
}

func newOutput(size int) *output { return &output{buf: make([]byte, 0, size), more: -1} }

func (o *output) Write(p []byte) (int, error) {
	o.buf = append(o.buf, p...)
	return len(p), nil
}

func (o *output) WriteString(s string) (int, error) {
	o.buf = append(o.buf, s...)
	return len(s), nil
}

func (o *output) WriteByte(c byte) error {
	o.buf = append(o.buf, c)
	return nil
}

func (o *output) WriteRune(r rune) (int, error) {
	n := len(o.buf)
	o.buf = utf8.AppendRune(o.buf, r)
	return len(o.buf) - n, nil
}

// Available, Buffered and Flush complete util.BufWriter; nothing is buffered.
func (o *output) Available() int { return cap(o.buf) - len(o.buf) }
func (o *output) Buffered() int  { return 0 }
func (o *output) Flush() error   { return nil }

// markMore records the end of the summary at the first more marker.
func (o *output) markMore() {
	if o.more < 0 {
		o.more = len(o.buf)
	}
}
