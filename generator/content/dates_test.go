package content

import (
	"testing"
	"time"
)

// FuzzCommonDate checks that the fast path for the usual date forms gives
// exactly what the layouts give.
func FuzzCommonDate(f *testing.F) {
	for _, s := range []string{
		"2024-06-24", "2024-06-24 09:26", "2024-06-24 09:26:00", "2024-06-24T09:26", "2024-06-24T09:26:59",
		"2024-02-29", "2023-02-29", "2024-04-31", "2024-00-10", "2024-13-01", "2024-12-31 23:59:59",
		"2024-06-24 24:00", "2024-06-24 09:60", "2024-06-24 09:26:60", "0000-01-01", "9999-12-31 00:00",
		"2024-06-24x09:26", "2024-06-24 09-26", "2024-06-24 09:26-00", "2024-6-24 09:26", "2024-06-4",
		" 2024-06-24", "2024-06-24 ", "2024-06-24  9:26", "2024-06-24 9:26", "+024-06-24", "2024-+6-24",
		"2024-06-24 -9:26", "2024/06/24", "2024年06月24", "２０２４-06-24", "2024-06-24 09:26:00.5",
		"2024-03-10 02:30", "2024-11-03 01:30",
	} {
		f.Add(s)
	}
	zones := []*time.Location{time.UTC, time.FixedZone("CST", 8*3600)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny) // 2024-03-10 02:30 does not exist there
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, loc := range zones {
			fast, ok := parseCommonDate(s, loc)
			if !ok {
				continue
			}
			slow, ok := parseDateLayouts(s, loc)
			if !ok || fast != slow {
				t.Fatalf("%q in %v: fast path %v, layouts %v (ok %v)", s, loc, fast, slow, ok)
			}
		}
	})
}
