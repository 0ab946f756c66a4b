package yamlsrc

import (
	"fmt"
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
	stack := []*yaml.Node{root}
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
		seen := make(map[string]*yaml.Node, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Value == "<<" && k.Style == 0 {
				continue
			}
			if first, ok := seen[k.Value]; ok {
				out = append(out, diag.New(file, k.Line, k.Column,
					"“%s” 写了两次(第 %d 行已经写过)", Clip(k.Value, 30), first.Line).
					WithHint("同一级里每个设置只能写一次,请删掉多余的一处").WithSource(src))
				if len(out) == MaxReports {
					break
				}
				continue
			}
			seen[k.Value] = k
		}
	}
	return out
}

// maxPlainNodes bounds how many values Plain builds, so that aliases that
// refer to each other many times cannot blow up memory.
const maxPlainNodes = 100_000

// Plain converts n into plain Go values: string, int, float64, bool, nil,
// []any and map[string]any. Timestamps and values with unknown tags stay
// strings as written. ok is false when the value is too large or refers to
// itself through aliases; the result is then cut short.
func Plain(n *yaml.Node) (v any, ok bool) {
	p := plainer{budget: maxPlainNodes, active: map[*yaml.Node]bool{}}
	v = p.value(n)
	return v, !p.failed
}

type plainer struct {
	budget int
	failed bool
	active map[*yaml.Node]bool // nodes being converted, to catch cycles
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
		p.active[n] = true
		defer delete(p.active, n)
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			list = append(list, p.value(c))
		}
		return list
	case yaml.MappingNode:
		p.active[n] = true
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
		var i int
		if n.Decode(&i) == nil {
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
