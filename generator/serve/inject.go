package serve

import (
	"bytes"
	_ "embed"
)

// Reserved paths of the preview server. They are outside every site:
// they are answered before the site's files are looked up, whatever the
// site's base path.
const (
	reservedPrefix = "/__yipin/"
	eventsPath     = reservedPrefix + "events"
	scriptPath     = reservedPrefix + "live.js"
)

// liveScript connects to eventsPath and reloads the page, swaps its
// stylesheets, or shows the build errors.
//
//go:embed live.js
var liveScript []byte

// scriptTag is what every served HTML page gets before </body>. Only the
// preview server adds it; `yipin build` output never has it.
const scriptTag = `<script src="` + scriptPath + `"></script>`

// injectScript returns a copy of page with the live script before its last
// </body>, or at the end when it has none.
func injectScript(page []byte) []byte {
	i := lastBodyEnd(page)
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	return append(out, page[i:]...)
}

// lastBodyEnd is the index of the last "</body>" in page, in any case, or
// len(page).
func lastBodyEnd(page []byte) int {
	const tag = "</body>"
	for i := len(page) - len(tag); i >= 0; i-- {
		if page[i] == '<' && bytes.EqualFold(page[i:i+len(tag)], []byte(tag)) {
			return i
		}
	}
	return len(page)
}
