package chart

import (
	"encoding/xml"
	"strings"
	"testing"
)

type svgDoc struct {
	Role  string `xml:"role,attr"`
	Label string `xml:"aria-labelledby,attr"`
	Title struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"title"`
	Desc struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"desc"`
	Rects []struct {
		Width float64 `xml:"width,attr"`
	} `xml:"rect"`
	Texts []string `xml:"text"`
}

func TestBarsSVG(t *testing.T) {
	c := Bars{ID: "board-经济", Title: "2025 年经济类攀高指数", Desc: "区财政局第一,91.85 分", Max: 100,
		Bars: []Bar{{"区财政局", 91.85, "91.85", ""}, {"区发改局<&>", 88, "88.00", "并列"}, {"零", 0, "0.00", ""}, {"超", 150, "150", ""}}}
	var doc svgDoc
	if err := xml.Unmarshal([]byte(c.SVG()), &doc); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, c.SVG())
	}
	if doc.Role != "img" || doc.Label != "board-经济-title board-经济-desc" || doc.Title.ID != "board-经济-title" ||
		doc.Desc.ID != "board-经济-desc" || doc.Title.Text != c.Title || doc.Desc.Text != c.Desc {
		t.Errorf("accessible names wrong: %+v", doc)
	}
	if len(doc.Rects) != 4 {
		t.Fatalf("%d bars", len(doc.Rects))
	}
	want := []float64{91.85 * barSpan / 100, 88.0 * barSpan / 100, 0, barSpan}
	for i, r := range doc.Rects {
		if diff := r.Width - want[i]; diff > 0.06 || diff < -0.06 {
			t.Errorf("bar %d width %.2f, want %.2f", i, r.Width, want[i])
		}
	}
	texts := strings.Join(doc.Texts, "|")
	if !strings.Contains(texts, "区发改局<&>|88.00 并列") || !strings.Contains(texts, "区财政局|91.85") {
		t.Errorf("texts = %s", texts)
	}
}

func TestBarsScaleToLongestWithoutMax(t *testing.T) {
	c := Bars{ID: "x", Bars: []Bar{{"甲", 50, "50", ""}, {"乙", 25, "25", ""}}}
	var doc svgDoc
	if err := xml.Unmarshal([]byte(c.SVG()), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Rects[0].Width != barSpan || doc.Rects[1].Width != barSpan/2 {
		t.Errorf("widths %v", doc.Rects)
	}
	if empty := (Bars{ID: "e"}).SVG(); !strings.Contains(string(empty), `viewBox="0 0 640 16"`) {
		t.Errorf("empty chart = %s", empty)
	}
}
