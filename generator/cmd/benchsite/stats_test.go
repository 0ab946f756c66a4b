package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []int64
		want int64
	}{
		{nil, 0},
		{[]int64{7}, 7},
		{[]int64{3, 1, 2}, 2},
		{[]int64{4, 1, 3, 2}, 2}, // (2+3)/2 rounded down
		{[]int64{10, 40, 20, 30}, 25},
		{[]int64{5, 5, 9, 1, 5}, 5},
	}
	for _, c := range cases {
		in := slices.Clone(c.in)
		if got := median(in); got != c.want {
			t.Errorf("median(%v) = %d,应为 %d", c.in, got, c.want)
		}
		if !slices.Equal(in, c.in) {
			t.Errorf("median 改动了输入 %v", c.in)
		}
	}
	ds := []time.Duration{3 * time.Second, time.Second, 2 * time.Second, 4 * time.Second}
	if got := median(ds); got != 2500*time.Millisecond {
		t.Errorf("median(%v) = %v", ds, got)
	}
}

func TestSummarizeAndFormat(t *testing.T) {
	ms := []measurement{
		{Wall: 2100 * time.Millisecond, MaxRSS: 500 * 1024, Yardstick: 1000 * time.Millisecond},
		{Wall: 2000 * time.Millisecond, MaxRSS: 520 * 1024, Yardstick: 1000 * time.Millisecond},
		{Wall: 2400 * time.Millisecond, MaxRSS: 510 * 1024, Yardstick: 1100 * time.Millisecond},
		{Wall: 1900 * time.Millisecond, MaxRSS: 530 * 1024, Yardstick: 950 * time.Millisecond},
		{Wall: 2050 * time.Millisecond, MaxRSS: 505 * 1024, Yardstick: 1000 * time.Millisecond},
	}
	s := summarize(10044, 44, ms)
	want := summary{
		Pages: 10044, Sections: 44, Runs: 5,
		Median: 2050 * time.Millisecond, Min: 1900 * time.Millisecond, Max: 2400 * time.Millisecond,
		PagesPerSec: 10044 / 2.05, RSSMedian: 510 * 1024, RSSMax: 530 * 1024,
		Yardstick: 1000 * time.Millisecond,
	}
	if s != want {
		t.Fatalf("summarize = %+v\n应为 %+v", s, want)
	}
	line := s.machine()
	wantLine := "benchsite pages=10044 runs=5 median_ms=2050.0 min_ms=1900.0 max_ms=2400.0 pages_per_sec=4899.5 maxrss_median_kib=522240 maxrss_max_kib=542720 goldmark_median_ms=1000.0 ratio=2.05"
	if line != wantLine {
		t.Errorf("machine() =\n%s\n应为\n%s", line, wantLine)
	}
	h := s.human("bin/yipin", "corpus/10000")
	for _, part := range []string{
		"共 10044 个页面", "其中 44 个 _index.md", "计时 5 次", "中位数 2.050 秒", "最短 1.900 秒", "最长 2.400 秒",
		"4900 页/秒", "中位数 510.0 MiB,最大 530.0 MiB",
		"只用 goldmark", "中位数 1.000 秒;构建用时是它的 2.05 倍", "构建约需 3.1 秒(目标 3.0 秒,即 2.0 倍以内)",
		"参照比参考机器快得多", "按倍数换算偏高",
	} {
		if !strings.Contains(h, part) {
			t.Errorf("human() 缺少 %q:\n%s", part, h)
		}
	}
	// 100,000 pages are held to the 40 s, not ten times 3 s
	big := summary{Pages: 100000, Median: 33 * time.Second, Yardstick: 11 * time.Second}
	if h := big.human("bin/yipin", "corpus/100000"); !strings.Contains(h, "goldmark 转换这些页面约 15.0 秒),构建约需 45.0 秒(目标 40.0 秒,即 2.7 倍以内)") {
		t.Errorf("human() for 100,000 pages:\n%s", h)
	}
	// a yardstick near the reference's gets no warning; a slow one the other
	for yard, want := range map[time.Duration]string{1400 * time.Millisecond: "", 2600 * time.Millisecond: "按倍数换算偏低"} {
		s := summary{Pages: 10044, Median: 2400 * time.Millisecond, Yardstick: yard}
		h := s.human("bin/yipin", "corpus/10000")
		if got := strings.Contains(h, "注意:"); got != (want != "") || !strings.Contains(h, want) {
			t.Errorf("human() with a yardstick of %s:\n%s", yard, h)
		}
	}
	// with Hugo, the estimate by Hugo's time: 18 s × 2.4 s / 36 s = 1.2 s
	withHugo := summary{Pages: 10000, Median: 2400 * time.Millisecond, RSSMedian: 1,
		Hugo: &summary{Median: 36 * time.Second, RSSMedian: 8}}
	if h := withHugo.human("bin/yipin", "corpus/10000"); !strings.Contains(h, "Hugo 用时是 yipin 的 15.0 倍") ||
		!strings.Contains(h, "Hugo 在参考机器上约需 18.0 秒,按两者在本机的用时之比,yipin 在那里约需 1.2 秒(目标 3.0 秒)") {
		t.Errorf("human() with Hugo:\n%s", h)
	}
	if got := mib(0); got != "未知" {
		t.Errorf("mib(0) = %q", got)
	}
	if z := summarize(1, 0, nil); z.PagesPerSec != 0 || z.Max != 0 {
		t.Errorf("summarize(nil) = %+v", z)
	}
	// without the yardstick, neither report mentions it
	s.Yardstick = 0
	if strings.Contains(s.human("bin/yipin", "corpus/10000"), "goldmark") || strings.Contains(s.machine(), "goldmark") {
		t.Errorf("reports mention a yardstick not measured:\n%s\n%s", s.human("bin/yipin", "corpus/10000"), s.machine())
	}
}

func TestSplitArgs(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ", nil},
		{"--minify", []string{"--minify"}},
		{" --a  --b=1\t-c ", []string{"--a", "--b=1", "-c"}},
		{`--title "两个 空格" x`, []string{"--title", "两个 空格", "x"}},
		{`--x='a "b" c'`, []string{`--x=a "b" c`}},
		{`a\ b ""`, []string{"a b", ""}},
	}
	for _, c := range cases {
		got, err := splitArgs(c.in)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("splitArgs(%q) = %q, %v;应为 %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{`"open`, `it's`, `end\`} {
		if _, err := splitArgs(bad); err == nil {
			t.Errorf("splitArgs(%q) 应报错", bad)
		}
	}
}
