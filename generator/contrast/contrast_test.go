package contrast

import (
	"math"
	"testing"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21},
		{"#fff", "#fff", 1},
		{"#777777", "#ffffff", 4.48}, // the classic near miss
		{"#767676", "#ffffff", 4.54},
		{"#c00000", "#ffffff", 6.48},
		{"#FAF9DE", "#000000", 19.67}, // 杏仁黄 eye-care background
	}
	for _, tt := range tests {
		a, _ := Parse(tt.a)
		b, _ := Parse(tt.b)
		if got := Ratio(a, b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Ratio(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	for s, want := range map[string]string{"#9F1D20": "#9f1d20", "abc": "#aabbcc", " #123456 ": "#123456"} {
		if c, ok := Parse(s); !ok || c.String() != want {
			t.Errorf("Parse(%q) = %v %v", s, c, ok)
		}
	}
	for _, s := range []string{"", "#12345", "#gggggg", "red", "#1234567", "rgb(1,2,3)"} {
		if _, ok := Parse(s); ok {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
}

func TestNearest(t *testing.T) {
	for _, s := range []string{"#e53935", "#ffcc00", "#ff0000", "#8bc34a", "#777777", "#ffffff"} {
		c, _ := Parse(s)
		got, ok := Nearest(c, White, AA)
		if !ok || Ratio(got, White) < AA {
			t.Errorf("Nearest(%s) = %s (%.2f), want ≥ 4.5", s, got, Ratio(got, White))
			continue
		}
		// It is the lightest such colour: one step lighter fails.
		h, sat, l := got.hsl()
		if lighter := fromHSL(h, sat, l+0.004); Ratio(lighter, White) >= AA && lighter != got {
			t.Errorf("Nearest(%s) = %s, but %s also passes", s, got, lighter)
		}
	}
	c, _ := Parse("#9f1d20")
	if got, _ := Nearest(c, White, AA); got != c {
		t.Errorf("a passing colour changed: %s", got)
	}
	// Light text for a dark background.
	dark, _ := Parse("#202020")
	blue, _ := Parse("#1d4e89")
	if got, ok := Nearest(blue, dark, AA); !ok || Ratio(got, dark) < AA || got.Luminance() <= blue.Luminance() {
		t.Errorf("Nearest on dark = %s %v", got, ok)
	}
}
