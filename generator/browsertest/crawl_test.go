package browsertest

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"yipin/generator/config"
	"yipin/generator/diag"
)

// recordHosts are the official record and badge services a government
// footer may link to by default (ICP, police record, 党政机关标识).
var recordHosts = []string{"beian.miit.gov.cn", "www.beian.gov.cn", "beian.mps.gov.cn", "bszs.conac.cn", "dcs.conac.cn"}

// TestCrawlUnderSubPath fetches every URL of the site reachable from the
// home page, sitemap.xml, robots.txt and index.xml through nginx under
// /dangjian/: every one must answer 200 with the right type, every #id
// must exist, and the only links to other hosts are the footer's.
func TestCrawlUnderSubPath(t *testing.T) {
	s := startServer(t)
	allowed := footerHosts(t)
	c := crawlSite(t, s)
	t.Logf("crawled %d URLs: %d HTML pages, %d outside links", c.fetched, len(c.pages), len(c.external))
	for _, p := range c.problems {
		t.Error(p)
	}
	for _, u := range slices.Sorted(maps.Keys(c.external)) {
		pu, err := url.Parse(u)
		if err != nil || !slices.Contains(allowed, strings.ToLower(pu.Hostname())) {
			t.Errorf("link to another host %s (from %s); only footer links may leave the site (allowed hosts %v)",
				u, strings.Join(firstN(c.external[u], 3), ", "), allowed)
		}
	}
	if len(c.pages) < 100 {
		t.Errorf("only %d HTML pages reached; the demo site has about 200", len(c.pages))
	}
}

// footerHosts are the hosts of the outside links that site.yaml's footer
// configures, plus recordHosts.
func footerHosts(t *testing.T) []string {
	t.Helper()
	cfg, diags := config.Load("../../site.yaml")
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Fatalf("site.yaml: %v", d)
		}
	}
	f := cfg.Footer
	urls := []string{f.ICPLink, f.PoliceLink, f.BadgeLink, f.BadgeScript, f.BadgeImage}
	for _, l := range f.Links {
		urls = append(urls, l.URL)
	}
	hosts := slices.Clone(recordHosts)
	for _, u := range urls {
		if pu, err := url.Parse(u); err == nil && pu.Host != "" {
			hosts = append(hosts, strings.ToLower(pu.Hostname()))
		}
	}
	slices.Sort(hosts)
	return slices.Compact(hosts)
}

func firstN(s []string, n int) []string {
	return s[:min(n, len(s))]
}
