package theme

import (
	"html/template"
	"slices"
	"strings"
	"text/template/parse"
)

// BodyFields are the page fields made from a page's Markdown body rather
// than its front matter (site/body.go).
var BodyFields = []string{"Content", "Summary", "TOC", "Truncated", "WordCount", "ReadingTime"}

// ReadsOthers lists the body fields (BodyFields) that a layout, or
// anything it includes, may read on a page other than the one it renders:
// a list reading .Summary inside range, a partial given another page, a
// where or sort naming the field. A layout that reads a body field only as
// .Content of its own page is not affected when another page's body
// changes, so yipin serve need not render it again. The answer errs on
// the safe side: a field read through a variable or a chain counts.
func (t *Theme) ReadsOthers(layout string) []string { return t.others[layout] }

// Uses reports whether rendering with the layout executes the template
// file name ("partials/footer.html", "_default/baseof.html"): yipin serve
// renders again only the outputs whose layouts use a changed template.
func (t *Theme) Uses(layout, name string) bool {
	return layout == name || slices.Contains(t.reach[layout], name)
}

// Names lists the template files of the theme and the site.
func (t *Theme) Names() []string {
	names := make([]string, 0, len(t.files))
	for n := range t.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// othersRead walks the templates reachable from the entry template,
// following which value the dot holds: the rendered page ("self") or
// something else. It returns the body fields read of other pages and the
// names of the templates reached.
func othersRead(entry, partials *template.Template) (fields, reached []string) {
	found := map[string]bool{}
	note := func(idents ...string) {
		for _, id := range idents {
			if slices.Contains(BodyFields, id) {
				found[id] = true
			}
		}
	}
	type visit struct {
		name string
		self bool
	}
	seen := map[visit]bool{}
	var walk func(set *template.Template, n parse.Node, dot, root bool)
	enter := func(set *template.Template, name string, self bool) {
		if seen[visit{name, self}] {
			return
		}
		seen[visit{name, self}] = true
		if tpl := set.Lookup(name); tpl != nil && tpl.Tree != nil {
			walk(set, tpl.Tree.Root, self, self)
		}
	}
	// isSelf reports whether an argument is the rendered page itself.
	isSelf := func(a parse.Node, dot, root bool) bool {
		switch a := a.(type) {
		case *parse.DotNode:
			return dot
		case *parse.VariableNode:
			return a.Ident[0] == "$" && len(a.Ident) == 1 && root
		case *parse.PipeNode:
			return a != nil && len(a.Decl) == 0 && len(a.Cmds) == 1 && len(a.Cmds[0].Args) == 1 && func() bool {
				switch x := a.Cmds[0].Args[0].(type) {
				case *parse.DotNode:
					return dot
				case *parse.VariableNode:
					return x.Ident[0] == "$" && len(x.Ident) == 1 && root
				}
				return false
			}()
		}
		return false
	}
	walk = func(set *template.Template, n parse.Node, dot, root bool) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(set, c, dot, root)
				}
			}
		case *parse.ActionNode:
			walk(set, n.Pipe, dot, root)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(set, c, dot, root)
				}
			}
		case *parse.CommandNode:
			if name, ok := partialCall(n); ok {
				self := name != "" && len(n.Args) > 2 && isSelf(n.Args[2], dot, root)
				for _, p := range partialNames(partials, name) {
					enter(partials, p, self)
				}
			}
			for _, a := range n.Args {
				if s, ok := a.(*parse.StringNode); ok {
					// where .Pages "Summary" …, sortBy .Pages "WordCount" …
					note(strings.Split(s.Text, ".")...)
				}
				walk(set, a, dot, root)
			}
		case *parse.FieldNode:
			if !dot {
				note(n.Ident[0])
			}
			note(n.Ident[1:]...)
		case *parse.VariableNode:
			if n.Ident[0] == "$" && root && len(n.Ident) > 1 {
				note(n.Ident[2:]...)
			} else {
				note(n.Ident[1:]...)
			}
		case *parse.ChainNode:
			note(n.Field...)
			walk(set, n.Node, dot, root)
		case *parse.IfNode:
			walk(set, n.Pipe, dot, root)
			walk(set, n.List, dot, root)
			walk(set, n.ElseList, dot, root)
		case *parse.RangeNode:
			walk(set, n.Pipe, dot, root)
			walk(set, n.List, false, root)
			walk(set, n.ElseList, dot, root)
		case *parse.WithNode:
			walk(set, n.Pipe, dot, root)
			walk(set, n.List, isSelf(n.Pipe, dot, root), root)
			walk(set, n.ElseList, dot, root)
		case *parse.TemplateNode:
			walk(set, n.Pipe, dot, root)
			enter(set, n.Name, n.Pipe != nil && isSelf(n.Pipe, dot, root))
		}
	}
	enter(entry, entry.Name(), true)
	for _, f := range BodyFields {
		if found[f] {
			fields = append(fields, f)
		}
	}
	for v := range seen {
		if !slices.Contains(reached, v.name) {
			reached = append(reached, v.name)
		}
	}
	slices.Sort(reached)
	return fields, reached
}
