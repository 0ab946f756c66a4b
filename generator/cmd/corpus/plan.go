package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// kind is the top-level section a page belongs to.
type kind int

const (
	kindNews kind = iota
	kindResearch
	kindNotices
	kindUnits
)

func kinds() []kind { return []kind{kindNews, kindResearch, kindNotices, kindUnits} }

func (k kind) dir() string {
	return [...]string{"news", "research", "notices", "units"}[k]
}

func (k kind) name() string {
	return [...]string{"工作动态", "党建研究", "通知公告", "基层风采"}[k]
}

// kindOf spreads pages over the sections: four in ten go to news, three
// to research, one to notices and two to the unit folders.
func kindOf(i int) kind {
	switch i % 10 {
	case 0, 1, 2, 3:
		return kindNews
	case 4, 5, 6:
		return kindResearch
	case 7:
		return kindNotices
	}
	return kindUnits
}

// years are the year sub-sections; page dates fall in them.
func years() []int { return []int{2023, 2024, 2025} }

// page is what is known about a page before its text is written: enough
// for other pages to link to it.
type page struct {
	Num   int    // 1-based running number, also in the title
	Kind  kind   // top-level section
	Dir   string // folder under content/, slash-separated
	File  string // file name
	Title string
	Date  time.Time
	Unit  int // index into vocab.units
}

// Path is the page's path under content/.
func (p *page) Path() string { return p.Dir + "/" + p.File }

// section is a folder with an _index.md.
type section struct {
	Dir   string // "" for the home page
	Title string
	Unit  int // index into vocab.units, or -1
}

// site is the whole plan: every section and page, in output order.
type site struct {
	sections []section
	pages    []page
}

// mix64 is the SplitMix64 finaliser, used to derive independent random
// streams from the seed.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// newRand returns the random source for one stream (0 for the plan,
// page number for a page's text).
func newRand(seed uint64, stream int) *rand.Rand {
	return rand.New(rand.NewPCG(mix64(seed), mix64(uint64(stream)^0x5eed)))
}

func planSite(v *vocab, n int, seed uint64) *site {
	s := &site{sections: []section{{Dir: "", Title: "首页", Unit: -1}}}
	for _, k := range kinds() {
		s.sections = append(s.sections, section{Dir: k.dir(), Title: k.name(), Unit: -1})
		if k == kindUnits {
			for i, u := range v.units {
				s.sections = append(s.sections, section{Dir: k.dir() + "/" + u.ID, Title: u.Name, Unit: i})
			}
			continue
		}
		for _, y := range years() {
			s.sections = append(s.sections, section{
				Dir: fmt.Sprintf("%s/%d", k.dir(), y), Title: fmt.Sprintf("%d年%s", y, k.name()), Unit: -1,
			})
		}
	}

	r := newRand(seed, 0)
	g := &gen{b: new(bytes.Buffer), r: r, v: v}
	width := max(5, len(strconv.Itoa(n)))
	first := time.Date(years()[0], 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(years()[len(years())-1], 12, 31, 0, 0, 0, 0, time.UTC)
	days := int(last.Sub(first).Hours()/24) + 1
	unitPages := 0

	s.pages = make([]page, n)
	for i := range s.pages {
		p := &s.pages[i]
		p.Num = i + 1
		p.Kind = kindOf(i)
		p.Date = first.AddDate(0, 0, r.IntN(days)).
			Add(time.Duration(8+r.IntN(10))*time.Hour + time.Duration(r.IntN(60))*time.Minute)
		if p.Kind == kindUnits {
			p.Unit = unitPages % len(v.units) // every unit gets pages in turn
			unitPages++
			p.Dir = p.Kind.dir() + "/" + v.units[p.Unit].ID
		} else {
			p.Unit = r.IntN(len(v.units))
			p.Dir = fmt.Sprintf("%s/%d", p.Kind.dir(), p.Date.Year())
		}
		num := fmt.Sprintf("%0*d", width, p.Num)
		if r.IntN(20) == 0 {
			p.File = g.pick(chineseFilePrefixes(p.Kind)) + "-" + num + ".md"
		} else {
			p.File = "p" + num + ".md"
		}
		g.unit, g.year = &v.units[p.Unit], p.Date.Year()
		p.Title = g.fillString(v.titles[p.Kind]) + "(第" + strconv.Itoa(p.Num) + "篇)"
	}
	return s
}

func chineseFilePrefixes(k kind) []string {
	switch k {
	case kindNews:
		return []string{"专题报道", "工作简报"}
	case kindResearch:
		return []string{"调研报告", "经验交流"}
	case kindNotices:
		return []string{"通知公告"}
	}
	return []string{"基层风采", "支部动态"}
}

// relPath is the path from folder fromDir to file target, both relative
// to content/ and slash-separated.
func relPath(fromDir, target string) string {
	from := strings.Split(fromDir, "/")
	to := strings.Split(target, "/")
	common := 0
	for common < len(from) && common < len(to)-1 && from[common] == to[common] {
		common++
	}
	return strings.Repeat("../", len(from)-common) + strings.Join(to[common:], "/")
}
