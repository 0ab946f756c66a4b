package yamlsrc

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseErrorLines(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"a: 1\n- b\n", 2, 1, "缩进"},                               // the library says line 1
		{"a:\n  - 1\n  b: 2\n", 3, 3, "不以“- ”开头"},                 // the library says line 1
		{"a: x\nb: \"open\nc: 1\nd: 2\n", 2, 4, "引号"},             // the library says line 4; the column of the quote
		{"a: x\nb: @x\n", 2, 4, "@"},                              // the library gives no line
		{"a: x\nb: *nowhere\n", 2, 0, "锚点"},                       // the library gives no line
		{"a: x\nb: [1, 2\nc: 3\n", 2, 4, "“[”"},                   // unclosed list
		{"title: 通知: 关于\n", 1, 10, "冒号"},                          // column counted in characters
		{"a:\n\tb: 1\n", 2, 1, "Tab"},                             // tab
		{"a: \"\\q\"\n", 1, 0, "反斜杠"},                             // bad escape
		{"a: \"他说\"要学习\"\"\n", 1, 4, "多余的内容"},                     // quotes inside quotes
		{"a: 'x' y\n", 1, 4, "多余的内容"},                             // text after a quoted value
		{"a: " + strings.Repeat("[", 20000) + "\n", 1, 0, "嵌套太深"}, // depth limit
	}
	for _, tt := range tests {
		root, d := Parse("f.yaml", []byte(tt.src), 1, []byte(tt.src))
		if root != nil || d == nil {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		if d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Message, tt.msg) || d.Hint == "" {
			t.Errorf("%q: got %d:%d %s, want %d:%d %q", tt.src, d.Line, d.Col, d.Error(), tt.line, tt.col, tt.msg)
		}
	}
	// Front matter: lines are shifted to lines of the file.
	full := "---\ntitle: t\nx: a: b\n---\n"
	if _, d := Parse("a.md", []byte("title: t\nx: a: b\n"), 2, []byte(full)); d == nil || d.Line != 3 || len(d.Excerpt) == 0 {
		t.Errorf("shifted error: %+v", d)
	}
	root, d := Parse("a.md", []byte("title: t\nx: [1]\n"), 2, []byte(full))
	if d != nil || root.Line != 2 || root.Content[3].Line != 3 || root.Content[3].Content[0].Line != 3 {
		t.Errorf("shifted nodes: %+v %v", root, d)
	}
	if root, d := Parse("a.md", []byte("# only a comment\n"), 1, nil); root != nil || d != nil {
		t.Errorf("empty document: %v %v", root, d)
	}
}

// TestSecondDocument: settings after a "---" or "..." line, which the
// library drops without a word, are an error at that line; a marker with
// nothing after it is not.
func TestSecondDocument(t *testing.T) {
	tests := []struct {
		src       string
		firstLine int
		line      int // 0: no error
		msg, hint string
	}{
		{"title: 第一\n---\ntitle: 第二\nbogus: 1\n", 1, 2, "--- 把设置分成了两份", "site.yaml 只能有一份设置;删掉 --- 或把两部分合并"},
		{"title: 第一\n...\ntitle: 第二\n", 1, 2, "... 表示设置到此结束", "删掉 ..."},
		{"title: 第一\n--- x\n", 1, 2, "---", ""},
		{"title: 第一\n---\ntitle: [\n", 1, 2, "---", ""},
		{"---\n---\ntitle: 第二\n", 1, 2, "---", ""},
		{"title: 第一\n...\n---\ntitle: 第二\n", 1, 3, "---", ""},
		{"title: |\n  第一\n  ---\n", 1, 0, "", ""},
		{"title: 第一\n---\n", 1, 0, "", ""},
		{"title: 第一\n...\n", 1, 0, "", ""},
		{"title: 第一\n---\n# 注释\n...\n", 1, 0, "", ""},
		{"---\ntitle: 第一\n", 1, 0, "", ""},
		{"title: 第一\n---x: 1\n", 1, 0, "", ""},
		// Front matter: the lines are the file's, and the hint says where.
		{"title: 第一\n...\ntags: [a]\n", 2, 3, "... 表示设置到此结束", "front matter(两行 --- 之间)只能有一份设置"},
		{"title: 第一\n...\n", 2, 0, "", ""},
	}
	for _, tt := range tests {
		root, d := Parse("site.yaml", []byte(tt.src), tt.firstLine, []byte(tt.src))
		switch {
		case tt.line == 0 && (d != nil || root == nil):
			t.Errorf("%q: %v, want the settings", tt.src, d)
		case tt.line == 0:
		case d == nil || root != nil:
			t.Errorf("%q: no error", tt.src)
		case d.Line != tt.line || d.Col != 1 || !strings.Contains(d.Message, tt.msg) || !strings.Contains(d.Hint, tt.hint):
			t.Errorf("%q: got %d:%d %s (%s), want %d:1 %q %q", tt.src, d.Line, d.Col, d.Message, d.Hint, tt.line, tt.msg, tt.hint)
		}
	}
}

func TestCheckUTF8(t *testing.T) {
	if d := CheckUTF8("a", []byte("标题\n正文")); d != nil {
		t.Errorf("valid UTF-8: %v", d.Error())
	}
	gbk := []byte("title: \xb9\xd8\xd3\xda\n") // 关于 in GBK
	if d := CheckUTF8("a", gbk); d == nil || d.Line != 1 || d.Col != 8 || !strings.Contains(d.Message, "GBK") || !strings.Contains(d.Hint, "另存为") {
		t.Errorf("GBK: %+v", d)
	}
	if d := CheckUTF8("a", []byte("ok\n中文\xff")); d == nil || d.Line != 2 || d.Col != 3 || strings.Contains(d.Message, "GBK") {
		t.Errorf("invalid byte: %+v", d)
	}
	if d := CheckUTF8("a", []byte{0xFF, 0xFE, 't', 0}); d == nil || !strings.Contains(d.Message, "UTF-16") {
		t.Errorf("UTF-16: %+v", d)
	}
	if got := StripBOM([]byte("\ufeffa")); string(got) != "a" {
		t.Errorf("StripBOM = %q", got)
	}
}

func TestPlainAndDuplicates(t *testing.T) {
	src := "a: 1\nb: [x, 2.5, true, ~, 2024-06-24, 0x10, 99999999999999999999]\nc: {d: e}\na: 2\nc2: {d: 1, d: 2}\n"
	root, d := Parse("f", []byte(src), 1, []byte(src))
	if d != nil {
		t.Fatal(d.Error())
	}
	v, ok := Plain(root)
	want := map[string]any{"a": 2, "b": []any{"x", 2.5, true, nil, "2024-06-24", 16, 1e20},
		"c": map[string]any{"d": "e"}, "c2": map[string]any{"d": 2}}
	if !ok || !reflect.DeepEqual(v, want) {
		t.Errorf("Plain = %#v", v)
	}
	ds := Duplicates("f", root, []byte(src))
	if len(ds) != 2 {
		t.Fatalf("duplicates: %v", ds)
	}
	for _, d := range ds {
		if !(d.Line == 4 && d.Col == 1 || d.Line == 5 && d.Col == 12) {
			t.Errorf("duplicate at %d:%d", d.Line, d.Col)
		}
	}
}

func TestSplitList(t *testing.T) {
	got := SplitList(" 党建，学习、教育, 党建 ,,\u3000学习\u3000")
	if want := []string{"党建", "学习", "教育"}; !reflect.DeepEqual(got, want) {
		t.Errorf("SplitList = %q", got)
	}
	if SplitList(" , ") != nil {
		t.Error("empty list is not nil")
	}
}
