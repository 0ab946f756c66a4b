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
	PagesPerSec float64       // at the median
	RSSMedian   int64         // KiB
	RSSMax      int64         // KiB
	Yardstick   time.Duration // median of goldmark alone; 0 when not measured

	// With a comparison: the .html files the warm-up wrote, and Hugo's
	// builds of the same content (its Version, its own HTML count).
	HTML    int
	Version string
	Hugo    *summary
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
	yard := make([]time.Duration, len(ms))
	for i, m := range ms {
		walls[i], rss[i], yard[i] = m.Wall, m.MaxRSS, m.Yardstick
	}
	s := summary{Pages: pages, Sections: sections, Runs: len(ms), Median: median(walls), RSSMedian: median(rss), Yardstick: median(yard)}
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
	if s.Yardstick > 0 {
		fmt.Fprintf(&b, "参照:只用 goldmark(GFM、脚注、定义列表,单线程)转换同一批正文,中位数 %s;构建用时是它的 %.2f 倍\n",
			seconds(s.Yardstick), s.ratio())
		yard, target := reference(s.Pages)
		fmt.Fprintf(&b, "换算:在议题的参考机器上(goldmark 转换这些页面约 %s),构建约需 %s(目标 %s,即 %.1f 倍以内)\n",
			shortSeconds(yard), shortSeconds(time.Duration(s.ratio()*float64(yard))), shortSeconds(target),
			float64(target)/float64(yard))
		// The ratio is not a constant of the build: part of the build
		// does not slow down or speed up with the single-threaded
		// yardstick (README, 速度), so a yardstick far from the
		// reference's skews the estimate.
		switch r := float64(s.Yardstick) / float64(yard); {
		case r < 0.8:
			fmt.Fprintln(&b, "注意:此时本机的参照比参考机器快得多,构建不会与参照同比例变慢,按倍数换算偏高")
		case r > 1.25:
			fmt.Fprintln(&b, "注意:此时本机的参照比参考机器慢得多,构建不会与参照同比例变快,按倍数换算偏低")
		}
	}
	if h := s.Hugo; h != nil {
		fmt.Fprintf(&b, "对比:%s 构建同一批内容(日期改写为 RFC 3339),耗时中位数 %s(最短 %s,最长 %s),峰值内存中位数 %s(最大 %s)\n",
			h.Version, seconds(h.Median), seconds(h.Min), seconds(h.Max), mib(h.RSSMedian), mib(h.RSSMax))
		fmt.Fprintf(&b, "对比:Hugo 用时是 yipin 的 %.1f 倍,峰值内存是 yipin 的 %.1f 倍;写出 HTML 文件 yipin %d 个,Hugo %d 个\n",
			s.hugoTimes(), s.hugoMemory(), s.HTML, h.HTML)
		hugo := time.Duration(float64(referenceHugo) * float64(s.Pages) / 10000)
		_, target := reference(s.Pages)
		fmt.Fprintf(&b, "换算(按 Hugo):议题说 Hugo 在参考机器上约需 %s,按两者在本机的用时之比,yipin 在那里约需 %s(目标 %s)\n",
			shortSeconds(hugo), shortSeconds(time.Duration(float64(hugo)/s.hugoTimes())), shortSeconds(target))
	}
	return b.String()
}

// hugoTimes and hugoMemory are Hugo's median time and peak memory over
// yipin's.
func (s summary) hugoTimes() float64 { return float64(s.Hugo.Median) / float64(s.Median) }

func (s summary) hugoMemory() float64 {
	if s.RSSMedian <= 0 {
		return 0
	}
	return float64(s.Hugo.RSSMedian) / float64(s.RSSMedian)
}

// ratio is the build's median over the yardstick's.
func (s summary) ratio() float64 { return float64(s.Median) / float64(s.Yardstick) }

// reference is the yardstick and the build time wanted on the issue's
// reference machine for a site of pages. Goldmark's time grows with the
// pages; the issue names two targets, 3 s for 10,000 pages and 40 s for
// 100,000, and a site is held to the nearer one, pro rata.
func reference(pages int) (yard, target time.Duration) {
	yard = time.Duration(float64(referenceYardstick) * float64(pages) / 10000)
	if pages >= 50000 {
		return yard, time.Duration(float64(referenceTarget100k) * float64(pages) / 100000)
	}
	return yard, time.Duration(float64(referenceTarget) * float64(pages) / 10000)
}

// machine is the same result as one line of key=value pairs.
func (s summary) machine() string {
	line := fmt.Sprintf("benchsite pages=%d runs=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f pages_per_sec=%.1f maxrss_median_kib=%d maxrss_max_kib=%d",
		s.Pages, s.Runs, ms(s.Median), ms(s.Min), ms(s.Max), s.PagesPerSec, s.RSSMedian, s.RSSMax)
	if s.Yardstick > 0 {
		line += fmt.Sprintf(" goldmark_median_ms=%.1f ratio=%.2f", ms(s.Yardstick), s.ratio())
	}
	if h := s.Hugo; h != nil {
		line += fmt.Sprintf(" html=%d hugo_median_ms=%.1f hugo_maxrss_median_kib=%d hugo_html=%d hugo_time_ratio=%.2f hugo_memory_ratio=%.2f",
			s.HTML, ms(h.Median), h.RSSMedian, h.HTML, s.hugoTimes(), s.hugoMemory())
	}
	return line
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f 秒", d.Seconds()) }

func shortSeconds(d time.Duration) string { return fmt.Sprintf("%.1f 秒", d.Seconds()) }

// mib formats a size in KiB as MiB, or 未知 when it is not known.
func mib(kib int64) string {
	if kib <= 0 {
		return "未知"
	}
	return fmt.Sprintf("%.1f MiB", float64(kib)/1024)
}
