package yamlsrc

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/diag"
)

// Decoder fills Go values from yaml.Node trees by reflection, following
// the yaml tags of struct fields (a field without a tag has its lower-case
// name as key). Unlike yaml's own decoder it reports every problem
// (unknown keys with a suggestion, wrong types) as a positioned Chinese
// diagnostic, and keeps going. Strings, bools, ints, float64s, slices,
// string-keyed maps, structs and interfaces (plain values) are supported;
// a []string may also be written as one line split on commas (see Line).
type Decoder struct {
	File  string // named in diagnostics
	Src   []byte // the whole file, for source lines in diagnostics
	Diags []*diag.Diagnostic
	// Skip names top-level keys that something else reads: they are
	// neither decoded nor reported as unknown.
	Skip func(key string) bool
	// UnknownHint, when set, replaces the list of valid keys in the hint of
	// an unknown key that has no close match.
	UnknownHint string
	// IntRange, when set, gives the bounds of the integer at a key path
	// (ok false when it has none). It is used to tell the user the range
	// when a number is too large to read at all; checking the range of
	// readable numbers is left to the caller.
	IntRange func(path string) (lo, hi int, ok bool)

	nodes  map[string]*yaml.Node // key path ("footer.site_code", "menus.main[0]") → value node
	keys   map[string]*yaml.Node // key path → key node
	failed map[string]bool       // key paths already reported, see Fail
	steps  int                   // nodes visited, to bound alias expansion
	depth  int                   // current nesting depth
	active map[*yaml.Node]bool   // nodes being decoded, to catch aliases that contain themselves
}

// Limits that keep hostile input cheap: maxSteps bounds the nodes a decoder
// visits, so that aliases referring to each other many times cannot make
// it run for ever; maxDepth bounds nesting (site.yaml needs about 6 levels
// outside params).
const (
	maxSteps = 200_000
	maxDepth = 32
)

// Line is a line of text in a list. A []string written as one line is
// split on commas (tags: 甲, 乙); a []Line written as one line is a list of
// that one line, commas and all.
type Line string

// NewDecoder returns a Decoder for the file named file whose text is src.
func NewDecoder(file string, src []byte) *Decoder {
	return &Decoder{File: file, Src: src, nodes: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{},
		failed: map[string]bool{}, active: map[*yaml.Node]bool{}}
}

// Decode stores the value of n into v, a pointer; path names n in messages
// ("" for the root).
func (d *Decoder) Decode(n *yaml.Node, v any, path string) {
	d.decode(n, reflect.ValueOf(v).Elem(), path)
}

// At returns the value node decoded for a key path ("footer.site_code",
// "menus.main[0].url"), or nil when it was not written.
func (d *Decoder) At(path string) *yaml.Node { return d.nodes[path] }

// Fail reports a problem with the value at path. When path was not
// written at all the problem is placed at its nearest written parent, or
// at the top of the file. A key is reported once: when path or a key
// above it already has a problem (a value of the wrong type, say), Fail
// says nothing, so that `title: [a, b]` is not also called empty.
func (d *Decoder) Fail(path, hint, format string, args ...any) {
	if d.Failed(path) {
		return
	}
	d.failed[path] = true
	n := d.At(path)
	for p := path; n == nil && p != ""; {
		p = p[:max(strings.LastIndexAny(p, ".["), 0)]
		n = d.nodes[p]
	}
	if n == nil {
		n = &yaml.Node{Line: 1, Column: 1}
	}
	d.Errorf(n, hint, format, args...)
}

// FailKey is Fail placed at the key of path rather than at its value.
func (d *Decoder) FailKey(path, hint, format string, args ...any) {
	n := d.keys[path]
	if n == nil || d.Failed(path) {
		d.Fail(path, hint, format, args...)
		return
	}
	d.failed[path] = true
	d.Errorf(n, hint, format, args...)
}

