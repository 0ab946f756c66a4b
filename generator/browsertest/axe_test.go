package browsertest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeRun runs axe-core on the page for WCAG 2.0/2.1 level A and AA and
// returns the violations with their first few nodes.
const axeRun = `axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
  nodes: v.nodes.slice(0, 4).map(n => ({target: n.target, html: n.html})),
})))`

// axeViolation is one rule that failed, as axeRun returns it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Count  int    `json:"count"`
	Nodes  []struct {
		Target json.RawMessage `json:"target"`
		HTML   string          `json:"html"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s [%s]: %s (%d elements)", v.ID, v.Impact, v.Help, v.Count)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n        %s  %.160s", n.Target, n.HTML)
	}
	return b.String()
}

// TestAxe runs axe-core on one page of each type, and on an article in
// every eye-care colour and in large-text mode.
func TestAxe(t *testing.T) {
	needLong(t)
	src := axeSource(t)
	c, b := setup(t)
	eachPageType(t, c, b, func(t *testing.T, pt pageType) { checkAxe(t, b, src, pt.path) })

	page := article(t, c)
	t.Run("article-eyecare", func(t *testing.T) {
		b.fresh(t, page)
		colors := must[[]string](t, b, `[...document.querySelectorAll('button[data-eyecare]')].map(b => b.dataset.color || '')`)
		if len(colors) == 0 {
			t.Fatalf("%s has no button[data-eyecare] (reader-tools contract)", page)
		}
		for i, color := range colors {
			t.Run(strings.TrimPrefix(color, "#"), func(t *testing.T) {
				must[chromedp.Void](t, b, fmt.Sprintf(`document.querySelectorAll('button[data-eyecare]')[%d].click()`, i))
				checkAxe(t, b, src, page+" in eye-care colour "+color)
			})
		}
	})
	t.Run("article-elder", func(t *testing.T) {
		b.fresh(t, page)
		if !must[bool](t, b, `!!document.querySelector('#elder-toggle')`) {
			t.Fatalf("%s has no #elder-toggle (large-text mode contract)", page)
		}
		must[chromedp.Void](t, b, `document.querySelector('#elder-toggle').click()`)
		checkAxe(t, b, src, page+" in large-text mode")
	})
}

// checkAxe injects axe-core into the loaded page and reports every
// violation as an error.
func checkAxe(t *testing.T, b *tab, src, what string) {
	t.Helper()
	if !must[bool](t, b, `typeof axe === 'object'`) {
		must[chromedp.Void](t, b, src)
	}
	violations := must[[]axeViolation](t, b, axeRun)
	for _, v := range violations {
		t.Errorf("%s: %s", what, v)
	}
}
