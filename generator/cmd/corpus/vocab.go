package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// gen is the state used while writing one piece of text: the output
// buffer, the random source and the unit the page belongs to.
type gen struct {
	b    *bytes.Buffer
	r    *rand.Rand
	v    *vocab
	unit *unit
	year int // the page's year, or 0
}

// segment is a literal followed by an optional generated value.
type segment struct {
	lit  string
	emit func(*gen)
}

// tmpl is a compiled template.
type tmpl []segment

// vocab holds everything the generator draws from. It is built once and
// only read afterwards, so it can be shared by the writer goroutines.
type vocab struct {
	units     []unit
	tags      []string
	lists     map[string][]string
	intro     []tmpl
	sentence  []tmpl
	clause    []tmpl
	closing   []tmpl
	quoteline []tmpl
	summary   []tmpl
	titles    map[kind][]tmpl
}

func newVocab() (*vocab, error) {
	v := &vocab{units: unitList(), tags: tagList(), lists: wordLists()}
	names := make([]string, 0, len(v.lists["metric"]))
	for _, m := range v.lists["metric"] {
		name, _, _ := strings.Cut(m, "（")
		names = append(names, name)
	}
	v.lists["metricname"] = names

	sets := templateSets()
	var err error
	compile := func(key string) []tmpl {
		var out []tmpl
		for _, src := range sets[key] {
			t, e := v.compile(src)
			if e != nil && err == nil {
				err = fmt.Errorf("模板 %q: %w", src, e)
			}
			out = append(out, t)
		}
		if len(out) == 0 && err == nil {
			err = fmt.Errorf("缺少模板组 %q", key)
		}
		return out
	}
	v.intro = compile("intro")
	v.sentence = compile("sentence")
	v.clause = compile("clause")
	v.closing = compile("closing")
	v.quoteline = compile("quoteline")
	v.summary = compile("summary")
	v.titles = map[kind][]tmpl{}
	for _, k := range kinds() {
		v.titles[k] = compile("title/" + k.dir())
	}
	return v, err
}

// compile splits src at each {name} and binds name to its emitter.
func (v *vocab) compile(src string) (tmpl, error) {
	var t tmpl
	for {
		open := strings.IndexByte(src, '{')
		if open < 0 {
			if src != "" {
				t = append(t, segment{lit: src})
			}
			return t, nil
		}
		end := strings.IndexByte(src[open:], '}')
		if end < 0 {
			return nil, fmt.Errorf("缺少右花括号")
		}
		name := src[open+1 : open+end]
		emit, err := v.emitter(name)
		if err != nil {
			return nil, err
		}
		t = append(t, segment{lit: src[:open], emit: emit})
		src = src[open+end+1:]
	}
}

func (v *vocab) emitter(name string) (func(*gen), error) {
	num := func(lo, hi int) func(*gen) {
		return func(g *gen) { g.writeInt(lo + g.r.IntN(hi-lo+1)) }
	}
	percent := func(lo, hi int) func(*gen) { // tenths of a percent
		return func(g *gen) {
			x := lo + g.r.IntN(hi-lo+1)
			g.writeInt(x / 10)
			g.b.WriteByte('.')
			g.writeInt(x % 10)
			g.b.WriteByte('%')
		}
	}
	switch name {
	case "unit": // the page's own unit
		return func(g *gen) {
			if g.unit != nil {
				g.b.WriteString(g.unit.Name)
				return
			}
			g.b.WriteString(g.v.units[g.r.IntN(len(g.v.units))].Name)
		}, nil
	case "other": // some other unit
		return func(g *gen) {
			n := len(g.v.units)
			i := g.r.IntN(n)
			if &g.v.units[i] == g.unit {
				i = (i + 1 + g.r.IntN(n-1)) % n
			}
			g.b.WriteString(g.v.units[i].Name)
		}, nil
	case "brand":
		return func(g *gen) {
			u := g.unit
			if u == nil {
				u = &g.v.units[g.r.IntN(len(g.v.units))]
			}
			g.b.WriteString(u.Brand)
		}, nil
	case "tag":
		return func(g *gen) { g.b.WriteString(g.pick(g.v.tags)) }, nil
	case "n":
		return num(2, 12), nil
	case "nn":
		return num(10, 480), nil
	case "big":
		return num(1000, 48000), nil
	case "year":
		return func(g *gen) {
			if g.year != 0 {
				g.writeInt(g.year)
				return
			}
			g.writeInt(2023 + g.r.IntN(3))
		}, nil
	case "month":
		return num(1, 12), nil
	case "md":
		return func(g *gen) {
			g.writeInt(1 + g.r.IntN(12))
			g.b.WriteString("月")
			g.writeInt(1 + g.r.IntN(28))
			g.b.WriteString("日")
		}, nil
	case "pct":
		return percent(850, 999), nil
	case "rise":
		return percent(30, 350), nil
	}
	list, ok := v.lists[name]
	if !ok || len(list) == 0 {
		return nil, fmt.Errorf("未知的占位符 {%s}", name)
	}
	return func(g *gen) { g.b.WriteString(g.pick(list)) }, nil
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) word(list string) string { return g.pick(g.v.lists[list]) }

func (g *gen) writeInt(n int) {
	var tmp [20]byte
	g.b.Write(strconv.AppendInt(tmp[:0], int64(n), 10))
}

// fill writes one template chosen at random from ts.
func (g *gen) fill(ts []tmpl) {
	for _, s := range ts[g.r.IntN(len(ts))] {
		g.b.WriteString(s.lit)
		if s.emit != nil {
			s.emit(g)
		}
	}
}

// fillString is fill into a fresh string, for titles and summaries.
func (g *gen) fillString(ts []tmpl) string {
	start := g.b.Len()
	g.fill(ts)
	s := string(g.b.Bytes()[start:])
	g.b.Truncate(start)
	return s
}
