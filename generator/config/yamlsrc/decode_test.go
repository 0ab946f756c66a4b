package yamlsrc

import (
	"reflect"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	names := []string{"title", "base_url", "page_size", "theme", "time_zone"}
	for in, want := range map[string]string{"titel": "title", "Title": "title", "baseurl": "base_url",
		"base-url": "base_url", "thme": "theme", "timezone": "time_zone", "xyz": "", "标题": ""} {
		if got := Suggest(in, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

type figure struct {
	Label string  `yaml:"label"`
	Value float64 `yaml:"value"`
}

type schema struct {
	Name    string   `yaml:"name"`
	Count   int      `yaml:"count"`
	Words   []string `yaml:"words"`
	Figures []figure `yaml:"figures"`
}

func decodeText(t *testing.T, text string, skip ...string) (*Decoder, schema) {
	t.Helper()
	root, perr := Parse("a.md", []byte(text), 1, []byte(text))
	if perr != nil {
		t.Fatal(perr)
	}
	d := NewDecoder("a.md", []byte(text))
	d.Skip = func(k string) bool { return strings.Contains(" "+strings.Join(skip, " ")+" ", " "+k+" ") }
	var v schema
	d.Decode(root, &v, "")
	return d, v
}

func TestDecoder(t *testing.T) {
	d, v := decodeText(t, "title: skipped\nname: 财政局\ncount: 3\nwords: 甲, 乙、丙\nfigures:\n  - {label: 举措, value: 66}\n", "title")
	if len(d.Diags) != 0 {
		t.Fatalf("diagnostics: %v", d.Diags)
	}
	if v.Name != "财政局" || v.Count != 3 || len(v.Words) != 3 || v.Figures[0].Value != 66 {
		t.Errorf("decoded %+v", v)
	}
	if n := d.At("figures[0].value"); n == nil || n.Line != 6 {
		t.Errorf("At(figures[0].value) = %v", n)
	}
}

func TestDecoderErrors(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		line, col  int
	}{
		{"nmae: x\n", "不认识的设置项 “nmae”", 1, 1},
		{"count: 三\n", "“count” 应为整数", 1, 8},
		{"figures:\n  - label: a\n    value: 多\n", "“figures[0].value” 应为数字", 3, 12},
		{"figures: 66\n", "“figures” 应为列表", 1, 10},
		{"name: [a, b]\n", "“name” 应为一行文字", 1, 7},
		{"count: 99999999999999999999\n", "“count” 的数字 99999999999999999999 太大了", 1, 8},
		{"count: -99999999999999999999\n", "“count” 的数字 -99999999999999999999 太小了", 1, 8},
	} {
		d, _ := decodeText(t, tc.text)
		if len(d.Diags) != 1 {
			t.Errorf("%q: %d diagnostics %v", tc.text, len(d.Diags), d.Diags)
			continue
		}
		g := d.Diags[0]
		if !strings.Contains(g.Message, tc.want) || g.Line != tc.line || g.Col != tc.col {
			t.Errorf("%q: got %d:%d %s, want %d:%d %s", tc.text, g.Line, g.Col, g.Message, tc.line, tc.col, tc.want)
		}
	}
}

func TestDecoderFail(t *testing.T) {
	d, _ := decodeText(t, "name: a\nfigures:\n  - label: x\n")
	d.Fail("figures[0].value", "写上数值", "缺少数值")
	d.Fail("count", "写上数量", "缺少数量")
	if len(d.Diags) != 2 {
		t.Fatalf("diagnostics: %v", d.Diags)
	}
	// A missing value is placed at its nearest written parent, else at the top.
	if g := d.Diags[0]; g.Line != 3 {
		t.Errorf("missing figures[0].value placed at line %d, want 3", g.Line)
	}
	if g := d.Diags[1]; g.Line != 1 || g.Col != 1 {
		t.Errorf("missing count placed at %d:%d, want 1:1", g.Line, g.Col)
	}
}

func TestDecoderLines(t *testing.T) {
	root, _ := Parse("a.md", []byte("a: 梳理职责,形成清单\nb: [甲,乙, 丙]\n"), 1, nil)
	var v struct {
		A []Line `yaml:"a"`
		B []Line `yaml:"b"`
	}
	d := NewDecoder("a.md", nil)
	d.Decode(root, &v, "")
	if len(d.Diags) != 0 || len(v.A) != 1 || v.A[0] != "梳理职责,形成清单" || len(v.B) != 3 {
		t.Errorf("decoded %q %q %v", v.A, v.B, d.Diags)
	}
}

// TestDecoderFailOnce: Fail says nothing about a key already reported, or
// about a key below one.
func TestDecoderFailOnce(t *testing.T) {
	d, _ := decodeText(t, "name: [a, b]\nfigures: 66\ncount: 3\n")
	d.Fail("name", "写上名称", "名称是空的")
	d.Fail("figures[0].label", "写上说明", "缺少说明")
	d.Fail("count", "写小一些", "数量太大")
	d.Fail("count", "写小一些", "数量还是太大")
	d.FailKey("count", "写小一些", "又一次")
	var got []string
	for _, g := range d.Diags {
		got = append(got, g.Message)
	}
	want := []string{"“name” 应为一行文字,现在是一个列表", "“figures” 应为列表(每项一行,以“- ”开头),现在是数字 66", "数量太大"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if !d.Failed("figures[0].label") || d.Failed("nosuch") || d.Failed("") {
		t.Error("Failed does not follow the keys above")
	}
}

// TestDecoderIntRange: a number too large to read is reported with the
// range IntRange gives.
func TestDecoderIntRange(t *testing.T) {
	text := "count: 99999999999999999999\n"
	root, _ := Parse("a.md", []byte(text), 1, nil)
	d := NewDecoder("a.md", nil)
	d.IntRange = func(path string) (int, int, bool) { return 1, 50, path == "count" }
	var v schema
	d.Decode(root, &v, "")
	if len(d.Diags) != 1 || d.Diags[0].Message != "“count” 的数字 99999999999999999999 太大了,应在 1 到 50 之间" ||
		d.Diags[0].Hint != "请写 1 到 50 之间的整数" || v.Count != 0 {
		t.Errorf("got %v, count %d", d.Diags, v.Count)
	}
}
