package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// overflow measures the page's width against the window's and lists the
// elements that stick out on the right: where the overflow starts (the
// parent fits) and the widest innermost ones (no child sticks out), which
// usually hold the text or box that cannot shrink.
const overflow = `(() => {
	const out = el => el.getBoundingClientRect().right > innerWidth + 1;
	const all = [...document.querySelectorAll('body, body *')].filter(out);
	const depth = el => { let d = 0; for (; el; el = el.parentElement) d++; return d; };
	const info = el => ({what: describe(el), right: el.getBoundingClientRect().right, width: el.getBoundingClientRect().width, depth: depth(el)});
	const starts = all.filter(el => !out(el.parentElement)).slice(0, 3).map(info);
	const inner = all.filter(el => ![...el.children].some(out)).map(info).sort((a, b) => b.width - a.width || b.depth - a.depth).slice(0, 3);
	return {scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth,
		elder: document.documentElement.classList.contains('elder'), starts: starts, inner: inner};
})()`

// TestElderModeNarrow turns on 长辈版 (large text) in a 320 CSS px wide
// window, the narrowest phone WCAG 1.4.10 asks for, and checks that no
// page type is wider than the window.
func TestElderModeNarrow(t *testing.T) {
	c, b := setup(t)
	if err := b.do(chromedp.EmulateViewport(320, 800, chromedp.EmulateScale(1))); err != nil {
		t.Fatal(err)
	}
	if err := b.open("/"); err != nil {
		t.Fatal(err)
	}
	elder := must[bool](t, b, js(`visible(document.querySelector('#elder-toggle'))`))
	if elder {
		b.click(t, "#elder-toggle")
	} else {
		t.Errorf("the home page has no visible #elder-toggle; checking the normal mode only")
	}
	eachPageType(t, c, b, func(t *testing.T, pt pageType) {
		m := must[struct {
			ScrollWidth int           `json:"scrollWidth"`
			InnerWidth  int           `json:"innerWidth"`
			Elder       bool          `json:"elder"`
			Starts      []wideElement `json:"starts"`
			Inner       []wideElement `json:"inner"`
		}](t, b, js(overflow))
		if elder && !m.Elder {
			t.Errorf("%s: elder mode is off; it did not carry over from the home page", pt.path)
		}
		if m.ScrollWidth > m.InnerWidth {
			t.Errorf("%s is %d px wide in a %d px window", pt.path, m.ScrollWidth, m.InnerWidth)
			for _, w := range m.Starts {
				t.Errorf("    %s sticks out of its parent, to %.0f px", w.What, w.Right)
			}
			for _, w := range m.Inner {
				t.Errorf("    %s (%.0f px wide) reaches %.0f px", w.What, w.Width, w.Right)
			}
		}
	})
}

// wideElement is an element wider than the window, as overflow reports it.
type wideElement struct {
	What  string  `json:"what"`
	Right float64 `json:"right"`
	Width float64 `json:"width"`
}
