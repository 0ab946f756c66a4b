package markdown

import "testing"

func TestTOC(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		min, max int
		want     string
	}{
		{"none", "# 标题\n\n正文", 0, 0, ""},
		{"one is not enough", "# 标题\n\n## 一", 0, 0, ""},
		{"flat", "## 一\n\n## 二", 0, 0,
			"<ul>\n<li><a href=\"#一\">一</a></li>\n<li><a href=\"#二\">二</a></li>\n</ul>\n"},
		{"nested", "# 题\n\n## 一\n\n### 甲\n\n### 乙\n\n## 二\n\n##### 太深", 0, 0,
			"<ul>\n<li><a href=\"#一\">一</a>\n<ul>\n<li><a href=\"#甲\">甲</a></li>\n" +
				"<li><a href=\"#乙\">乙</a></li>\n</ul>\n</li>\n<li><a href=\"#二\">二</a></li>\n</ul>\n"},
		{"skipped level", "## 一\n\n#### 深\n\n## 二", 0, 0,
			"<ul>\n<li><a href=\"#一\">一</a>\n<ul>\n<li>\n<ul>\n<li><a href=\"#深\">深</a></li>\n" +
				"</ul>\n</li>\n</ul>\n</li>\n<li><a href=\"#二\">二</a></li>\n</ul>\n"},
		{"starts deep", "### 甲\n\n## 一", 0, 0,
			"<ul>\n<li>\n<ul>\n<li><a href=\"#甲\">甲</a></li>\n</ul>\n</li>\n<li><a href=\"#一\">一</a></li>\n</ul>\n"},
		{"ends deep", "## 一\n\n### 甲\n\n#### 子", 0, 0,
			"<ul>\n<li><a href=\"#一\">一</a>\n<ul>\n<li><a href=\"#甲\">甲</a>\n<ul>\n" +
				"<li><a href=\"#子\">子</a></li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n"},
		{"levels option", "# 题\n\n## 一\n\n### 甲", 1, 2,
			"<ul>\n<li><a href=\"#题\">题</a>\n<ul>\n<li><a href=\"#一\">一</a></li>\n</ul>\n</li>\n</ul>\n"},
		{"empty headings do not count", "## 一\n\n##\n\n### {#x}", 0, 0, ""},
		{"escaped", "## a<b & \"c\" {id=\"q&<\"}\n\n## 二", 0, 0,
			"<ul>\n<li><a href=\"#q&amp;&lt;\">a&lt;b &amp; &quot;c&quot;</a></li>\n<li><a href=\"#二\">二</a></li>\n</ul>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{TOCMinLevel: tt.min, TOCMaxLevel: tt.max})
			got := string(c.Convert(Document{Body: []byte(tt.in)}).TOC)
			if got != tt.want {
				t.Errorf("\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}
