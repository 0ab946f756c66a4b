package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// needsResolve reports whether a link destination is left to
// Document.Resolve: not empty, not a pure fragment, not protocol-relative
// ("//host") and without a scheme ("https:", "mailto:", "tel:", …).
func needsResolve(dest []byte) bool {
	if len(dest) == 0 || dest[0] == '#' || bytes.HasPrefix(dest, []byte("//")) {
		return false
	}
	return !hasScheme(dest)
}

// hasScheme reports whether dest starts with a URI scheme and a colon:
// a letter, then letters, digits, '+', '-' or '.'.
func hasScheme(dest []byte) bool {
	for i, c := range dest {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// searchWindow bounds how far past a link's start its destination is looked
// for, so that pathological input stays linear.
const searchWindow = 4096

// linkOffset returns the byte offset in src where the destination of the
// link or image n is written, or failing that where the link starts, or
// failing that where its block starts.
func linkOffset(n ast.Node, dest, src []byte) int {
	pos := n.Pos()
	if pos < 0 || pos >= len(src) {
		return blockStart(n, len(src))
	}
	end := min(len(src), pos+searchWindow)
	if len(dest) == 0 {
		return pos
	}
	for i := pos; i < end; {
		j := bytes.Index(src[i:end], dest)
		if j < 0 {
			break
		}
		k := i + j
		// An inline destination follows "(" or "(<", maybe after spaces.
		p := k - 1
		for p > pos && (src[p] == ' ' || src[p] == '\t' || src[p] == '\n' || src[p] == '\r') {
			p--
		}
		if p > pos && (src[p] == '(' || (src[p] == '<' && src[p-1] == '(')) {
			return k
		}
		i = k + 1
	}
	return pos
}

// blockStart returns the offset where the block holding n starts, or 0.
func blockStart(n ast.Node, size int) int {
	for b := n; b != nil; b = b.Parent() {
		if b.Type() != ast.TypeBlock {
			continue
		}
		if p := b.Pos(); p >= 0 && p <= size {
			return p
		}
		if lines := b.Lines(); lines != nil && lines.Len() > 0 {
			if s := lines.At(0).Start; s >= 0 && s <= size {
				return s
			}
		}
	}
	return 0
}
