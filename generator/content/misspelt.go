package content

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"yipin/generator/config/yamlsrc"
)

// misspelt tells which field, if any, an unknown front-matter key is a
// likely misspelling of. Free parameters may have any name, so an unknown
// key is no error in itself; but "darft: true" would quietly publish a
// draft, so a key a small edit away from a field's name is reported.
//
// Load shares one misspelt among its readers: the few distinct unknown
// keys of a site ("unit", "cover") are looked up once, not once a page.
type misspelt struct {
	names []string // the fields: KnownKeys, the taxonomies, Options.Fields

	mu     sync.Mutex
	seen   map[string]string // unknown key → the field it resembles, or ""
	warned bool              // about tags that are no taxonomy (once a load)
}

func newMisspelt(o Options) *misspelt {
	names := KnownKeys()
	if o.Taxonomies == nil {
		names = append(names, "tags")
	}
	names = append(names, o.Taxonomies...)
	names = append(names, o.Fields...)
	return &misspelt{names: names, seen: map[string]string{}}
}

// closeField is the field key is most likely a misspelling of, or "".
// A key is reported only when it is the field written another way
// (last_mod, Column-Type) or one typo away from it (darft, tgas, uri;
// two for names of 8 characters or more), so that free parameters built
// on a field's name (title_en, unit_id, source_url) stay free.
func closeField(key string, names []string) string {
	k := strings.ToLower(key)
	strip := strings.NewReplacer("_", "", "-", "", " ", "")
	limit := 1
	if utf8.RuneCountInString(k) >= 8 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, name := range names {
		if strip.Replace(k) == strip.Replace(name) {
			return name
		}
		if d := yamlsrc.Distance(k, name); d < bestDist || d == bestDist && name < best {
			best, bestDist = name, d
		}
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// warnOnce reports whether this is the first call: a site-wide warning is
// given once, not once a page.
func (m *misspelt) warnOnce() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	first := !m.warned
	m.warned = true
	return first
}

// of returns the field key resembles, or "" when key is a field itself (in
// any case: "Unit") or not like any.
func (m *misspelt) of(key string) string {
	if slices.Contains(m.names, strings.ToLower(key)) {
		return ""
	}
	m.mu.Lock()
	field, ok := m.seen[key]
	m.mu.Unlock()
	if ok {
		return field
	}
	field = closeField(key, m.names)
	m.mu.Lock()
	m.seen[key] = field
	m.mu.Unlock()
	return field
}
