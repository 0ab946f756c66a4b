package theme

import (
	"html/template"
	"strings"
	"text/template/parse"
)

// UsesPaginator reports whether a layout, or anything it includes with
// template, partial or partialCached, reads .Paginator. Lists whose
// layout does not paginate are rendered once instead of once per pager
// page.
func (t *Theme) UsesPaginator(layout string) bool {
	return t.paginates[layout]
}

// usesField walks the templates reachable from the entry template and
// reports whether any of them reads the field name.
func usesField(entry *template.Template, partials *template.Template, field string) bool {
	seen := map[string]bool{}
	var visit func(set *template.Template, name string) bool
	var walk func(set *template.Template, n parse.Node) bool
	visit = func(set *template.Template, name string) bool {
		key := name
		if seen[key] {
			return false
		}
		seen[key] = true
		tpl := set.Lookup(name)
		if tpl == nil || tpl.Tree == nil {
			return false
		}
		return walk(set, tpl.Tree.Root)
	}
	walk = func(set *template.Template, n parse.Node) bool {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return false
			}
			for _, c := range n.Nodes {
				if walk(set, c) {
					return true
				}
			}
		case *parse.ActionNode:
			return walk(set, n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return false
			}
			for _, c := range n.Cmds {
				if walk(set, c) {
					return true
				}
			}
		case *parse.CommandNode:
			if name, ok := partialCall(n); ok {
				for _, p := range partialNames(partials, name) {
					if visit(partials, p) {
						return true
					}
				}
			}
			for _, a := range n.Args {
				if walk(set, a) {
					return true
				}
			}
		case *parse.FieldNode:
			return contains(n.Ident, field)
		case *parse.ChainNode:
			return contains(n.Field, field) || walk(set, n.Node)
		case *parse.VariableNode:
			return contains(n.Ident, field)
		case *parse.IfNode:
			return walk(set, n.Pipe) || walk(set, n.List) || walk(set, n.ElseList)
		case *parse.RangeNode:
			return walk(set, n.Pipe) || walk(set, n.List) || walk(set, n.ElseList)
		case *parse.WithNode:
			return walk(set, n.Pipe) || walk(set, n.List) || walk(set, n.ElseList)
		case *parse.TemplateNode:
			return walk(set, n.Pipe) || visit(set, n.Name)
		}
		return false
	}
	return visit(entry, entry.Name())
}

func contains(idents []string, s string) bool {
	for _, id := range idents {
		if id == s {
			return true
		}
	}
	return false
}

// partialCall recognises a call of partial or partialCached and returns
// the template name of the partial, "" when it is named at run time.
func partialCall(n *parse.CommandNode) (name string, ok bool) {
	if len(n.Args) < 2 {
		return "", false
	}
	if id, isID := n.Args[0].(*parse.IdentifierNode); !isID || !strings.HasPrefix(id.Ident, "partial") {
		return "", false
	}
	s, isString := n.Args[1].(*parse.StringNode)
	switch {
	case !isString:
		return "", true
	case strings.HasPrefix(s.Text, "partials/"):
		return s.Text, true
	}
	return "partials/" + s.Text, true
}

// partialNames is the partial called by name, or every partial when the
// name is only known at run time.
func partialNames(partials *template.Template, name string) []string {
	if name != "" {
		return []string{name}
	}
	var all []string
	for _, p := range partials.Templates() {
		all = append(all, p.Name())
	}
	return all
}
