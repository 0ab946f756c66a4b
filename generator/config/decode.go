package config

import (
	"reflect"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/diag"
)

// decoder fills a Go value from a yaml.Node tree by reflection, following
// the yaml tags of struct fields. Unlike yaml's own decoder it reports
// every problem (unknown keys with a suggestion, wrong types) with the
// position of the offending node, and keeps going.
type decoder struct {
	file   string
	src    []byte
	diags  []*diag.Diagnostic
	nodes  map[string]*yaml.Node // key path ("footer.site_code", "menus.main[0]") → value node
	keys   map[string]*yaml.Node // key path → key node
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

func newDecoder(file string, src []byte) *decoder {
	return &decoder{file: file, src: src, nodes: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{},
		active: map[*yaml.Node]bool{}}
}

func (d *decoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	if len(d.diags) >= yamlsrc.MaxReports {
		return
	}
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.diags = append(d.diags, diag.New(d.file, line, col, format, args...).WithHint("%s", hint).WithSource(d.src))
}

// decode stores n into v (an addressable value); path names n for
// messages and for d.nodes. A null n leaves v as it is (the default).
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	orig := n
	n = yamlsrc.Resolve(n)
	if n == nil || yamlsrc.IsNull(n) {
		if orig != nil {
			d.nodes[path] = orig
		}
		return
	}
	d.steps++
	switch {
	case d.steps > maxSteps || d.depth >= maxDepth:
		if d.steps == maxSteps+1 || d.depth == maxDepth {
			d.errorf(orig, "请不要用 & 和 * 反复引用同一段设置,也不要层层嵌套", "设置内容太多或嵌套太深,无法读取")
		}
		return
	case d.active[n]:
		d.errorf(orig, "请不要用 * 引用包含它自己的那一段设置", "“%s” 引用(*)了包含它自己的设置", path)
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
		var i int
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&i) != nil {
			d.typeError(orig, path, "整数")
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
		val, ok := yamlsrc.Plain(n)
		if !ok {
			d.errorf(orig, "请不要用 & 和 * 反复引用同一段设置", "“%s” 的内容太多或引用(*)了自己,无法读取", path)
		}
		if val != nil {
			v.Set(reflect.ValueOf(val))
		}
	}
}

// slice decodes a list. A list of strings may also be written as one line
// separated by commas.
func (d *decoder) slice(orig, n *yaml.Node, v reflect.Value, path string) {
	elem := v.Type().Elem()
	if n.Kind == yaml.ScalarNode && elem.Kind() == reflect.String {
		v.Set(reflect.ValueOf(yamlsrc.SplitList(n.Value)).Convert(v.Type()))
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.typeError(orig, path, "列表(每项一行,以“- ”开头)")
		return
	}
	out := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for i, c := range n.Content {
		if elem.Kind() == reflect.String && yamlsrc.IsNull(c) {
			continue
		}
		e := reflect.New(elem).Elem()
		d.decode(c, e, path+"["+strconv.Itoa(i)+"]")
		out = reflect.Append(out, e)
	}
	v.Set(out)
}

// mapping decodes a map with string keys; it replaces any default map.
func (d *decoder) mapping(orig, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.typeError(orig, path, "一组“名称: 值”的设置(在下一行多缩进两个空格书写)")
		return
	}
	if v.Type().Key().Kind() != reflect.String {
		return
	}
	out := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := yamlsrc.Resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.errorf(n.Content[i], "名称写成一行文字,例如 main:", "“%s” 下的名称应为一行文字", path)
			continue
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.keys[join(path, k.Value)] = n.Content[i]
		d.decode(n.Content[i+1], e, join(path, k.Value))
		out.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), e)
	}
	v.Set(out)
}

// structure decodes a mapping into a struct, reporting keys that match no
// yaml tag.
func (d *decoder) structure(orig, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.typeError(orig, path, "一组“名称: 值”的设置(在下一行多缩进两个空格书写)")
		return
	}
	fields := yamlFields(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := yamlsrc.Resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.errorf(n.Content[i], "设置名写成一行英文,后面跟冒号,例如 title: 网站名称", "设置名应为一行文字")
			continue
		}
		idx, ok := fields[k.Value]
		if !ok {
			d.unknownKey(k, path, fields)
			continue
		}
		d.keys[join(path, k.Value)] = n.Content[i]
		d.decode(n.Content[i+1], v.Field(idx), join(path, k.Value))
	}
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

func (d *decoder) unknownKey(k *yaml.Node, path string, fields map[string]int) {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	where := ""
	if path != "" {
		where = "(在 " + path + " 下)"
	}
	hint := ""
	if s := suggest(k.Value, names); s != "" {
		hint = "是不是想写 “" + s + "”?"
	} else {
		hint = "这里可以写的设置项有:" + strings.Join(sorted(names), "、") + ";如果是给主题用的自定义设置,请写在 params 下面"
	}
	d.errorf(k, hint, "不认识的设置项 “%s”%s", yamlsrc.Clip(k.Value, 30), where)
}

func (d *decoder) typeError(n *yaml.Node, path, want string) {
	d.errorf(n, typeHint(want, path), "“%s” 应为%s,现在是%s", path, want, yamlsrc.Describe(n))
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

// join appends key to a dotted path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
