package yamlsrc

import "strings"

// ValidLanguage accepts language tags like "zh", "zh-CN", "zh-Hant",
// "zh-Hans-CN" and "en-US": letters first, then parts of 2 to 8 letters or
// digits joined by hyphens.
func ValidLanguage(s string) bool {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if len(p) < 2 || len(p) > 8 || (i == 0 && len(p) > 3) {
			return false
		}
		for _, r := range p {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
				return false
			}
		}
	}
	return true
}
