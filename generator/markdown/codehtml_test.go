package markdown

import (
	"bytes"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestCodeHTMLMatchesChroma checks that codeHTML writes byte for byte what
// chroma's HTML formatter writes with the options newCodeRenderer gives it.
func TestCodeHTMLMatchesChroma(t *testing.T) {
	codes := []string{
		"", "\n", "\n\n", "x", "x\n", "a\n\nb", "a\r\nb\r\n",
		"func main() {\n\tfmt.Println(\"<党> & 'x'\")\n}\n",
		"# 注释\nkey: \"value\" # x\nlist:\n  - a\n  - 'b'\n",
		"<div class=\"a\">&amp; 文</div>\n<script>if (a < b && c > d) {}</script>",
		"SELECT * FROM t WHERE a = 'x' AND b <> 1;\n",
		"def f(x):\n    return x * 2  # 乘\n\n\n",
		"echo \"$HOME\" > /tmp/x && ls | grep '<'\n",
		"{\"a\": [1, 2, {\"b\": null}]}",
		"x := `raw\nstring`\n/* block\ncomment */\n",
		"\x00\xff\xfe 非法",
	}
	langs := []string{"go", "yaml", "html", "sql", "python", "bash", "json", "javascript", "c", "text", "diff", "markdown"}
	for _, lineNumbers := range []bool{false, true} {
		ours := newCodeHTML(lineNumbers)
		theirs := chromahtml.New(chromahtml.WithClasses(true),
			chromahtml.WithLineNumbers(lineNumbers), chromahtml.LineNumbersInTable(lineNumbers))
		for _, lang := range langs {
			lexer := chroma.Coalesce(lexers.Get(lang))
			for _, code := range codes {
				tokens, err := chroma.Tokenise(lexer, nil, code)
				if err != nil {
					t.Fatal(err)
				}
				checkCodeHTML(t, ours, theirs, tokens)
			}
		}
		// Token streams no lexer gives: empty tokens, types missing from
		// chroma.StandardTypes, meta types, many lines.
		var many []chroma.Token
		for range 120 {
			many = append(many, chroma.Token{Type: chroma.Keyword, Value: "a\n"})
		}
		for _, tokens := range [][]chroma.Token{
			nil,
			{{Type: chroma.Text, Value: ""}},
			{{Type: chroma.Text, Value: "a\n"}, {Type: chroma.Text, Value: ""}},
			{{Type: chroma.Text, Value: ""}, {Type: chroma.Text, Value: "\n"}, {Type: chroma.Text, Value: ""}},
			{{Type: chroma.TokenType(3105), Value: "x"}, {Type: chroma.TokenType(9999), Value: "y\n"}},
			{{Type: chroma.TokenType(0), Value: "z"}, {Type: chroma.Line, Value: "l"}, {Type: chroma.Error, Value: "e\n\n"}},
			{{Type: chroma.NameFunction, Value: "\n\nf\n"}, {Type: chroma.Punctuation, Value: "\n"}},
			many,
		} {
			checkCodeHTML(t, ours, theirs, tokens)
		}
	}
}

func checkCodeHTML(t *testing.T, ours *codeHTML, theirs *chromahtml.Formatter, tokens []chroma.Token) {
	t.Helper()
	var want bytes.Buffer
	if err := theirs.Format(&want, styles.Get(codeStyle), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	var s codeScratch
	ours.format(&s, chroma.Literator(tokens...))
	if got := s.buf.String(); got != want.String() {
		t.Errorf("tokens %v:\ngot  %q\nwant %q", tokens, got, want.String())
	}
}
