package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printPage is a demo article with a table and a link to another page in
// its text.
const printPage = "/news/2026/panggao-2025-jieguo/"

// TestPrintStylesheet emulates print media on an article read in an
// eye-care colour: navigation and controls are gone, the paper is white,
// links print their full address and tables do not break across pages.
func TestPrintStylesheet(t *testing.T) {
	_, b := setup(t)
	b.fresh(t, printPage)
	b.click(t, `button[data-eyecare="almond"]`)
	media := func(m string) {
		err := b.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
	media("print")
	defer media("")
	must[chromedp.Void](t, b, `window.dispatchEvent(new Event('beforeprint'))`)
	got := must[struct {
		Shown      []string `json:"shown"`
		Background string   `json:"background"`
		After      string   `json:"after"`
		TableBreak string   `json:"tableBreak"`
	}](t, b, js(`{
		shown: ['.site-header', '.main-nav', '.breadcrumb', '.reader-tools', '.prev-next', '.related', '.site-footer']
			.filter(s => document.querySelector(s) && style(s, 'display') !== 'none'),
		background: style('.article', 'backgroundColor'),
		after: (a => a ? getComputedStyle(a, '::after').content : 'no link')(document.querySelector('.article-body a[data-href]')),
		tableBreak: style('.article-body table', 'breakInside'),
	}`))
	if len(got.Shown) > 0 {
		t.Errorf("printed %s shows %v; print only the article", printPage, got.Shown)
	}
	if got.Background != "rgb(255, 255, 255)" {
		t.Errorf("printed article background is %s, want white paper whatever the eye-care colour", got.Background)
	}
	if !strings.Contains(got.After, b.s.origin+basePath) {
		t.Errorf("a printed link is followed by %s, want its full address under %s", got.After, b.s.origin+basePath)
	}
	if got.TableBreak != "avoid" {
		t.Errorf("printed tables have break-inside %q, want avoid", got.TableBreak)
	}
}
