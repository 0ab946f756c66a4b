package markdown

// buildTOC renders the headings whose level is within [minLevel, maxLevel]
// and that have text as nested lists of links (an empty link would say
// nothing to a screen reader). The shallowest level present is the outer
// list; a heading more than one level deeper than the one before it is
// nested inside empty items, so the lists always balance. It returns nil
// when fewer than two headings qualify.
func buildTOC(hs []Heading, minLevel, maxLevel int) []byte {
	top, count := maxLevel+1, 0
	for _, h := range hs {
		if inTOC(h, minLevel, maxLevel) {
			top = min(top, h.Level)
			count++
		}
	}
	if count < 2 {
		return nil
	}
	b := make([]byte, 0, count*64)
	b = append(b, "<ul>\n"...)
	depth := 0 // how many lists are open inside the outer one
	first := true
	for _, h := range hs {
		if !inTOC(h, minLevel, maxLevel) {
			continue
		}
		want := h.Level - top
		switch {
		case first:
			for ; depth < want; depth++ {
				b = append(b, "<li>\n<ul>\n"...)
			}
		case want > depth:
			b = append(b, "\n<ul>\n"...)
			depth++
			for ; depth < want; depth++ {
				b = append(b, "<li>\n<ul>\n"...)
			}
		default:
			b = append(b, "</li>\n"...)
			for ; depth > want; depth-- {
				b = append(b, "</ul>\n</li>\n"...)
			}
		}
		first = false
		b = append(b, `<li><a href="#`...)
		b = appendEscaped(b, h.ID)
		b = append(b, `">`...)
		b = appendEscaped(b, h.Text)
		b = append(b, "</a>"...)
	}
	b = append(b, "</li>\n"...)
	for ; depth > 0; depth-- {
		b = append(b, "</ul>\n</li>\n"...)
	}
	return append(b, "</ul>\n"...)
}

// inTOC reports whether h belongs in the TOC.
func inTOC(h Heading, minLevel, maxLevel int) bool {
	return h.Level >= minLevel && h.Level <= maxLevel && h.Text != "" && h.ID != ""
}

// appendEscaped appends s to b with HTML's special characters escaped.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		case '"':
			b = append(b, "&quot;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}
