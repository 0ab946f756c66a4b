package yamlsrc

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// The fast paths must agree with what they stand in for.

func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "标题:关于学习，“教育”。", "ab\xff", "中\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\xaf",
		"\xe0\xa0\x80", "\xef\xbf\xbd", "\xf0\x9f\x98\x80中", "\xc3\xa9\xe4", "12345678中文12345678\x80", "\xf4\x90\x80\x80"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		if got, want := validUTF8(p), utf8.Valid(p); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", p, got, want)
		}
	})
}

// Every three-byte sequence, alone and between Chinese characters.
func TestValidUTF8ThreeBytes(t *testing.T) {
	var p []byte
	for a := 0x80; a <= 0xFF; a++ {
		for b := range 256 {
			for _, c := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF} {
				for _, around := range []string{"", "中", "中文", "a中文"} {
					p = append(append(append(p[:0], around...), byte(a), byte(b), c), "中文字"...)
					if got, want := validUTF8(p), utf8.Valid(p); got != want {
						t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", p, got, want)
					}
					if got, want := validUTF8(p[:len(p)-9]), utf8.Valid(p[:len(p)-9]); got != want {
						t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", p[:len(p)-9], got, want)
					}
				}
			}
		}
	}
}

func FuzzInt(f *testing.F) {
	for _, s := range []string{"0", "-0", "7", "-12", "010", "0x1F", "0o17", "1_000", "+5", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808", "99999999999999999999", "1e3", "!!int 12", "!!int '12'", "!!int 012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte("v: "+s), &doc) != nil || len(doc.Content) == 0 || len(doc.Content[0].Content) < 2 {
			return
		}
		n := doc.Content[0].Content[1]
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			return
		}
		var want int
		wantOK := n.Decode(&want) == nil
		if got, ok := Int(n); ok != wantOK || got != want {
			t.Fatalf("Int(%q) = %d, %v; Decode gives %d, %v", s, got, ok, want, wantOK)
		}
	})
}

func TestDedupeLong(t *testing.T) {
	var list, want []string
	for i := range 40 {
		list = append(list, fmt.Sprint(" ", i%25, "\u3000"))
		if i < 25 {
			want = append(want, fmt.Sprint(i))
		}
	}
	if got := Dedupe(list); !reflect.DeepEqual(got, want) {
		t.Errorf("Dedupe = %q", got)
	}
	if got := Dedupe([]string{"b", " a", "b ", "", "a", "c"}); !reflect.DeepEqual(got, []string{"b", "a", "c"}) {
		t.Errorf("Dedupe short = %q", got)
	}
}

// Duplicates searches small mappings and uses a map for large ones; both
// report the same.
func TestDuplicatesLargeMapping(t *testing.T) {
	for _, keys := range []int{3, smallMapping, smallMapping + 1, 40} {
		var b strings.Builder
		for i := range keys {
			fmt.Fprintf(&b, "k%d: %d\n", i, i)
		}
		b.WriteString("k1: again\n\"k2\": again\n<<: {a: 1}\n<<: {b: 2}\n")
		src := []byte(b.String())
		root, d := Parse("f", src, 1, src)
		if d != nil {
			t.Fatal(d.Error())
		}
		var got []string
		for _, d := range Duplicates("f", root, src) {
			got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Message))
		}
		want := []string{
			fmt.Sprintf("%d:1 “k1” 写了两次(第 2 行已经写过)", keys+1),
			fmt.Sprintf("%d:1 “k2” 写了两次(第 3 行已经写过)", keys+2),
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d keys: got %q, want %q", keys, got, want)
		}
	}
}
