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
			if len(n.Args) >= 2 {
				if id, ok := n.Args[0].(*parse.IdentifierNode); ok && strings.HasPrefix(id.Ident, "partial") {
					if s, ok := n.Args[1].(*parse.StringNode); ok {
						name := s.Text
						if !strings.HasPrefix(name, "partials/") {
							name = "partials/" + name
						}
						if visit(partials, name) {
							return true
						}
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
