package markdown

import (
	"reflect"
	"strings"
	"testing"

	"yipin/generator/diag"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"总体要求", "总体要求"},
		{"一、总体要求", "一总体要求"},
		{"（一）指导思想", "一指导思想"},
		{"Hello World!", "hello-world"},
		{"COVID-19 防控", "covid-19-防控"},
		{"snake_case  and -- dashes", "snake-case-and-dashes"},
		{"第 1 章：概述", "第-1-章概述"},
		{"“两个确立”的决定性意义", "两个确立的决定性意义"},
		{"  -- 前后 --  ", "前后"},
		{"Ελληνικά Русский", "ελληνικά-русский"},
		{"日本語の見出し", "日本語の見出し"},
		{"한국어 제목", "한국어-제목"},
		{"！？。", "section"},
		{"", "section"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	src := "# 关于开展主题教育的通知\n\n" +
		"## 一、总体要求\n\n" +
		"## 一、总体要求\n\n" +
		"### 一、总体要求\n\n" +
		"## **重点**`任务`与[措施](/a/)\n\n" +
		"## 总结 {#summary}\n\n" +
		"## summary\n\n" +
		"## ！！！\n\n" +
		"## ？？？\n\n" +
		"## 后记 {#一总体要求-3}\n"
	want := []Heading{
		{1, "关于开展主题教育的通知", "关于开展主题教育的通知"},
		{2, "一总体要求", "一、总体要求"},
		{2, "一总体要求-1", "一、总体要求"},
		{3, "一总体要求-2", "一、总体要求"},
		{2, "重点任务与措施", "重点任务与措施"},
		{2, "summary", "总结"},
		{2, "summary-1", "summary"}, // the explicit ID was claimed first
		{2, "section", "！！！"},
		{2, "section-1", "？？？"},
		{2, "一总体要求-3", "后记"},
	}
	c := New(Options{})
	for run := range 3 { // the same on every run
		r := c.Convert(Document{Body: []byte(src)})
		if !reflect.DeepEqual(r.Headings, want) {
			t.Fatalf("run %d headings:\n got %v\nwant %v", run, r.Headings, want)
		}
		// The one about "## summary" losing its ID to {#summary}.
		if len(r.Diagnostics) != 1 || r.Diagnostics[0].Line != 13 {
			t.Errorf("diagnostics: %v", r.Diagnostics)
		}
	}
	html := body(t, Options{}, "## 一、总体要求\n\n## 总结 {#summary}")
	if want := "<h2 id=\"一总体要求\">一、总体要求</h2>\n<h2 id=\"summary\">总结</h2>\n"; html != want {
		t.Errorf("html:\n got %q\nwant %q", html, want)
	}
}

func TestDuplicateExplicitID(t *testing.T) {
	r := New(Options{}).Convert(Document{File: "a.md", BodyLine: 3, Body: []byte("## 甲 {#x}\n\n## 乙 {#x}\n")})
	if len(r.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %v", r.Diagnostics)
	}
	d := r.Diagnostics[0]
	if d.Location() != "a.md:5:1" || d.Severity != diag.Warning {
		t.Errorf("diagnostic: %+v", d)
	}
}

// An explicit ID written later on the page wins over an ID made from a
// heading's text, and the author is told where links now go.
func TestExplicitIDTakesAutoID(t *testing.T) {
	src := "## 成效\n\n[跳转](#成效)\n\n## 其他 {#成效}\n"
	r := New(Options{}).Convert(Document{File: "a.md", BodyLine: 3, Body: []byte(src)})
	want := []Heading{{2, "成效-1", "成效"}, {2, "成效", "其他"}}
	if !reflect.DeepEqual(r.Headings, want) {
		t.Errorf("headings: %v", r.Headings)
	}
	if len(r.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %v", r.Diagnostics)
	}
	d := r.Diagnostics[0]
	if d.Location() != "a.md:3:1" || d.Severity != diag.Warning ||
		!strings.Contains(d.Message, "第 7 行") || !strings.Contains(d.Message, "成效-1") {
		t.Errorf("diagnostic: %v at %s", d, d.Location())
	}
	// Repeated headings alone are numbered without a word.
	r = New(Options{}).Convert(Document{Body: []byte("## 成效\n\n## 成效\n\n## 甲 {#成效-1}\n")})
	want = []Heading{{2, "成效", "成效"}, {2, "成效-2", "成效"}, {2, "成效-1", "甲"}}
	if !reflect.DeepEqual(r.Headings, want) || len(r.Diagnostics) != 0 {
		t.Errorf("headings %v, diagnostics %v", r.Headings, r.Diagnostics)
	}
}

// A heading without text gets no made-up ID, stays out of the TOC, and
// the author is warned.
func TestEmptyHeading(t *testing.T) {
	r := New(Options{}).Convert(Document{File: "a.md", BodyLine: 2, Body: []byte("## 一\n\n##\n\n## 二\n\n## {#x}\n")})
	want := []Heading{{2, "一", "一"}, {2, "", ""}, {2, "二", "二"}, {2, "x", ""}}
	if !reflect.DeepEqual(r.Headings, want) {
		t.Errorf("headings: %v", r.Headings)
	}
	if html := string(r.HTML); !strings.Contains(html, "<h2></h2>") || strings.Contains(html, "section") {
		t.Errorf("html: %s", html)
	}
	if toc := string(r.TOC); toc != "<ul>\n<li><a href=\"#一\">一</a></li>\n<li><a href=\"#二\">二</a></li>\n</ul>\n" {
		t.Errorf("toc: %q", toc)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Location() != "a.md:4:1" || r.Diagnostics[0].Severity != diag.Warning {
		t.Errorf("diagnostics: %v", r.Diagnostics)
	}
}
