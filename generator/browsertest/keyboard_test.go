package browsertest

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// maxTabs bounds the Tab presses on one page.
const maxTabs = 300

// markControls numbers every visible, enabled control a keyboard user must
// be able to reach (data-kb) and returns their descriptions by number.
const markControls = `[...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')]
	.filter(el => visible(el) && !el.disabled && el.type !== 'hidden' && el.tabIndex >= 0 && !el.closest('[inert]'))
	.map((el, i) => { el.dataset.kb = i; return describe(el); })`

// readFocus describes the focused element and whether its focus shows.
const readFocus = `(el => {
	if (!el || el === document.body || el === document.documentElement) return {key: -1};
	const s = getComputedStyle(el);
	return {key: el.dataset.kb === undefined ? -2 : +el.dataset.kb, what: describe(el), skip: el.matches('.skip-link'),
		shown: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'};
})(document.activeElement)`

// TestKeyboardReachesEveryControl presses Tab through the home page and an
// article until focus comes round again: the skip link comes first, every
// control is reached, and every focused element shows its focus.
func TestKeyboardReachesEveryControl(t *testing.T) {
	c, b := setup(t)
	for _, pt := range []pageType{{"home", "/"}, {"article", article(t, c)}} {
		t.Run(pt.name, func(t *testing.T) {
			if err := b.open(pt.path); err != nil {
				t.Fatal(err)
			}
			controls := must[[]string](t, b, js(markControls))
			type focus struct {
				Key   int    `json:"key"`
				What  string `json:"what"`
				Skip  bool   `json:"skip"`
				Shown bool   `json:"shown"`
			}
			reached := map[int]bool{} // data-kb numbers
			focused := map[string]bool{}
			first, presses := "", 0
			for presses < maxTabs {
				if err := b.do(chromedp.KeyEvent(kb.Tab)); err != nil {
					t.Fatal(err)
				}
				presses++
				f := must[focus](t, b, js(readFocus))
				if presses == 1 && !f.Skip {
					t.Errorf("the first Tab focuses %s, want the skip link (.skip-link)", f.What)
				}
				id := fmt.Sprint(f.Key, f.What)
				if f.Key == -1 || id == first {
					break // focus left the page, or came round
				}
				if first == "" {
					first = id
				}
				if focused[id] {
					continue
				}
				focused[id] = true
				reached[f.Key] = true
				if f.Key == -2 {
					t.Logf("Tab also focuses %s", f.What)
				}
				if !f.Shown {
					t.Errorf("focus on %s is not visible: no outline and no box-shadow", f.What)
				}
			}
			if presses == maxTabs {
				t.Errorf("focus did not leave the page or come round in %d Tab presses", maxTabs)
			}
			for i, what := range controls {
				if !reached[i] {
					t.Errorf("Tab never reaches %s", what)
				}
			}
			t.Logf("%d controls, %d Tab presses", len(controls), presses)
		})
	}
}
