package markdown

import (
	"reflect"
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
		if len(r.Diagnostics) != 0 {
			t.Errorf("unexpected diagnostics: %v", r.Diagnostics)
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
