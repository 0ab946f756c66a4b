// Package chart draws charts as inline SVG at build time: no JavaScript,
// no fonts of its own (text uses the page's font), colours set through
// classes the theme may restyle, with fills as a fallback. Every chart is
// an accessible image (role="img" with a title and description); pages
// show the same numbers in a table beside it.
package chart

import (
	"fmt"
	"html/template"
	"strings"
)

// Bar is one bar of a bar chart.
type Bar struct {
	Label string  // text left of the bar: "区财政局"
	Value float64 // length of the bar
	Text  string  // the value as shown after the bar: "91.85"
	Note  string  // shown after the value, e.g. "并列"
}

// Bars is a horizontal bar chart.
type Bars struct {
	ID    string // unique on the page; prefixes the ids of title and desc
	Title string // what the chart shows
	Desc  string // a sentence for screen readers: what to read from it
	Max   float64
	Bars  []Bar
}

// Geometry of a chart, in SVG user units (the chart scales to its box).
const (
	width    = 640
	labelEnd = 150 // labels are right-aligned to here
	barStart = 160
	barSpan  = 360 // the longest bar; leaves room for the value text
	rowH     = 36
	barH     = 22
	pad      = 8
)

// SVG is the chart as an <svg> element.
func (c Bars) SVG() template.HTML {
	max := c.Max
	for _, b := range c.Bars {
		if c.Max <= 0 && b.Value > max {
			max = b.Value
		}
	}
	height := len(c.Bars)*rowH + 2*pad
	esc := template.HTMLEscapeString
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bars" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc">`,
		width, height, esc(c.ID), esc(c.ID))
	fmt.Fprintf(&s, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(c.ID), esc(c.Title), esc(c.ID), esc(c.Desc))
	for i, b := range c.Bars {
		y := pad + i*rowH
		w := 0.0
		if max > 0 && b.Value > 0 {
			w = min(b.Value/max, 1) * barSpan
		}
		mid := y + rowH/2
		fmt.Fprintf(&s, `<text class="chart-label" x="%d" y="%d" text-anchor="end" dominant-baseline="middle" fill="#1f1f1f">%s</text>`,
			labelEnd, mid, esc(b.Label))
		fmt.Fprintf(&s, `<rect class="chart-bar" x="%d" y="%d" width="%.1f" height="%d" fill="#a8161b"/>`,
			barStart, mid-barH/2, w, barH)
		text := b.Text
		if b.Note != "" {
			text += " " + b.Note
		}
		fmt.Fprintf(&s, `<text class="chart-value" x="%.1f" y="%d" dominant-baseline="middle" fill="#1f1f1f">%s</text>`,
			float64(barStart)+w+6, mid, esc(text))
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}
