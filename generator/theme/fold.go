package theme

import (
	"html/template"
	"strconv"
	"text/template/parse"
)

// foldStrings replaces every {{ T "key" }} whose key is a constant with
// the string itself, once, when the templates are parsed: the text of a
// key cannot change during a build, and pages call T dozens of times
// each. The action stays an action, so html/template still escapes the
// string for the context it appears in. A key whose string needs values
// stays a call, which reports the missing values where it is.
func (t *Theme) foldStrings(set *template.Template) {
	for _, tpl := range set.Templates() {
		if tpl.Tree != nil {
			t.foldNode(tpl.Tree.Root)
		}
	}
}

func (t *Theme) foldNode(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				t.foldNode(c)
			}
		}
	case *parse.ActionNode:
		t.foldPipe(n.Pipe)
	case *parse.IfNode:
		t.foldBranch(&n.BranchNode)
	case *parse.RangeNode:
		t.foldBranch(&n.BranchNode)
	case *parse.WithNode:
		t.foldBranch(&n.BranchNode)
	case *parse.TemplateNode:
		t.foldPipe(n.Pipe)
	}
}

func (t *Theme) foldBranch(b *parse.BranchNode) {
	t.foldPipe(b.Pipe)
	t.foldNode(b.List)
	t.foldNode(b.ElseList)
}

func (t *Theme) foldPipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				t.foldPipe(sub)
			}
		}
		if len(cmd.Args) != 2 {
			continue
		}
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		key, ok2 := cmd.Args[1].(*parse.StringNode)
		if !ok || !ok2 || id.Ident != "T" {
			continue
		}
		if text, err := t.translate(key.Text); err == nil {
			key.Text, key.Quoted = text, strconv.Quote(text)
			cmd.Args = cmd.Args[1:]
		}
	}
}
