package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/content"
)

// Case is a case study (典型案例): a page under content/cases/.
type Case struct {
	Page    *Page
	Region  string // 浙江省宁波市鄞州区
	Year    int    // the year of the practice; the date's year unless set
	Formula string // short formula name: "145"
	Figures []Figure
	Related []*Case // cases sharing themes, most shared first
}

type caseFront struct {
	Region  string   `yaml:"region"`
	Year    int      `yaml:"year"`
	Formula string   `yaml:"formula"`
	Figures []Figure `yaml:"figures"`
}

// CaseLibrary is the case section with its static filters.
type CaseLibrary struct {
	Page   *Page   // /cases/
	Cases  []*Case // in list order
	Themes []*Page // one filter page per theme: most cases first
	Units  []*Page // per unit, in unit order
	Years  []*Page // per year, newest first
}

// CaseFilter says what a filter page selects.
type CaseFilter struct {
	Kind  string // "theme", "unit" or "year"
	Name  string // what is shown: 共同富裕, 区财政局, 2022
	Term  *Term  // theme filters
	Unit  *Unit  // unit filters
	Year  int    // year filters
	Count int
}

// casesDir is the content folder of case studies.
const casesDir = "cases"

// maxRelated is how many related cases a case shows.
const maxRelated = 4

// cases reads every page under content/cases/ as a case and makes the
// case library's filter pages.
func (b *builder) cases() {
	lib := b.sections[casesDir]
	if lib == nil {
		return
	}
	lib.Role = RoleCases
	b.site.CaseLibrary = &CaseLibrary{Page: lib}
	for _, p := range lib.Pages {
		if p.Role != "" {
			continue
		}
		var f caseFront
		d := b.schema(p, &f, "案例页面")
		c := &Case{Page: p, Region: f.Region, Year: f.Year, Formula: f.Formula, Figures: checkFigures(d, f.Figures, "figures")}
		switch {
		case f.Year != 0 && (f.Year < 1000 || f.Year > 9999):
			d.Fail("year", "写四位数的年份,例如 year: 2022", "年份 %d 不对", f.Year)
			c.Year = 0
		case f.Year == 0 && !p.Date.IsZero():
			c.Year = p.Date.Year()
		}
		b.flush(p, d)
		p.Role, p.Case = RoleCase, c
		b.site.CaseLibrary.Cases = append(b.site.CaseLibrary.Cases, c)
	}
	b.related()
	b.caseFilters()
}

// related links each case to the cases that share most of its themes.
func (b *builder) related() {
	cases := b.site.CaseLibrary.Cases
	for _, c := range cases {
		type scored struct {
			c      *Case
			shared int
		}
		var rel []scored
		for _, o := range cases {
			if o == c {
				continue
			}
			n := 0
			for _, t := range c.Page.Themes() {
				if slices.Contains(o.Page.Themes(), t) {
					n++
				}
			}
			if n > 0 {
				rel = append(rel, scored{o, n})
			}
		}
		slices.SortStableFunc(rel, func(x, y scored) int {
			return cmp.Or(y.shared-x.shared, y.c.Page.Date.Compare(x.c.Page.Date), strings.Compare(x.c.Page.Path, y.c.Page.Path))
		})
		for _, r := range rel[:min(maxRelated, len(rel))] {
			c.Related = append(c.Related, r.c)
		}
	}
	for _, c := range cases {
		for _, u := range c.Page.Units {
			u.Cases = append(u.Cases, c)
		}
	}
	for _, u := range b.site.Units {
		slices.SortStableFunc(u.Cases, func(x, y *Case) int { return y.Page.Date.Compare(x.Page.Date) })
	}
}

// caseFilters makes /cases/theme/<theme>/, /cases/unit/<id>/ and
// /cases/year/<year>/ for every value some case has.
func (b *builder) caseFilters() {
	lib := b.site.CaseLibrary
	add := func(f *CaseFilter, seg, title string) *Page {
		p := &Page{Kind: KindFilter, Role: RoleCaseFilter, Title: title, Section: lib.Page.Section,
			Path: lib.Page.Path + f.Kind + "/" + seg + "/", Parent: lib.Page, Site: b.site,
			Params: map[string]any{}, Filter: f}
		for _, c := range lib.Cases {
			if f.matches(c) {
				p.Pages = append(p.Pages, c.Page)
			}
		}
		f.Count = len(p.Pages)
		b.claim(p, content.Pos{})
		return p
	}
	var themes []*Term
	years := map[int]bool{}
	units := map[*Unit]bool{}
	for _, c := range lib.Cases {
		for _, t := range c.Page.Themes() {
			if !slices.Contains(themes, t) {
				themes = append(themes, t)
			}
		}
		for _, u := range c.Page.Units {
			units[u] = true
		}
		if c.Year != 0 {
			years[c.Year] = true
		}
	}
	for _, t := range themes {
		lib.Themes = append(lib.Themes, add(&CaseFilter{Kind: "theme", Name: t.Name, Term: t}, t.Slug, "主题:"+t.Name))
	}
	slices.SortStableFunc(lib.Themes, func(x, y *Page) int {
		return cmp.Or(len(y.Pages)-len(x.Pages), strings.Compare(x.Filter.Term.Slug, y.Filter.Term.Slug))
	})
	for _, u := range b.site.Units {
		if units[u] {
			lib.Units = append(lib.Units, add(&CaseFilter{Kind: "unit", Name: u.Short, Unit: u}, u.ID, "单位:"+u.Short))
		}
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	slices.Reverse(ys)
	for _, y := range ys {
		lib.Years = append(lib.Years, add(&CaseFilter{Kind: "year", Name: strconv.Itoa(y), Year: y}, strconv.Itoa(y), fmt.Sprintf("%d 年", y)))
	}
}

func (f *CaseFilter) matches(c *Case) bool {
	switch f.Kind {
	case "theme":
		return slices.Contains(c.Page.Themes(), f.Term)
	case "unit":
		return slices.Contains(c.Page.Units, f.Unit)
	}
	return c.Year == f.Year
}

// FilterKeys is what the client-side filter of the case library matches
// on: "theme:<slug> unit:<id> year:<year>" for each value of the case.
func (c *Case) FilterKeys() string {
	var keys []string
	for _, t := range c.Page.Themes() {
		keys = append(keys, "theme:"+t.Slug)
	}
	for _, u := range c.Page.Units {
		keys = append(keys, "unit:"+u.ID)
	}
	if c.Year != 0 {
		keys = append(keys, "year:"+strconv.Itoa(c.Year))
	}
	return strings.Join(keys, " ")
}

// Where is where a case comes from, for lists: its units' short names,
// else its region.
func (c *Case) Where() string {
	if len(c.Page.Units) > 0 {
		var names []string
		for _, u := range c.Page.Units {
			names = append(names, u.Short)
		}
		return strings.Join(names, "、")
	}
	return yamlsrc.Clip(c.Region, 40)
}
