package yamlsrc

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// simpleSeeds are front matters in the shapes editors write, and near
// misses that the library reads differently.
var simpleSeeds = []string{
	"title: \"关于开展主题教育的通知(第1篇)\"\ndate: 2023-02-10 16:12\nauthor: 赵某某\nunit: zhujianju\ntags: [数字化改革, 清廉机关, 意识形态]\n",
	"title: 财惠临安\ndate: 2024-06-24\ndraft: true\nweight: 10\nsummary: '一句话简介'\n",
	"tags:\n  - 党建\n  - \"清廉机关\"\n  - '结对共建'\nkeywords:\n- 甲\n- 乙\n\ntitle: x\n",
	"empty:\nnext: 1\n", "empty:   \n\nnext: ~\n", "last:", "a: [ ]\nb: []\nc: [ 甲 ,乙 ]\n",
	"\n\ntitle: 中\n\n", "title: a\n  continued\n", "title: a # 注释\n", "# 注释\ntitle: a\n",
	"title: a: b\n", "title: a:\n", "title: \"a\\\"b\"\n", "title: 'it''s'\n", "title: \"a\" b\n",
	"date: 2024-06-24T09:26:00+08:00\n", "date: 2023-02-30\n", "date: 2023-2-3\n", "n: 012\n", "n: -5\n",
	"n: 1_000\n", "n: 0x1F\n", "n: 3.5\n", "v: .inf\n", "v: yes\n", "v: off\n", "v: Null\n", "v: TRUE\n",
	"true: 1\n", "null: x\n", "a-b_c: x\n", "_x: y\n", "t: [a, [b]]\n", "t: [a,]\n", "t: [a, b\n",
	"t: [a, 'b', \"c\"] \n", "t: [a b, c-d, e:f]\n", "t:\n  - a\n   - b\n", "t:\n  - a\n  b\n", "t:\n  -\n",
	"t:\n  - [a]\n", "t:\n  - a: b\n", "t:\n- a\nu: b\n", "x: 中\u2028文\n", "x: a\u00a0b\n", "x: \ufeffa\n",
	"x: 😀\n", "x: a\tb\n", "x: a\r\n", "x: &a b\ny: *a\n", "x: !!str 1\n", "x: |\n  a\n", "x: >\n  a\n",
	"x: {a: b}\n", "x: a]\n", "x: a}\n", "x: @a\n", "x: `a`\n", "x: %a\n", "x: ?a\n", "x: -a\n", "x: a,b\n",
	"- a\n- b\n", "just text\n", "---\nx: 1\n", "x: 1\n...\n", "  x: 1\n", "x: 1\n y: 2\n", "x:1\n",
	"x: \"\"\ny: ''\n", "x:  \"  空格  \"  \n", strings.Repeat("k", 1100) + ": v\n", "x: 1234567890123456789\n",
	"A: [A?]\n", "t: [a&b, c*, d!]\n",
}

func FuzzParseSimple(f *testing.F) {
	for _, s := range simpleSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, ok := parseSimple(src)
		if !ok {
			return
		}
		want, err := unmarshal(src)
		if err != nil {
			t.Fatalf("parseSimple read %q, which the library refuses: %v", src, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseSimple(%q):\n%s\nthe library:\n%s", src, dumpNode(got), dumpNode(want))
		}
	})
}

// The fast path must take the front matter editors actually write, or it
// saves nothing.
func TestParseSimpleTakesCommonShapes(t *testing.T) {
	for _, src := range simpleSeeds[:7] {
		if _, ok := parseSimple([]byte(src)); !ok {
			t.Errorf("parseSimple declined %q", src)
		}
	}
}

