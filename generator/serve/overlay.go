package serve

import (
	"errors"
	"html"

	"yipin/generator/diag"
)

// errorView is one build error as the browser shows it.
type errorView struct {
	Location string     `json:"location"` // file:line:col
	Message  string     `json:"message"`  // "错误:…"
	Hint     string     `json:"hint,omitempty"`
	Lines    []lineView `json:"lines,omitempty"`
}

// lineView is one source line around an error.
type lineView struct {
	Num  int    `json:"num"`
	Text string `json:"text"`
	Here bool   `json:"here,omitempty"` // the line of the error
	Col  int    `json:"col,omitempty"`  // on that line, the column (1-based)
}

// errorViews turns a failed build's error into views, and says how many
// errors were left out.
func errorViews(err error) ([]errorView, int) {
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		return []errorView{{Message: "错误:" + err.Error()}}, 0
	}
	views := make([]errorView, 0, len(errs.List))
	for _, d := range errs.List {
		v := errorView{Location: diag.Visible(d.Location(), false), Message: "错误:" + diag.Visible(d.Message, true),
			Hint: diag.Visible(d.Hint, true)}
		for _, l := range d.Excerpt {
			lv := lineView{Num: l.Num, Text: l.Text, Here: l.Num == d.Line}
			if lv.Here {
				lv.Col = l.Caret(d.Col)
			}
			v.Lines = append(v.Lines, lv)
		}
		views = append(views, v)
	}
	return views, errs.Dropped
}

// brokenPage is served, with status 500, for every page while no build
// has succeeded yet: the errors as the terminal shows them (text, from
// failureText), and the live script, which draws its overlay over them
// and reloads the page once the site is fixed.
func brokenPage(text string) []byte {
	page := `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><title>构建出错 · yipin 预览</title></head>` +
		`<body><pre id="yipin-overlay" style="white-space:pre-wrap;font:15px/1.6 monospace;padding:16px">` +
		html.EscapeString(text) + `</pre></body></html>`
	return injectScript([]byte(page))
}