// Failed reports whether a problem was reported at path or at a key above
// it ("footer" for "footer.links[0].url").
func (d *Decoder) Failed(path string) bool {
	for p := path; ; p = p[:strings.LastIndexAny(p, ".[")] {
		if d.failed[p] {
			return true
		}
		if !strings.ContainsAny(p, ".[") {
			return false
		}
	}
}

// Errorf reports a problem at node n (at the top of the file when n is nil).
func (d *Decoder) Errorf(n *yaml.Node, hint, format string, args ...any) {
	if len(d.Diags) >= MaxReports {
		return
	}
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.Diags = append(d.Diags, diag.New(d.File, line, col, format, args...).WithHint("%s", hint).WithSource(d.Src))
}

// decode stores n into v (an addressable value); path names n for
// messages and for d.nodes. A null n leaves v as it is (the default).
func (d *Decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	orig := n
	n = Resolve(n)
	if n == nil || IsNull(n) {
		if orig != nil {
			d.nodes[path] = orig
		}
		return
	}
	d.steps++
	switch {
	case d.steps > maxSteps || d.depth >= maxDepth:
		if d.steps == maxSteps+1 || d.depth == maxDepth {
			d.Errorf(orig, "请不要用 & 和 * 反复引用同一段设置,也不要层层嵌套", "设置内容太多或嵌套太深,无法读取")
		}
		return
	case d.active[n]:
		d.Errorf(orig, "请不要用 * 引用包含它自己的那一段设置", "“%s” 引用(*)了包含它自己的设置", path)
		return
	}
	d.active[n] = true
	d.depth++
	defer func() {
		delete(d.active, n)
		d.depth--
	}()
	d.nodes[path] = orig
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.typeError(orig, path, "一行文字")
			return
		}
		v.SetString(strings.TrimSpace(n.Value))
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || err != nil {
			d.typeError(orig, path, "true(是)或 false(否)")
			return
		}
		v.SetBool(b)
	case reflect.Int:
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!float" && decimal(n.Value) {
			d.tooLarge(orig, path) // YAML reads a whole number too large for an int as a float
			return
		}
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			d.typeError(orig, path, "整数")
			return
		}
		i, ok := Int(n)
		if !ok {
			d.tooLarge(orig, path)
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		var f float64
		if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!float") || n.Decode(&f) != nil {
			d.typeError(orig, path, "数字")
			return
		}
		v.SetFloat(f)
	case reflect.Slice:
		d.slice(orig, n, v, path)
	case reflect.Map:
		d.mapping(orig, n, v, path)
	case reflect.Struct:
		d.structure(orig, n, v, path)
	case reflect.Interface:
		val, ok := Plain(n)
		if !ok {
			d.Errorf(orig, "请不要用 & 和 * 反复引用同一段设置", "“%s” 的内容太多或引用(*)了自己,无法读取", path)
		}
		if val != nil {
			v.Set(reflect.ValueOf(val))
		}
	}
}

// slice decodes a list. A list of strings may also be written as one line
// separated by commas.
func (d *Decoder) slice(orig, n *yaml.Node, v reflect.Value, path string) {
	elem := v.Type().Elem()
	if n.Kind == yaml.ScalarNode && elem == reflect.TypeFor[Line]() {
		v.Set(reflect.ValueOf([]Line{Line(strings.TrimSpace(n.Value))}).Convert(v.Type()))
		return
	}
	if n.Kind == yaml.ScalarNode && elem.Kind() == reflect.String {
		v.Set(reflect.ValueOf(SplitList(n.Value)).Convert(v.Type()))
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.typeError(orig, path, "列表(每项一行,以“- ”开头)")
		return
	}
	out := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for i, c := range n.Content {
		if elem.Kind() == reflect.String && IsNull(c) {
			continue
		}
		e := reflect.New(elem).Elem()
		d.decode(c, e, path+"["+strconv.Itoa(i)+"]")
		out = reflect.Append(out, e)
	}
	v.Set(out)
}

