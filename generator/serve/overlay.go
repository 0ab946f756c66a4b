package serve

import (
	"bytes"
	"errors"
	"html/template"

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
		v := errorView{Location: d.Location(), Message: "错误:" + d.Message, Hint: d.Hint}
		for _, l := range d.Excerpt {
			lv := lineView{Num: l.Num, Text: l.Text, Here: l.Num == d.Line}
			if lv.Here {
				lv.Col = d.Col
			}
			v.Lines = append(v.Lines, lv)
		}
		views = append(views, v)
	}
	return views, errs.Dropped
}

// errorPage is served, with status 500, for every page while no build
// has succeeded yet. The live-reload script reloads it once the site is
// fixed.
var errorPage = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>构建出错 · yipin 预览</title></head>
<body>
<div id="yipin-overlay" role="alert" style="position:fixed;inset:0;overflow:auto;background:#fff8f6;color:#1a1a1a;padding:24px;font:16px/1.6 system-ui,sans-serif;z-index:2147483647">
<h1 style="color:#b3261e;font-size:22px;margin:0 0 8px">网站构建出错,修改并保存后会自动刷新</h1>
{{range .Errors}}<section style="margin:16px 0;padding:12px;border-left:4px solid #b3261e;background:#fff">
<p style="margin:0;font-weight:bold">{{if .Location}}{{.Location}}: {{end}}{{.Message}}</p>
{{if .Lines}}<pre style="margin:8px 0;padding:8px;background:#f4f4f4;overflow:auto;font:14px/1.5 monospace">{{range .Lines}}{{if .Here}}<mark>&gt; {{.Num}} | {{.Text}}</mark>{{else}}  {{.Num}} | {{.Text}}{{end}}
{{end}}</pre>{{end}}
{{if .Hint}}<p style="margin:0">提示:{{.Hint}}</p>{{end}}
</section>{{end}}
{{if .More}}<p>……另有 {{.More}} 个错误未列出</p>{{end}}
</div>
</body>
</html>
`))

// renderErrorPage is the error page for err, with the live script.
func renderErrorPage(err error) []byte {
	views, more := errorViews(err)
	var buf bytes.Buffer
	if e := errorPage.Execute(&buf, struct {
		Errors []errorView
		More   int
	}{views, more}); e != nil {
		buf.Reset()
		buf.WriteString("<!DOCTYPE html><title>构建出错</title><body><p>网站构建出错,请查看终端。</p></body>")
	}
	return injectScript(buf.Bytes())
}
