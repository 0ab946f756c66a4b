// Package contrast computes WCAG 2.1 contrast ratios between sRGB colours
// and finds the nearest colour of the same hue that reaches a given ratio.
package contrast

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// AA is the WCAG 2.1 level AA minimum for normal text.
const AA = 4.5

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// White is the page background of the default theme.
var White = Color{255, 255, 255}

// Parse reads "#rgb" or "#rrggbb" (the "#" is optional).
func Parse(s string) (Color, bool) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return Color{}, false
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, false
	}
	return Color{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// String is "#rrggbb".
func (c Color) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the relative luminance of c, 0 (black) to 1 (white).
func (c Color) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Ratio is the contrast ratio of a and b, 1 to 21.
func Ratio(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Nearest returns the colour closest to c, of the same hue and saturation,
// whose contrast with bg is at least min: c itself when it passes, else c
// made darker (on a light bg) or lighter (on a dark bg) step by step in
// HSL lightness. ok is false when no such colour exists.
func Nearest(c, bg Color, min float64) (Color, bool) {
	if Ratio(c, bg) >= min {
		return c, true
	}
	h, s, l := c.hsl()
	step := -0.002
	if bg.Luminance() < 0.18 { // a dark background needs lighter text
		step = 0.002
	}
	for l = l + step; l >= 0 && l <= 1; l += step {
		if t := fromHSL(h, s, l); Ratio(t, bg) >= min {
			return t, true
		}
	}
	return Color{}, false
}

func (c Color) hsl() (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := max(r, g, b), min(r, g, b)
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h / 6, s, l
}

func fromHSL(h, s, l float64) Color {
	if s == 0 {
		v := uint8(math.Round(l * 255))
		return Color{v, v, v}
	}
	q := l * (1 + s)
	if l >= 0.5 {
		q = l + s - l*s
	}
	p := 2*l - q
	hue := func(t float64) uint8 {
		t = t - math.Floor(t)
		var v float64
		switch {
		case t < 1.0/6:
			v = p + (q-p)*6*t
		case t < 0.5:
			v = q
		case t < 2.0/3:
			v = p + (q-p)*(2.0/3-t)*6
		default:
			v = p
		}
		return uint8(math.Round(v * 255))
	}
	return Color{hue(h + 1.0/3), hue(h), hue(h - 1.0/3)}
}
