package site

import (
	"path"
	"strings"
	"unicode"
)

// Slug turns a file, folder or term name into one URL path segment.
//
// The rule (documented in the README's content guide): Chinese and other
// letters and digits are kept as they are, so 政策解读.md becomes
// /政策解读/; ASCII letters are lower-cased; spaces, underscores and runs of
// punctuation become a single "-"; "-" at either end is dropped; "." is kept
// between letters (v1.2) and is otherwise part of a run of punctuation
// ("1. 概述" → "1-概述"). A name with nothing left becomes "page". The
// rule depends only on the name, so URLs are stable from build to build.
func Slug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	dots := 0 // dots after a letter, written only when a letter follows
	for _, r := range name {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
		case r == '.':
			if b.Len() > 0 && !dash {
				dots++
			}
			continue
		default:
			// "1. 概述": the dot is part of the run of punctuation.
			dots = 0
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		for ; dots > 0; dots-- {
			b.WriteByte('.')
		}
		b.WriteRune(r)
		dash = false
	}
	s := strings.Trim(b.String(), "-.")
	if s == "" {
		return "page"
	}
	return s
}

// slugPath applies Slug to every segment of a slash-separated content path.
func slugPath(dir string) string {
	if dir == "" {
		return ""
	}
	parts := strings.Split(dir, "/")
	for i, p := range parts {
		parts[i] = Slug(p)
	}
	return strings.Join(parts, "/")
}

// dirURL is the site path of a folder-style page: "/a/b/" for "a/b", "/" for "".
func dirURL(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// cleanURL normalises a front-matter url to a site path. A path with a file
// extension (/about.html) names a file; any other path, and any path
// written with a trailing slash (/docs/v1.2/), names a folder and gets a
// trailing slash.
func cleanURL(u string) string {
	u = strings.TrimSpace(u)
	folder := strings.HasSuffix(u, "/")
	u = path.Clean("/" + u)
	if path.Ext(u) != "" && !folder {
		return u
	}
	return dirURL(u)
}

// OutputFile is the file, relative to public/, that serves the site path p:
// "/news/a/" → "news/a/index.html", "/about.html" → "about.html".
func OutputFile(p string) string {
	if strings.HasSuffix(p, "/") {
		return strings.TrimPrefix(p, "/") + "index.html"
	}
	return strings.TrimPrefix(p, "/")
}