// mapping decodes a map with string keys; it replaces any default map.
func (d *Decoder) mapping(orig, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.typeError(orig, path, "一组“名称: 值”的设置(在下一行多缩进两个空格书写)")
		return
	}
	if v.Type().Key().Kind() != reflect.String {
		return
	}
	out := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := Resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.Errorf(n.Content[i], "名称写成一行文字,例如 main:", "“%s” 下的名称应为一行文字", path)
			continue
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.keys[Join(path, k.Value)] = n.Content[i]
		d.decode(n.Content[i+1], e, Join(path, k.Value))
		out.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), e)
	}
	v.Set(out)
}

// structure decodes a mapping into a struct, reporting keys that match no
// yaml tag.
func (d *Decoder) structure(orig, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.typeError(orig, path, "一组“名称: 值”的设置(在下一行多缩进两个空格书写)")
		return
	}
	fields := yamlFields(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := Resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.Errorf(n.Content[i], "设置名写成一行英文,后面跟冒号,例如 title: 网站名称", "设置名应为一行文字")
			continue
		}
		if path == "" && d.Skip != nil && d.Skip(k.Value) {
			continue
		}
		idx, ok := fields[k.Value]
		if !ok {
			d.unknownKey(k, path, fields)
			continue
		}
		d.keys[Join(path, k.Value)] = n.Content[i]
		d.decode(n.Content[i+1], v.Field(idx), Join(path, k.Value))
	}
}

// Keys lists the keys a struct (or pointer to one) accepts, sorted.
func Keys(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var keys []string
	for k := range yamlFields(t) {
		keys = append(keys, k)
	}
	return sorted(keys)
}

// yamlFields maps the yaml key of each exported field of t to its index.
func yamlFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = i
	}
	return m
}

func (d *Decoder) unknownKey(k *yaml.Node, path string, fields map[string]int) {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	where := ""
	if path != "" {
		where = "(在 " + path + " 下)"
	}
	hint := ""
	if s := Suggest(k.Value, names); s != "" {
		hint = "是不是想写 “" + s + "”?"
	} else if d.UnknownHint != "" {
		hint = d.UnknownHint
	} else {
		hint = "这里可以写的设置项有:" + strings.Join(sorted(names), "、") + ";如果是给主题用的自定义设置,请写在 params 下面"
	}
	d.Errorf(k, hint, "不认识的设置项 “%s”%s", Clip(k.Value, 30), where)
}

func (d *Decoder) typeError(n *yaml.Node, path, want string) {
	d.failed[path] = true
	d.Errorf(n, typeHint(want, path), "“%s” 应为%s,现在是%s", path, want, Describe(n))
}

// tooLarge reports an integer too large (or too far below zero) to read.
func (d *Decoder) tooLarge(n *yaml.Node, path string) {
	d.failed[path] = true
	what := "太大"
	if strings.HasPrefix(strings.TrimSpace(n.Value), "-") {
		what = "太小"
	}
	key := path[strings.LastIndexAny(path, ".]")+1:]
	msg, hint := "", "请写小一些的整数,例如 "+key+": 20"
	if d.IntRange != nil {
		if lo, hi, ok := d.IntRange(path); ok {
			msg = fmt.Sprintf(",应在 %d 到 %d 之间", lo, hi)
			hint = fmt.Sprintf("请写 %d 到 %d 之间的整数", lo, hi)
		}
	}
	d.Errorf(n, hint, "“%s” 的数字 %s %s了%s", path, Clip(n.Value, 30), what, msg)
}

func typeHint(want, path string) string {
	key := path[strings.LastIndexAny(path, ".]")+1:]
	switch want {
	case "整数":
		return "请写阿拉伯数字,不加引号,例如 " + key + ": 20"
	case "数字":
		return "请写阿拉伯数字,例如 " + key + ": 1.5"
	case "true(是)或 false(否)":
		return "请写 true(是)或 false(否),例如 " + key + ": true"
	case "一行文字":
		return "把内容写在冒号后面的同一行;如果含有冒号、# 等符号,请用英文双引号括起来"
	}
	return "请参照说明文档里 “" + path + "” 的写法,注意缩进用空格对齐"
}

// Join appends key to a dotted key path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
