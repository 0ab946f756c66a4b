package content

import (
	"strings"
	"time"
)

// parseDate reads s in one of the accepted forms. Forms without a zone
// are in loc; forms with one keep their offset. In the layouts Go's "1"
// and "2" accept one or two digits, and seconds may have a fraction.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
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
			return t, true
		}
	}
	return time.Time{}, false
}
