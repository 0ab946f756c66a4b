package yamlsrc

import (
	"bytes"
	"fmt"
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
		return nil, nil
	}
	root = doc.Content[0]
	shiftLines(root, firstLine-1)
	return root, nil
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
