package site

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Chinese kept", "政策解读", "政策解读"},
		{"Chinese and ASCII mixed", "2024年工作要点", "2024年工作要点"},
		{"ASCII lower-cased", "HelloWorld", "helloworld"},
		{"space becomes dash", "Hello World", "hello-world"},
		{"underscore becomes dash", "zhuti_dangri", "zhuti-dangri"},
		{"run of spaces and punctuation is one dash", "a  _-,!  b", "a-b"},
		{"Chinese punctuation becomes dash", "党建，学习、教育", "党建-学习-教育"},
		{"book title marks become dash", "《条例》解读", "条例-解读"},
		{"leading and trailing dashes trimmed", "--a b--", "a-b"},
		{"leading and trailing spaces trimmed", "  政策  ", "政策"},
		{"only punctuation is page", "!!!", "page"},
		{"empty is page", "", "page"},
		{"only dots is page", "...", "page"},
		{"dot kept between letters", "v1.2", "v1.2"},
		{"dot kept before extension-like part", "Report.PDF", "report.pdf"},
		{"leading dot dropped", ".hidden", "hidden"},
		{"trailing dot dropped", "end.", "end"},
		{"dot after dash dropped", "a - .b", "a-b"},
		{"dot before a space is part of the run", "1. 概述", "1-概述"},
		{"dot before punctuation is part of the run", "v1.,Intro", "v1-intro"},
		{"dots between letters all kept", "a..b", "a..b"},
		{"several dots in a version", "V1.2.3", "v1.2.3"},
		{"dot-dot is never a segment", "..", "page"},
		{"slash is not kept", "a/b", "a-b"},
		{"backslash is not kept", `a\b`, "a-b"},
		{"non-ASCII upper case kept as written", "Ärger", "Ärger"},
		{"full-width letters and digits kept", "ＡＢ１２", "ＡＢ１２"},
		{"combining mark kept", "e\u0301t\u00e9", "e\u0301t\u00e9"},
		{"emoji dropped", "党建🚩品牌", "党建-品牌"},
		{"digits kept", "145", "145"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSlugIsIdempotent(t *testing.T) {
	for _, in := range []string{"Hello World", "政策解读", "v1.2", "a - .b", "1. 概述", "《条例》解读", "", "ＡＢ", "a..b"} {
		once := Slug(in)
		if twice := Slug(once); twice != once {
			t.Errorf("Slug(Slug(%q)) = %q, want %q", in, twice, once)
		}
	}
}

func TestSlug0(t *testing.T) {
	if got := Slug0(""); got != "" {
		t.Errorf(`Slug0("") = %q, want ""`, got)
	}
	if got := Slug0("News"); got != "news" {
		t.Errorf(`Slug0("News") = %q, want "news"`, got)
	}
}

func TestSlugPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"news", "news"},
		{"News/2024 Q1/政策 解读", "news/2024-q1/政策-解读"},
	}
	for _, tt := range tests {
		if got := slugPath(tt.in); got != tt.want {
			t.Errorf("slugPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDirURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "/"},
		{"/", "/"},
		{"news", "/news/"},
		{"/news/", "/news/"},
		{"news/2024", "/news/2024/"},
		{"//news//", "/news/"},
	}
	for _, tt := range tests {
		if got := dirURL(tt.in); got != tt.want {
			t.Errorf("dirURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"folder gets slashes", "about", "/about/"},
		{"folder keeps slashes", "/special/qinglian/", "/special/qinglian/"},
		{"empty is root", "", "/"},
		{"root", "/", "/"},
		{"spaces trimmed", "  /about/  ", "/about/"},
		{"file keeps its name", "/about.html", "/about.html"},
		{"file without leading slash", "old/page.html", "/old/page.html"},
		{"double slashes collapsed", "//a//b", "/a/b/"},
		{"dot segments cleaned", "/a/./b/../c", "/a/c/"},
		{"cannot climb above the root", "../../etc/passwd", "/etc/passwd/"},
		{"Chinese kept", "/专题/清廉机关/", "/专题/清廉机关/"},
		// A trailing slash says "folder", even when the last segment has a dot.
		{"folder with a dot and a slash", "/docs/v1.2/", "/docs/v1.2/"},
		{"dot without a slash is a file", "/docs/v1.2", "/docs/v1.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanURL(tt.in); got != tt.want {
				t.Errorf("cleanURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "index.html"},
		{"/news/", "news/index.html"},
		{"/news/政策解读/", "news/政策解读/index.html"},
		{"/news/page/2/", "news/page/2/index.html"},
		{"/404.html", "404.html"},
		{"/old/page.html", "old/page.html"},
	}
	for _, tt := range tests {
		if got := OutputFile(tt.in); got != tt.want {
			t.Errorf("OutputFile(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSlug checks the properties URLs rely on: one safe, non-empty path
// segment without runs of dashes, the same when slugged again.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"政策解读", "Hello World", "v1.2", "1. 概述", "..", "../etc", "a/b", "", "\xff\xfe", "--a__b--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := Slug(in)
		switch {
		case s == "":
			t.Fatalf("Slug(%q) is empty", in)
		case strings.ContainsAny(s, "/\\ _"), strings.Contains(s, "--"):
			t.Fatalf("Slug(%q) = %q", in, s)
		case strings.HasPrefix(s, "-"), strings.HasSuffix(s, "-"), strings.HasPrefix(s, "."), strings.HasSuffix(s, "."):
			t.Fatalf("Slug(%q) = %q has a separator at an end", in, s)
		case !utf8.ValidString(s):
			t.Fatalf("Slug(%q) = %q is not valid UTF-8", in, s)
		case Slug(s) != s:
			t.Fatalf("Slug(%q) = %q, but Slug(%q) = %q", in, s, s, Slug(s))
		}
	})
}
