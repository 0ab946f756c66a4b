package yamlsrc

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/diag"
)

// Resolve follows alias nodes (*name) to the node they stand for. It
// returns nil for nil or for an alias that leads nowhere.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == 16 {
			return nil
		}
		n = n.Alias
	}
	return n
}

// IsNull reports whether n is missing or an empty value (`key:` with
// nothing after it, `~` or `null`).
func IsNull(n *yaml.Node) bool {
	n = Resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// Describe says in Chinese what n is, for messages like "应为整数,现在是
// 文字 “二十”".
func Describe(n *yaml.Node) string {
	n = Resolve(n)
	switch {
	case n == nil:
		return "空的"
	case n.Kind == yaml.SequenceNode:
		return "一个列表"
	case n.Kind == yaml.MappingNode:
		return "一组“名称: 值”的设置"
	case n.Kind != yaml.ScalarNode:
		return "无法识别的内容"
	}
	v := Clip(n.Value, 30)
	switch n.ShortTag() {
	case "!!null":
		return "空的"
	case "!!int", "!!float":
		return "数字 " + v
	case "!!bool":
		return "是非值 " + v
	}
	return "文字 “" + v + "”"
}

// Clip shortens s to at most max characters for quoting in a message.
func Clip(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "……"
}

// MaxReports is how many problems a single file reports; more only repeat
// the same mistake, make the report hard to read, and cost time.
const MaxReports = 30

// Duplicates reports the keys written twice in the same mapping anywhere
// under root, at most MaxReports of them (aliases are not followed: what
// they point to is checked where it is written).
func Duplicates(file string, root *yaml.Node, src []byte) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	var buf [32]*yaml.Node // enough for a front matter without allocating
	stack := append(buf[:0], root)
	for len(stack) > 0 && len(out) < MaxReports {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil || n.Kind == yaml.AliasNode {
			continue
		}
		stack = append(stack, n.Content...)
		if n.Kind != yaml.MappingNode {
			continue
		}
		var seen map[string]*yaml.Node // only for large mappings; small ones are searched
		if len(n.Content) > 2*smallMapping {
			seen = make(map[string]*yaml.Node, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !checkedKey(k) {
				continue
			}
			first := seen[k.Value]
			if seen == nil {
				first = firstKey(n.Content[:i], k.Value)
			}
			if first != nil {
				out = append(out, diag.New(file, k.Line, k.Column,
					"“%s” 写了两次(第 %d 行已经写过)", Clip(k.Value, 30), first.Line).
					WithHint("同一级里每个设置只能写一次,请删掉多余的一处").WithSource(src))
				if len(out) == MaxReports {
					break
				}
				continue
			}
			if seen != nil {
				seen[k.Value] = k
			}
		}
	}
	return out
}

// smallMapping is the number of keys up to which Duplicates compares keys
// with each other rather than building a map: that is faster and does not
// allocate for the few keys of a front matter.
const smallMapping = 16

// checkedKey reports whether Duplicates checks the key k: scalars other
// than the merge key <<.
func checkedKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && !(k.Value == "<<" && k.Style == 0)
}

// firstKey returns the first checked key written as value among the keys
// of the key, value pairs in content, or nil.
func firstKey(content []*yaml.Node, value string) *yaml.Node {
	for i := 0; i+1 < len(content); i += 2 {
		if k := content[i]; k.Value == value && checkedKey(k) {
			return k
		}
	}
	return nil
}

// maxPlainNodes bounds how many values Plain builds, so that aliases that
// refer to each other many times cannot blow up memory.
const maxPlainNodes = 100_000

// Plain converts n into plain Go values: string, int, float64, bool, nil,
// []any and map[string]any. Timestamps and values with unknown tags stay
// strings as written. ok is false when the value is too large or refers to
// itself through aliases; the result is then cut short.
func Plain(n *yaml.Node) (v any, ok bool) {
	p := plainer{budget: maxPlainNodes}
	v = p.value(n)
	return v, !p.failed
}

type plainer struct {
	budget int
	failed bool
	active map[*yaml.Node]bool // nodes being converted, to catch cycles; made for the first list or mapping
}

// enter marks the list or mapping n as being converted.
func (p *plainer) enter(n *yaml.Node) {
	if p.active == nil {
		p.active = map[*yaml.Node]bool{}
	}
	p.active[n] = true
}

func (p *plainer) value(n *yaml.Node) any {
	n = Resolve(n)
	if n == nil {
		return nil
	}
	p.budget--
	if p.budget < 0 || p.active[n] {
		p.failed = true
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return Scalar(n)
	case yaml.SequenceNode:
		p.enter(n)
		defer delete(p.active, n)
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			list = append(list, p.value(c))
		}
		return list
	case yaml.MappingNode:
		p.enter(n)
		defer delete(p.active, n)
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := Resolve(n.Content[i])
			key := ""
			if k != nil && k.Kind == yaml.ScalarNode {
				key = k.Value
			} else {
				key = fmt.Sprint(p.value(k))
			}
			m[key] = p.value(n.Content[i+1])
		}
		return m
	}
	return nil
}

// Scalar converts a scalar node into string, int, float64, bool or nil by
// its resolved tag. Timestamps and unknown tags give the text as written.
func Scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		if i, ok := Int(n); ok {
			return i
		}
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	}
	return n.Value
}

// Int decodes a scalar node tagged !!int into an int as Node.Decode does;
// ok is false when Decode would fail (the value does not fit, or is not a
// whole number). Plain decimal numbers, nearly all there are, are read
// without Decode, which sets up a decoder for every call.
func Int(n *yaml.Node) (int, bool) {
	if decimal(n.Value) {
		if i, err := strconv.Atoi(n.Value); err == nil {
			return i, true
		}
	}
	var i int
	if n.Decode(&i) == nil {
		return i, true
	}
	return 0, false
}

// decimal reports whether s is a whole number written the one way that
// every reading agrees on: an optional "-", then "0" or digits not
// starting with 0 (YAML reads 010 as octal and allows "_" and "+").
func decimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
