package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// summary is the result of a benchmark.
type summary struct {
	Pages       int // .md files under content/
	Sections    int // of which _index.md
	Runs        int
	Median      time.Duration
	Min, Max    time.Duration
	PagesPerSec float64 // at the median
	RSSMedian   int64   // KiB
	RSSMax      int64   // KiB
}

// median of xs; the mean of the middle two for an even count. xs is not
// changed. The median of nothing is 0.
func median[T ~int64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return s[m-1] + (s[m]-s[m-1])/2
}

func summarize(pages, sections int, ms []measurement) summary {
	walls := make([]time.Duration, len(ms))
	rss := make([]int64, len(ms))
	for i, m := range ms {
		walls[i], rss[i] = m.Wall, m.MaxRSS
	}
	s := summary{Pages: pages, Sections: sections, Runs: len(ms), Median: median(walls), RSSMedian: median(rss)}
	if len(ms) > 0 {
		s.Min, s.Max = slices.Min(walls), slices.Max(walls)
		s.RSSMax = slices.Max(rss)
	}
	if s.Median > 0 {
		s.PagesPerSec = float64(pages) / s.Median.Seconds()
	}
	return s
}

// human is the report for people, in Chinese, one fact a line.
func (s summary) human(bin, site string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "语料:%s,共 %d 个页面(content/ 下的 .md 文件,其中 %d 个 _index.md)\n", site, s.Pages, s.Sections)
	fmt.Fprintf(&b, "构建:%s build,计时 %d 次(另有 1 次预热不计入)\n", bin, s.Runs)
	fmt.Fprintf(&b, "耗时:中位数 %s,最短 %s,最长 %s\n", seconds(s.Median), seconds(s.Min), seconds(s.Max))
	fmt.Fprintf(&b, "速度:%.0f 页/秒(按中位数)\n", s.PagesPerSec)
	fmt.Fprintf(&b, "峰值内存(最大 RSS):中位数 %s,最大 %s\n", mib(s.RSSMedian), mib(s.RSSMax))
	return b.String()
}

// machine is the same result as one line of key=value pairs.
func (s summary) machine() string {
	return fmt.Sprintf("benchsite pages=%d runs=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f pages_per_sec=%.1f maxrss_median_kib=%d maxrss_max_kib=%d",
		s.Pages, s.Runs, ms(s.Median), ms(s.Min), ms(s.Max), s.PagesPerSec, s.RSSMedian, s.RSSMax)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f 秒", d.Seconds()) }

// mib formats a size in KiB as MiB, or 未知 when it is not known.
func mib(kib int64) string {
	if kib <= 0 {
		return "未知"
	}
	return fmt.Sprintf("%.1f MiB", float64(kib)/1024)
}
