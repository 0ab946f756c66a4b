package browsertest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// touchTargets are the controls that must be large enough to tap (WCAG
// 2.5.5, and the 长辈版 guidelines for elder mode). Links in running text
// and the skip link are exempt.
const touchTargets = `.reader-tools button, #elder-toggle, .main-nav a, .pager a, .search-form input, .search-form button`

// TestReaderControls checks the reader tools of an article page against
// the theme's contract: font size, eye-care colours, print, 长辈版 (large
// text), that the choices survive a reload, and the size of touch targets.
func TestReaderControls(t *testing.T) {
	c, b := setup(t)
	page := article(t, c)

	t.Run("hidden-without-js", func(t *testing.T) {
		b.scripts(t, false)
		defer b.scripts(t, true)
		if err := b.open(page); err != nil {
			t.Fatal(err)
		}
		for _, sel := range []string{".reader-tools", "#elder-toggle"} {
			if must[bool](t, b, js(`visible(document.querySelector(%s))`, jsString(sel))) {
				t.Errorf("without JavaScript %s is shown, but its buttons cannot work; give it the hidden attribute and let the script show it", sel)
			}
		}
	})

	t.Run("visible-with-js", func(t *testing.T) {
		b.fresh(t, page)
		switch must[string](t, b, js(`(el => !el ? 'missing' : visible(el) ? 'ok' : 'hidden')(document.querySelector('.reader-tools'))`)) {
		case "missing":
			t.Fatalf("%s has no .reader-tools", page)
		case "hidden":
			t.Fatalf("%s: .reader-tools is still hidden after the script ran", page)
		}
	})

	t.Run("font-size", func(t *testing.T) {
		b.fresh(t, page)
		if !must[bool](t, b, `!!document.querySelector('.article-body')`) {
			t.Fatalf("%s has no .article-body", page)
		}
		sizes := map[string]float64{}
		for _, v := range []string{"large", "medium", "small"} {
			b.click(t, `button[data-font="`+v+`"]`)
			st := must[struct {
				Size    float64  `json:"size"`
				Pressed []string `json:"pressed"`
			}](t, b, js(`{size: parseFloat(style('.article-body', 'fontSize')),
				pressed: [...document.querySelectorAll('button[data-font][aria-pressed="true"]')].map(b => b.dataset.font)}`))
			if !slices.Equal(st.Pressed, []string{v}) {
				t.Errorf("after clicking button[data-font=%s], the buttons with aria-pressed=true are %v, want only %s", v, st.Pressed, v)
			}
			sizes[v] = st.Size
		}
		t.Logf(".article-body font-size: large %gpx, medium %gpx, small %gpx", sizes["large"], sizes["medium"], sizes["small"])
		if !(sizes["large"] > sizes["medium"] && sizes["medium"] > sizes["small"]) {
			t.Errorf(".article-body font-size: large %gpx, medium %gpx, small %gpx; want large > medium > small", sizes["large"], sizes["medium"], sizes["small"])
		}
	})

	t.Run("eye-care", func(t *testing.T) {
		b.fresh(t, page)
		buttons := eyecareButtons(t, b)
		if !slices.ContainsFunc(buttons, func(e eyecare) bool { return strings.EqualFold(e.Color, "#FFFFFF") }) {
			t.Errorf("no eye-care button with data-color=#FFFFFF (the default)")
		}
		for _, e := range buttons {
			want, ok := rgb(e.Color)
			if !ok {
				t.Errorf("button[data-eyecare=%s] has data-color=%q, want a hex colour like #FAF9DE", e.Value, e.Color)
				continue
			}
			b.click(t, e.selector())
			st := must[struct {
				Background string   `json:"background"`
				Pressed    []string `json:"pressed"`
			}](t, b, js(`{background: style('.article', 'backgroundColor'),
				pressed: [...document.querySelectorAll('button[data-eyecare][aria-pressed="true"]')].map(b => b.dataset.eyecare)}`))
			if st.Background != want {
				t.Errorf("after clicking %s (%s), .article background-color is %q, want %s", e.selector(), e.Color, st.Background, want)
			}
			if !slices.Equal(st.Pressed, []string{e.Value}) {
				t.Errorf("after clicking %s, the eye-care buttons with aria-pressed=true are %v, want only %s", e.selector(), st.Pressed, e.Value)
			}
		}
	})

	t.Run("print", func(t *testing.T) {
		b.fresh(t, page)
		must[chromedp.Void](t, b, `window.__printCalls = 0; window.print = () => { window.__printCalls++; }`)
		b.click(t, `button[data-action="print"]`)
		if n := must[int](t, b, `window.__printCalls`); n != 1 {
			t.Errorf("clicking the print button called window.print %d times, want 1", n)
		}
	})

	t.Run("elder-mode", func(t *testing.T) {
		b.fresh(t, page)
		type elder struct {
			Exists   bool    `json:"exists"`
			InHeader bool    `json:"inHeader"`
			Pressed  string  `json:"pressed"`
			On       bool    `json:"on"`
			BodySize float64 `json:"bodySize"`
		}
		state := func() elder {
			return must[elder](t, b, js(`(el => ({exists: !!el, inHeader: !!el && !!el.closest('header'), pressed: el ? el.getAttribute('aria-pressed') : '',
				on: document.documentElement.classList.contains('elder'), bodySize: parseFloat(style('body', 'fontSize'))}))(document.querySelector('#elder-toggle'))`))
		}
		if st := state(); !st.Exists {
			t.Fatalf("%s has no #elder-toggle", page)
		} else if !st.InHeader {
			t.Errorf("#elder-toggle is not inside the page header")
		} else if st.Pressed != "false" || st.On {
			t.Errorf("before any click: aria-pressed=%q, html.elder %v; want false, off", st.Pressed, st.On)
		}
		b.click(t, "#elder-toggle")
		if st := state(); st.Pressed != "true" || !st.On || st.BodySize < 18 {
			t.Errorf("after one click: aria-pressed=%q, html.elder %v, body font-size %gpx; want true, on, ≥ 18px", st.Pressed, st.On, st.BodySize)
		}
		b.click(t, "#elder-toggle")
		if st := state(); st.Pressed != "false" || st.On {
			t.Errorf("after a second click: aria-pressed=%q, html.elder %v; want false, off", st.Pressed, st.On)
		}
	})

	t.Run("survives-reload", func(t *testing.T) {
		b.fresh(t, page)
		var tint eyecare
		for _, e := range eyecareButtons(t, b) {
			if !strings.EqualFold(e.Color, "#FFFFFF") {
				tint = e
				break
			}
		}
		if tint.Value == "" {
			t.Fatal("no eye-care button with a colour other than #FFFFFF")
		}
		b.click(t, `button[data-font="large"]`)
		b.click(t, tint.selector())
		b.click(t, "#elder-toggle")
		const read = `{font: style('.article-body', 'fontSize'), background: style('.article', 'backgroundColor'),
			elder: document.documentElement.classList.contains('elder'),
			pressed: [...document.querySelectorAll('[aria-pressed="true"]')].map(describe)}`
		type state struct {
			Font       string   `json:"font"`
			Background string   `json:"background"`
			Elder      bool     `json:"elder"`
			Pressed    []string `json:"pressed"`
		}
		before := must[state](t, b, js(read))
		if err := b.do(chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		after := must[state](t, b, js(read))
		if want, _ := rgb(tint.Color); before.Background != want || !before.Elder {
			t.Errorf("before the reload: background %s, elder %v; want %s, on", before.Background, before.Elder, want)
		}
		if after.Font != before.Font || after.Background != before.Background || after.Elder != before.Elder || !slices.Equal(after.Pressed, before.Pressed) {
			t.Errorf("large font, eye-care %s and elder mode do not survive a reload:\nbefore %+v\nafter  %+v", tint.Color, before, after)
		}
	})

	for _, elder := range []bool{false, true} {
		name, minW, minH := "touch-targets", 44.0, 44.0
		if elder {
			name, minH = "touch-targets-elder", 60
		}
		t.Run(name, func(t *testing.T) {
			for _, path := range []string{page, "/news/"} {
				b.fresh(t, path)
				if elder {
					b.click(t, "#elder-toggle")
				}
				targets := must[[]struct {
					What string  `json:"what"`
					W    float64 `json:"w"`
					H    float64 `json:"h"`
				}](t, b, js(`[...document.querySelectorAll(%s)].filter(visible).map(el => {
					const r = el.getBoundingClientRect(); return {what: describe(el), w: r.width, h: r.height}; })`, jsString(touchTargets)))
				t.Logf("%s: %d touch targets", path, len(targets))
				if len(targets) == 0 {
					t.Errorf("%s: no visible control matches %s", path, touchTargets)
				}
				for _, g := range targets {
					if g.W < minW-0.5 || g.H < minH-0.5 {
						t.Errorf("%s: %s is %.1f×%.1f px, want at least %g×%g", path, g.What, g.W, g.H, minW, minH)
					}
				}
			}
		})
	}
}

// eyecare is one eye-care button: its data-eyecare and data-color.
type eyecare struct {
	Value string `json:"value"`
	Color string `json:"color"`
}

func (e eyecare) selector() string { return `button[data-eyecare=` + jsString(e.Value) + `]` }

// eyecareButtons lists the page's eye-care buttons; there must be some.
func eyecareButtons(t *testing.T, b *tab) []eyecare {
	t.Helper()
	buttons := must[[]eyecare](t, b, `[...document.querySelectorAll('button[data-eyecare]')].map(b => ({value: b.dataset.eyecare, color: b.dataset.color || ''}))`)
	if len(buttons) == 0 {
		t.Fatal("the page has no button[data-eyecare]")
	}
	return buttons
}

// rgb turns "#FAF9DE" or "#FFF" into the computed-style form
// "rgb(250, 249, 222)".
func rgb(hex string) (string, bool) {
	h, ok := strings.CutPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if !ok || len(h) != 6 || err != nil {
		return "", false
	}
	return fmt.Sprintf("rgb(%d, %d, %d)", n>>16, n>>8&0xff, n&0xff), true
}
