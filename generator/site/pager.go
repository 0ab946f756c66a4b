package site

import "fmt"

// Pager is one page of a paginated list: /news/, /news/page/2/, …
type Pager struct {
	Number int     // 1-based
	Total  int     // number of pager pages, at least 1
	Pages  []*Page // the items on this pager page
	List   *Page   // the list being paginated
}

// Paginate splits a list page's Pages into pagers of size items each. A list
// with no pages still has one (empty) pager.
func Paginate(list *Page, size int) []*Pager {
	size = max(size, 1)
	total := max((len(list.Pages)+size-1)/size, 1)
	pagers := make([]*Pager, total)
	for i := range pagers {
		lo, hi := i*size, min((i+1)*size, len(list.Pages))
		pagers[i] = &Pager{Number: i + 1, Total: total, Pages: list.Pages[lo:hi], List: list}
	}
	return pagers
}

// PagePath is the site path of pager page n: the list's own path for n = 1,
// else path + "page/n/".
func PagePath(list *Page, n int) string {
	if n <= 1 {
		return list.Path
	}
	return fmt.Sprintf("%spage/%d/", list.Path, n)
}

// Path is this pager page's site path.
func (pg *Pager) Path() string { return PagePath(pg.List, pg.Number) }

// URL is the URL of pager page n of the same list.
func (pg *Pager) URL(n int) string {
	return pg.List.Site.Config.RelURL(PagePath(pg.List, n))
}

// HasPrev and HasNext say whether there is a pager page before or after.
func (pg *Pager) HasPrev() bool { return pg.Number > 1 }
func (pg *Pager) HasNext() bool { return pg.Number < pg.Total }

// PrevURL and NextURL link to the neighbouring pager pages.
func (pg *Pager) PrevURL() string { return pg.URL(pg.Number - 1) }
func (pg *Pager) NextURL() string { return pg.URL(pg.Number + 1) }

// Numbers lists the page numbers to show as links: the first, the last,
// and up to two either side of the current one; 0 marks a gap (…).
func (pg *Pager) Numbers() []int {
	var out []int
	for n := 1; n <= pg.Total; n++ {
		near := n >= pg.Number-2 && n <= pg.Number+2
		if n == 1 || n == pg.Total || near {
			out = append(out, n)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}
