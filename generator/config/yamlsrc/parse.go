package yamlsrc

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/diag"
)

// Parse parses src, one YAML document, and returns its root node, or nil
// when the document is empty. firstLine is the line of the file where src
// starts (1 for a whole file, 2 for front matter after its opening ---);
// every node's Line is shifted so that it is a line of the file. full is
// the whole file, used for the source excerpt of the diagnostic. Parse never
// panics: a panic inside the YAML library becomes a diagnostic.
func Parse(file string, src []byte, firstLine int, full []byte) (root *yaml.Node, d *diag.Diagnostic) {
	doc, ok := parseSimple(src)
	if ok {
		root = doc.Content[0]
		shiftLines(root, firstLine-1)
		return root, nil
	}
	doc, err := unmarshal(src)
	if err != nil {
		line, col, msg, hint := explain(src, err)
		if line > 0 {
			line += firstLine - 1
		}
		return nil, diag.New(file, line, col, "YAML 格式有误:%s", msg).WithHint("%s", hint).WithSource(full)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		root = nil
	} else {
		root = doc.Content[0]
	}
	if d := secondDocument(file, src, root, firstLine, full); d != nil {
		return nil, d
	}
	shiftLines(root, firstLine-1)
	return root, nil
}

// secondDocument reports a document after the first one in src, which
// yaml.Unmarshal drops without a word: "---" or "..." at the start of a
// line after the settings, and more settings after it. Empty documents
// (a "---" or "..." at the very end) drop nothing and are allowed. root is
// the first document's root node (nil when empty), its lines not yet
// shifted.
func secondDocument(file string, src []byte, root *yaml.Node, firstLine int, full []byte) *diag.Diagnostic {
	if !hasMarkerLine(src) {
		return nil
	}
	more, line := moreDocuments(src)
	if !more {
		return nil
	}
	marker := "---"
	if line == 0 {
		after := 0
		if root != nil {
			after = root.Line
		}
		line, marker = markerAfter(src, after)
	} else if l := splitLines(src); line <= len(l) {
		marker = cmp.Or(isMarker(src[l[line-1].start:l[line-1].end]), marker)
	}
	msg := "这一行的 --- 把设置分成了两份,后一份不会被读取"
	if marker == "..." {
		msg = "这一行的 ... 表示设置到此结束,后面的内容不会被读取"
	}
	what := file + " "
	if firstLine > 1 {
		what = "front matter(两行 --- 之间)"
	}
	return diag.New(file, max(line, 1)+firstLine-1, 1, "%s", msg).
		WithHint("%s只能有一份设置;删掉 %s 或把两部分合并", what, marker).WithSource(full)
}

// hasMarkerLine reports whether some line of src starts with "---" or
// "...", which is rare; only then can src hold more than one document.
func hasMarkerLine(src []byte) bool {
	for start := 0; start < len(src); {
		if isMarker(src[start:]) != "" {
			return true
		}
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	return false
}

// isMarker returns "---" or "..." when b starts with a document marker
// (three dashes or dots followed by a blank or the end of the line), or "".
func isMarker(b []byte) string {
	if len(b) < 3 || !bytes.HasPrefix(b, []byte("---")) && !bytes.HasPrefix(b, []byte("...")) {
		return ""
	}
	if len(b) > 3 && b[3] != ' ' && b[3] != '\t' && b[3] != '\r' && b[3] != '\n' {
		return ""
	}
	return string(b[:3])
}

// markerAfter returns the 1-based line of the first document marker in src
// below line after, and the marker; 0 and "---" when there is none.
func markerAfter(src []byte, after int) (int, string) {
	for k, l := range splitLines(src) {
		if m := isMarker(src[l.start:l.end]); m != "" && k+1 > after {
			return k + 1, m
		}
	}
	return 0, "---"
}

// moreDocuments reports whether src holds something after its first
// document: another document that is not empty (line is where it starts),
// or text the library cannot read as one (line is 0).
func moreDocuments(src []byte) (more bool, line int) {
	defer func() {
		if recover() != nil {
			more, line = true, 0
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var first yaml.Node
	if dec.Decode(&first) != nil {
		return false, 0 // Parse reports the first document's problems
	}
	for {
		var next yaml.Node
		switch err := dec.Decode(&next); {
		case errors.Is(err, io.EOF):
			return false, 0
		case err != nil:
			return true, 0
		case len(next.Content) > 0 && !IsNull(next.Content[0]):
			return true, next.Line
		}
	}
}

// unmarshal parses src into a node tree, turning a library panic into an
// error.
func unmarshal(src []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	doc = new(yaml.Node)
	if err := yaml.Unmarshal(src, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// shiftLines adds by to the Line of n and of every node below it. Alias
// nodes are not followed: the nodes they point to are in the tree already.
func shiftLines(n *yaml.Node, by int) {
	if n == nil || by == 0 {
		return
	}
	n.Line += by
	if n.Kind != yaml.AliasNode {
		for _, c := range n.Content {
			shiftLines(c, by)
		}
	}
}

// Limits of the search for the line of a YAML problem: re-parsing stops
// after maxRetryBytes, and documents larger than smallDoc are searched from
// the line the library reported rather than from the top.
const (
	maxRetryBytes = 1 << 20
	smallDoc      = 64 << 10
)

// explain turns a YAML parser error into a line and column of src (0 when
// unknown) and a Chinese message and hint.
//
// The library reports the line where the enclosing construct started, and
// for some errors a 0-based line, so the line is found again by parsing
// growing prefixes of src: the first prefix that fails with the same
// problem ends at the line to blame. An unclosed quote, for instance, is
// blamed on the line where the quote opens, not on the end of the file.
func explain(src []byte, err error) (line, col int, msg, hint string) {
	reported, problem := splitError(err.Error())
	lines := splitLines(src)
	line = min(max(reported, 1), max(len(lines), 1))
	if strings.HasPrefix(problem, "unknown anchor") {
		line = anchorLine(src, lines, problem)
	} else {
		first := 1
		if len(src) > smallDoc {
			first = max(1, line-1)
		}
		budget := maxRetryBytes
		for k := first; k <= len(lines) && budget > 0; k++ {
			prefix := src[:lines[k-1].end]
			budget -= len(prefix)
			if _, e := unmarshal(prefix); e != nil {
				if _, p := splitError(e.Error()); p == problem {
					line = k
					break
				}
			}
		}
	}
	text := ""
	if line-1 < len(lines) {
		l := lines[line-1]
		text = string(src[l.start:l.end])
	}
	msg, hint = translate(problem, text)
	return line, column(problem, text), msg, hint
}

// splitError splits "yaml: line 3: problem" into 3 and "problem" (0 when
// the message has no line).
func splitError(s string) (int, string) {
	s = strings.TrimPrefix(s, "yaml: ")
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, after
			}
		}
	}
	return 0, s
}

type span struct{ start, end int } // end includes the newline

func splitLines(src []byte) []span {
	var out []span
	for start := 0; start < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		out = append(out, span{start, end})
		start = end
	}
	return out
}

// anchorLine finds the line with the alias named in "unknown anchor 'x'
// referenced", or 1.
func anchorLine(src []byte, lines []span, problem string) int {
	_, name, _ := strings.Cut(problem, "'")
	name, _, _ = strings.Cut(name, "'")
	for i, l := range lines {
		if bytes.Contains(src[l.start:l.end], []byte("*"+name)) {
			return i + 1
		}
	}
	return 1
}
