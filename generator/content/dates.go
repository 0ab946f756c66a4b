package content

import (
	"strings"
	"time"
)

// parseDate reads s in one of the accepted forms. Forms without a zone
// are read in loc; a form with one ("…T12:00:00Z", "…+00:00") names its
// instant, which is returned in loc as well, so that the date shown, the
// archive year and month and dateCN are those of the site's time zone. In
// the layouts Go's "1" and "2" accept one or two digits, and seconds may
// have a fraction.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	if t, ok := parseCommonDate(s, loc); ok {
		return t, true
	}
	return parseDateLayouts(s, loc)
}

// parseDateLayouts tries every accepted layout in turn.
func parseDateLayouts(s string, loc *time.Location) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	var local, zoned []string
	switch {
	case strings.Contains(s, "年"):
		local = []string{"2006年1月2日", "2006年1月2日 15:04", "2006年1月2日 15:04:05"}
	case strings.Contains(s, "/"):
		local = []string{"2006/1/2", "2006/1/2 15:04", "2006/1/2 15:04:05"}
	default:
		local = []string{"2006-1-2", "2006-1-2 15:04:05", "2006-1-2 15:04", "2006-1-2T15:04:05", "2006-1-2T15:04"}
		zoned = []string{"2006-1-2T15:04:05Z07:00", "2006-1-2 15:04:05Z07:00", "2006-1-2 15:04:05 Z07:00",
			"2006-1-2T15:04Z07:00", "2006-1-2 15:04Z07:00", "2006-1-2 15:04:05 -0700", "2006-1-2T15:04:05-0700"}
	}
	for _, layout := range local {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	for _, layout := range zoned {
		if t, err := time.Parse(layout, s); err == nil {
			return t.In(loc), true
		}
	}
	return time.Time{}, false
}

// parseCommonDate reads the forms nearly every page uses, exactly
// "2024-06-24", "2024-06-24 09:26" or "2024-06-24 09:26:00" (or with a T
// for the space), without the failed attempts and allocations of trying
// layout after layout. It gives what parseDateLayouts gives for these
// strings; anything else, including an impossible date, is left to it (ok
// is false).
func parseCommonDate(s string, loc *time.Location) (time.Time, bool) {
	switch len(s) {
	case len("2006-01-02"), len("2006-01-02 15:04"), len("2006-01-02 15:04:05"):
	default:
		return time.Time{}, false
	}
	// num reads the digits of s[i:j], or -1.
	num := func(i, j int) int {
		n := 0
		for ; i < j; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	if s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, sec := 0, 0, 0
	if len(s) > 10 {
		if s[10] != ' ' && s[10] != 'T' || s[13] != ':' {
			return time.Time{}, false
		}
		hour, minute = num(11, 13), num(14, 16)
		if len(s) > 16 {
			if s[16] != ':' {
				return time.Time{}, false
			}
			sec = num(17, 19)
		}
	}
	if year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(time.Month(month), year) ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, 0, loc), true
}

// daysIn is the number of days in month m of year.
func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
