package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"yipin/generator/diag"
	"yipin/generator/site"
)

// rss is an RSS 2.0 document.
type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Items         []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate,omitempty"`
	Description string `xml:"description"`
}

// FeedPath is the site path of a list's feed: "/index.xml", "/news/index.xml".
func FeedPath(p *site.Page) string { return p.Path + "index.xml" }

// feed writes the RSS feed of the home page or a section: its newest
// articles, at most rss_limit of them.
func (r *Renderer) feed(list *site.Page) func(*bytes.Buffer) *diag.Diagnostic {
	return func(buf *bytes.Buffer) *diag.Diagnostic {
		cfg := r.Site.Config
		title := cfg.Title
		if !list.IsHome() {
			title = list.Title + " - " + cfg.Title
		}
		doc := rss{Version: "2.0", Channel: rssChannel{
			Title: title, Link: escapeURL(list.Permalink()), Description: cfg.Description,
			Language: cfg.Language,
		}}
		items := newest(list.Pages, cfg.RSSLimit)
		origin := strings.TrimSuffix(cfg.AbsURL("/"), cfg.RelURL("/"))
		for _, p := range items {
			it := rssItem{Title: p.Title, Link: escapeURL(p.Permalink()), GUID: escapeURL(p.Permalink()),
				Description: absolute(string(p.Summary()), origin)}
			if !p.Date.IsZero() {
				it.PubDate = p.Date.Format(time.RFC1123Z)
			}
			doc.Channel.Items = append(doc.Channel.Items, it)
		}
		if len(items) > 0 && !items[0].Date.IsZero() {
			doc.Channel.LastBuildDate = items[0].Date.Format(time.RFC1123Z)
		}
		buf.WriteString(xml.Header)
		if err := xml.NewEncoder(buf).Encode(doc); err != nil {
			return diag.New(FeedPath(list), 0, 0, "生成 RSS 失败:%v", err)
		}
		return nil
	}
}

// newest returns up to n pages, newest first (pinned pages count by date
// here: a feed is about what is new).
func newest(pages []*site.Page, n int) []*site.Page {
	out := make([]*site.Page, 0, min(n, len(pages)))
	for _, p := range pages {
		i := len(out)
		for i > 0 && out[i-1].Date.Before(p.Date) {
			i--
		}
		if i >= n {
			continue
		}
		if len(out) < n {
			out = append(out, nil)
		}
		copy(out[i+1:], out[i:len(out)-1])
		out[i] = p
	}
	return out
}

// sitemapLimit is the most URLs one sitemap file may hold (sitemaps.org).
const sitemapLimit = 50000

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	XMLNS    string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemapPages is what the sitemap lists: every page but the 404 page.
func (r *Renderer) sitemapPages() []*site.Page {
	pages := make([]*site.Page, 0, len(r.Site.All))
	for _, p := range r.Site.All {
		if p.Kind != site.Kind404 {
			pages = append(pages, p)
		}
	}
	return pages
}

// sitemapParts is how many files sitemap.xml indexes: none up to 50,000
// URLs, when it lists them itself, else sitemap-1.xml, sitemap-2.xml, …
func (r *Renderer) sitemapParts() int {
	n := len(r.sitemapPages())
	if n <= sitemapLimit {
		return 0
	}
	return (n + sitemapLimit - 1) / sitemapLimit
}

func sitemapPartName(i int) string { return fmt.Sprintf("sitemap-%d.xml", i+1) }

// sitemap writes sitemap.xml: the URLs themselves, or past 50,000 the
// index of the parts sitemapPart writes.
func (r *Renderer) sitemap(buf *bytes.Buffer) *diag.Diagnostic {
	parts := r.sitemapParts()
	if parts == 0 {
		return r.sitemapPart(-1)(buf)
	}
	index := sitemapIndex{XMLNS: sitemapNS}
	for i := range parts {
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: escapeURL(r.Site.Config.AbsURL("/" + sitemapPartName(i)))})
	}
	return encodeXML(buf, index)
}

// sitemapPart writes part i of a split sitemap, or with i < 0 all URLs.
func (r *Renderer) sitemapPart(i int) func(buf *bytes.Buffer) *diag.Diagnostic {
	return func(buf *bytes.Buffer) *diag.Diagnostic {
		pages := r.sitemapPages()
		if i >= 0 {
			pages = pages[i*sitemapLimit : min((i+1)*sitemapLimit, len(pages))]
		}
		urls := make([]sitemapURL, len(pages))
		for j, p := range pages {
			urls[j].Loc = escapeURL(p.Permalink())
			if !p.Lastmod.IsZero() {
				urls[j].Lastmod = p.Lastmod.Format("2006-01-02")
			}
		}
		return encodeXML(buf, urlset{XMLNS: sitemapNS, URLs: urls})
	}
}

func encodeXML(buf *bytes.Buffer, v any) *diag.Diagnostic {
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(buf).Encode(v); err != nil {
		return diag.New("sitemap.xml", 0, 0, "生成站点地图失败:%v", err)
	}
	return nil
}

// robots writes robots.txt, pointing crawlers at the sitemap.
func (r *Renderer) robots(buf *bytes.Buffer) *diag.Diagnostic {
	fmt.Fprintf(buf, "User-agent: *\nAllow: /\nSitemap: %s\n", escapeURL(r.Site.Config.AbsURL("/sitemap.xml")))
	return nil
}

// escapeURL percent-encodes the path of a URL (Chinese paths included), as
// XML feeds and sitemaps require.
func escapeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}

var aliasTemplate = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}"><meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.URL}}"></head>
<body><p>页面已移至 <a href="{{.URL}}">{{.Title}}</a>。</p></body></html>
`))

// alias writes a redirect page at an alias path.
func (r *Renderer) alias(a site.Alias) func(*bytes.Buffer) *diag.Diagnostic {
	return func(buf *bytes.Buffer) *diag.Diagnostic {
		data := struct{ Lang, Title, URL, Canonical string }{
			r.Site.Config.Language, a.To.Title, escapeURL(a.To.RelPermalink()), a.To.Permalink()}
		if err := aliasTemplate.Execute(buf, data); err != nil {
			return diag.New(a.To.File, 0, 0, "生成跳转页失败:%v", err)
		}
		return nil
	}
}

// absolute makes the root-relative links and sources of an HTML fragment
// ("/dangjian/news/a/") full URLs under origin ("https://example.gov.cn"):
// a feed is read away from the site, where a feed reader has nothing to
// resolve them against. Other links, and everything when origin is "",
// stay as they are.
func absolute(fragment, origin string) string {
	if origin == "" || !strings.Contains(fragment, "=/") && !strings.Contains(fragment, `="/`) {
		return fragment
	}
	var out strings.Builder
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String()
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(z.Raw())
			continue
		}
		t := z.Token()
		changed := false
		for i, a := range t.Attr {
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(a.Val, "/") && !strings.HasPrefix(a.Val, "//") {
				t.Attr[i].Val, changed = origin+a.Val, true
			}
		}
		if changed {
			out.WriteString(t.String())
		} else {
			out.Write(z.Raw())
		}
	}
}
