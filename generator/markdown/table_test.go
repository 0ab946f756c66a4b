package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// TestTableCellsAsGoldmark: tableCellRenderer writes what goldmark's own
// table cell renderer writes, alignment and attributes included.
func TestTableCellsAsGoldmark(t *testing.T) {
	table := extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute))
	stock := goldmark.New(goldmark.WithExtensions(table), goldmark.WithParserOptions(parser.WithAttribute()))
	ours := goldmark.New(goldmark.WithExtensions(table), goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableCellRenderer{}, 100))))
	for _, src := range []string{
		"| 单位 | 项目 | 进度 |\n| --- | :---: | ---: |\n| 财政局 | 财惠临安 | 80% |\n| 区委组织部 | 红色根脉 | |\n",
		"| 左 | 中 | 右 | 无 |\n| :-- | :-: | --: | --- |\n| a | b | c | d |\n",
		"| 只有表头 |\n| --- |\n",
		"| a | b |\n| - | - |\n| `代码|竖线` | **加粗** [链接](/x/) |\n| 多 | 出 | 一格 |\n",
		"{#t1 .wide}\n| a |\n| - |\n| 1 |\n",
		"| a |\n|:-:|\n| 1 |\n{align=\"left\"}\n",
		"不是表格 | a\n",
	} {
		var want, got bytes.Buffer
		if err := stock.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", src, got.String(), want.String())
		}
		if !bytes.Contains(want.Bytes(), []byte("<t")) && bytes.Contains([]byte(src), []byte("---")) {
			t.Errorf("%q: no table rendered: %q", src, want.String())
		}
	}
}
