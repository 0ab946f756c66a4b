package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
)

var linkRefDocs = []string{
	"[党建]: /dangjian/\n\n见[党建]。\n",
	"   [a]: /u \"标题\"\n[b]:\n/v\n\n[a] [b]\n",
	"文字\n[a]: /u\n\n[a]\n",
	"[a]: /u\n文字接着\n\n[a]\n",
	"\t[a]: /u\n\n[a]\n",
	"> [a]: /u\n\n[a]\n",
	"- [a]: /u\n\n[a]\n",
	"[a]: </带 空格> 'x'\n[a]: /second\n\n[a]\n",
	"[not a def] here\n\n[x]\n",
	"[\n\n]: /u\n",
	"普通段落，没有链接。\n",
}

// TestLinkRefsAsGoldmark: the parser with linkRefTransformer finds the
// link reference definitions goldmark's default parser finds.
func TestLinkRefsAsGoldmark(t *testing.T) {
	for _, src := range linkRefDocs {
		sameLinkRefs(t, src)
	}
}

func FuzzLinkRefs(f *testing.F) {
	for _, src := range linkRefDocs {
		f.Add(src)
	}
	f.Fuzz(sameLinkRefs)
}

func sameLinkRefs(t *testing.T, src string) {
	var want, got bytes.Buffer
	if err := goldmark.New().Convert([]byte(src), &want); err != nil {
		t.Fatal(err)
	}
	if err := goldmark.New(goldmark.WithParser(newParser())).Convert([]byte(src), &got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("%q:\n got %q\nwant %q", src, got.String(), want.String())
	}
}
