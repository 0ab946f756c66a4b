package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// actionTimeout bounds every browser step of a test.
const actionTimeout = 60 * time.Second

// browser returns the headless Chromium shared by the tests of this
// binary, started on first use with a fresh profile folder.
func browser(t *testing.T) context.Context {
	t.Helper()
	needLong(t)
	exe := chromiumPath(t)
	root := tempRoot(t)
	fx.browserOnce.Do(func() {
		profile := filepath.Join(root, "chromium-profile")
		if fx.browserErr = os.Mkdir(profile, 0o700); fx.browserErr != nil {
			return
		}
		alloc, stopAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(exe),
			chromedp.Flag("headless", true),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.UserDataDir(profile),
		)
		ctx, stopBrowser := chromedp.NewContext(alloc)
		fx.browser = ctx
		fx.stopBrowser = func() { stopBrowser(); stopAlloc() }
		if err := chromedp.Do(ctx); err != nil {
			fx.browserErr = fmt.Errorf("starting %s: %w", exe, err)
		}
	})
	if fx.browserErr != nil {
		t.Fatal(fx.browserErr)
	}
	return fx.browser
}

// setup checks for Chromium, starts nginx, crawls the site (once per test
// binary) and opens a tab.
func setup(t *testing.T) (*crawlResult, *tab) {
	t.Helper()
	needLong(t)
	chromiumPath(t)
	s := startServer(t)
	c := crawlSite(t, s)
	return c, newTab(t, s)
}

// tab is one browser tab, in a browser context of its own (so storage
// such as localStorage starts empty), closed when the test ends.
type tab struct {
	ctx context.Context
	s   *server
}

// newTab opens a tab with a 1280×900 viewport, focus emulated (so :focus
// styles apply as in a focused window) and every request that does not go
// to 127.0.0.1 blocked.
func newTab(t *testing.T, s *server) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t), chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	b := &tab{ctx: ctx, s: s}
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatalf("opening a tab: %v", err)
	}
	block := network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: "http://127.0.0.1:*/*", Block: false},
		{URLPattern: "*://*:*/*", Block: true},
	}}
	err := b.do(
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, network.SetBlockedURLs, block)
			return err
		}),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
			return err
		}),
		chromedp.EmulateViewport(1280, 900),
	)
	if err != nil {
		t.Fatalf("setting up the tab: %v", err)
	}
	return b
}

// do runs actions in the tab, within actionTimeout.
func (b *tab) do(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// open loads the site path (such as "/news/") and waits for its load
// event; the page must answer 200.
func (b *tab) open(sitePath string) error {
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.s.url(sitePath)))
	if err != nil {
		return fmt.Errorf("loading %s: %w", sitePath, err)
	}
	if resp.Status != 200 {
		return fmt.Errorf("%s answers %d %s", sitePath, resp.Status, resp.StatusText)
	}
	return nil
}

// fresh loads the site path with the site's localStorage cleared, as on
// a first visit.
func (b *tab) fresh(t *testing.T, sitePath string) {
	t.Helper()
	if err := b.open(sitePath); err != nil {
		t.Fatal(err)
	}
	must[chromedp.Void](t, b, `localStorage.clear()`)
	if err := b.open(sitePath); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the tab's page and decodes
// its value (awaiting it when it is a promise).
func eval[T any](b *tab, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// must evaluates expr and ends the test if that fails.
func must[T any](t *testing.T, b *tab, expr string) T {
	t.Helper()
	v, err := eval[T](b, expr)
	if err != nil {
		t.Fatalf("evaluating %.100q: %v", strings.TrimPrefix(expr, jsPrefix), err)
	}
	return v
}

// click clicks the element with the mouse, as a visitor would; it must be
// there and visible.
func (b *tab) click(t *testing.T, sel string) {
	t.Helper()
	if !must[bool](t, b, js(`visible(document.querySelector(%s))`, jsString(sel))) {
		t.Fatalf("%s is missing or not visible", sel)
	}
	if err := b.do(chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// scripts turns the page's JavaScript on or off for the next loads.
func (b *tab) scripts(t *testing.T, on bool) {
	t.Helper()
	err := b.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}
