// Package browsertest checks the built demo site the way visitors meet it:
// served by a real nginx under the sub-path /dangjian/ and opened in a real
// headless Chromium.
//
// The site is built once per test binary with the base URL of a free local
// port. Each test starts its own nginx on that port and stops it when it
// ends; the browser is started once and each test gets a tab in a fresh
// browser context (its own storage). Pages reach nothing but 127.0.0.1:
// every other request is blocked and reported.
//
// The tests are:
//
//   - TestCrawlUnderSubPath: every link, asset, fragment and sitemap entry
//     answers 200 under the sub-path; outside links are only the footer's.
//   - TestPagesInBrowser: every page loads without console errors or
//     outside requests.
//   - TestAxe: axe-core finds no WCAG 2.1 A/AA violations on one page of
//     each type, and on an article in each eye-care colour and in large-text
//     mode.
//   - TestReaderControls: the article's reader tools (font size, eye-care
//     colours, print, 长辈版) work, persist and have large touch targets.
//   - TestKeyboardReachesEveryControl: Tab reaches every control, the skip
//     link first, and focus is always visible.
//   - TestPrintStylesheet: printing an article drops navigation and
//     controls, prints on white, writes out link addresses and keeps
//     tables whole.
//   - TestElderModeNarrow: in large-text mode at 320 CSS px nothing is wider
//     than the window.
//   - TestHarness: the checks above catch a broken link, a missing #id, an
//     outside request, a console error and an axe violation on a tiny
//     broken site.
//
// They need chromium and nginx (apt-get install chromium nginx) and
// testdata/axe.min.js (make fixtures). Without them the tests skip, or fail
// when the environment variable CI is set. YIPIN_CHROMIUM and YIPIN_NGINX
// name other programs. -short skips them all.
package browsertest