// Parse gives the same tree and lines through the fast path as through the
// library.
func TestParseSimpleShiftsLines(t *testing.T) {
	src := []byte(simpleSeeds[0])
	fast, d := Parse("a.md", src, 2, src)
	if d != nil {
		t.Fatal(d)
	}
	slow, err := unmarshal(src)
	if err != nil {
		t.Fatal(err)
	}
	shiftLines(slow.Content[0], 1)
	if !reflect.DeepEqual(fast, slow.Content[0]) {
		t.Errorf("Parse:\n%s\nthe library:\n%s", dumpNode(fast), dumpNode(slow.Content[0]))
	}
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, indent string)
	walk = func(n *yaml.Node, indent string) {
		fmt.Fprintf(&b, "%skind=%d style=%d tag=%q value=%q at %d:%d anchor=%q comments=%q/%q/%q\n", indent, n.Kind,
			n.Style, n.Tag, n.Value, n.Line, n.Column, n.Anchor, n.HeadComment, n.LineComment, n.FootComment)
		for _, c := range n.Content {
			walk(c, indent+"  ")
		}
	}
	if n == nil {
		return "nil"
	}
	walk(n, "")
	return b.String()
}

// Random front matters put together from pieces editors write and pieces
// near them, each compared with the library where the fast path takes it.
// Byte-level fuzzing rarely builds a whole line the fast path accepts;
// this does so on every try.
func TestParseSimpleRandom(t *testing.T) {
	keys := []string{"title", "date", "tags", "a-b", "_x", "true", "null", "Y", "on", "k1"}
	scalars := []string{"甲", "关于开展“主题教育”的通知(第1篇)", "a b", "a:b", "a#b", "a #b", "a: b", "a:", "[a]", "a]",
		"a,b", "x'y", `x"y`, `"引号"`, `"a\"b"`, `"a\nb"`, `'单'`, `'it''s'`, `""`, `''`, `"a" b`, "~", "null", "Null",
		"true", "False", "yes", "off", "y", "0", "7", "012", "-5", "+5", "1_000", "0x1F", "3.5", ".5", ".inf", "<<",
		"1234567890", "123456789012345678", "1234567890123456789", "2024-06-24", "2024-6-24", "2023-02-30",
		"2024-06-24 09:26", "2024-06-24 9:26", "2024-06-24 09:26:00", "2024-06-24T09:26:00+08:00", "2024-06-24x",
		"-a", "- a", "?a", "&a", "*a", "!a", "|", ">", "%a", "@a", "`a`", "{a}", "a}", "中\u00a0文", "中\u3000文",
		"a\tb", "😀", "中\u2028文", "a\u0085b", "a?", "a&b", "b*", "c!", "a|b", "a>b", "a%b", "a@b", "a`b"}
	spaces := []string{"", " ", "  "}
	pick := func(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }
	value := func(r *rand.Rand) string {
		switch r.IntN(6) {
		case 0: // flow sequence
			var items []string
			for range r.IntN(4) {
				items = append(items, pick(r, spaces)+pick(r, scalars)+pick(r, spaces))
			}
			return "[" + strings.Join(items, pick(r, []string{",", ", ", " ,"})) + "]"
		case 1: // block sequence or null
			var b strings.Builder
			indent := pick(r, []string{"", "  ", "    "})
			for range r.IntN(4) {
				if r.IntN(8) == 0 {
					indent += " "
				}
				b.WriteString("\n" + indent + pick(r, []string{"- ", "-  ", "-", "-- "}) + pick(r, scalars))
			}
			return pick(r, spaces) + b.String()
		default:
			return pick(r, scalars)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range 100_000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			if r.IntN(10) == 0 {
				b.WriteString(pick(r, []string{"\n", "  \n", "# 注释\n", " "}))
			}
			b.WriteString(pick(r, keys) + pick(r, []string{":", ": ", ":  "}) + value(r) + pick(r, spaces) + "\n")
		}
		src := []byte(b.String())
		got, ok := parseSimple(src)
		if !ok {
			continue
		}
		taken++
		want, err := unmarshal(src)
		if err != nil {
			t.Fatalf("parseSimple read %q, which the library refuses: %v", src, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseSimple(%q):\n%s\nthe library:\n%s", src, dumpNode(got), dumpNode(want))
		}
	}
	if taken < 5000 {
		t.Errorf("the fast path took only %d of 100,000 front matters", taken)
	}
}

// BenchmarkParseFront compares the fast path with the library on a
// typical front matter.
func BenchmarkParseFront(b *testing.B) {
	src := []byte(simpleSeeds[0])
	b.Run("simple", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parseSimple(src)
		}
	})
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			unmarshal(src)
		}
	})
}
