package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"yipin/generator/config/yamlsrc"
)

// decoder decodes site.yaml and checks the decoded values.
type decoder struct {
	*yamlsrc.Decoder
	links []SiteLink // see siteLink
}

// validate checks the values of c after decoding and puts back the default
// of every value that is wrong, so that c stays usable.
func (d *decoder) validate(c *Config) {
	def := Default()
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" {
		if d.At("title") == nil {
			d.Fail("title", "在 site.yaml 里加一行网站名称,例如 title: 某某机关党建网", "缺少网站名称 title")
		} else {
			d.Fail("title", "在冒号后面写上网站名称,例如 title: 某某机关党建网", "网站名称 title 是空的")
		}
	}
	if norm, msg, hint := normalizeBaseURL(c.BaseURL); msg != "" {
		d.Fail("base_url", hint, "%s", msg)
		c.BaseURL = def.BaseURL
	} else {
		c.BaseURL = norm
		if n := d.At("base_url"); n != nil {
			c.baseURLAt = position{n.Line, n.Column}
		}
	}
	if c.Language == "" {
		c.Language = def.Language
	} else if !yamlsrc.ValidLanguage(c.Language) {
		d.Fail("language", "中文网站写 zh-CN;繁体中文写 zh-TW;英文写 en", "language “%s” 不是有效的语言代码", yamlsrc.Clip(c.Language, 30))
		c.Language = def.Language
	}
	d.validateTimeZone(c, def)
	if n := d.At("theme"); n != nil {
		c.themeAt = position{n.Line, n.Column}
	}
	if c.Theme == "" {
		c.Theme = def.Theme
	} else if hasControl(c.Theme) {
		d.Fail("theme", "写 themes 文件夹下主题文件夹的名字(例如 theme: default),或主题文件夹的路径", "主题 “%s” 含有控制字符", yamlsrc.Clip(c.Theme, 30))
		c.Theme = def.Theme
	}
	d.checkRange("page_size", &c.PageSize, def.PageSize)
	d.checkRange("summary_length", &c.SummaryLength, def.SummaryLength)
	d.checkRange("reading_speed", &c.ReadingSpeed, def.ReadingSpeed)
	d.checkRange("rss_limit", &c.RSSLimit, def.RSSLimit)
	d.checkRange("markdown.toc_min_level", &c.Markdown.TOCMinLevel, def.Markdown.TOCMinLevel)
	d.checkRange("markdown.toc_max_level", &c.Markdown.TOCMaxLevel, def.Markdown.TOCMaxLevel)
	if c.Markdown.TOCMinLevel > c.Markdown.TOCMaxLevel {
		d.Fail("markdown.toc_max_level", "toc_max_level 要大于或等于 toc_min_level,例如 toc_min_level: 2、toc_max_level: 4",
			"目录最大标题级别 toc_max_level(%d)比最小级别 toc_min_level(%d)还小", c.Markdown.TOCMaxLevel, c.Markdown.TOCMinLevel)
		c.Markdown.TOCMinLevel, c.Markdown.TOCMaxLevel = def.Markdown.TOCMinLevel, def.Markdown.TOCMaxLevel
	}
	d.validateTaxonomies(c)
	if _, ok := c.Taxonomies["themes"]; !ok && c.Taxonomies != nil {
		c.Taxonomies["themes"] = def.Taxonomies["themes"] // cases need it
	}
	d.validateCategories(c, def)
	d.validateScore("panggao.target_difficulty", &c.Panggao.TargetDifficulty, def.Panggao.TargetDifficulty)
	d.validateScore("panggao.measure_strength", &c.Panggao.MeasureStrength, def.Panggao.MeasureStrength)
	d.validateScore("panggao.determination", &c.Panggao.Determination, def.Panggao.Determination)
	d.validateMenus(c)
	d.validateFooter(&c.Footer)
	if c.Taxonomies == nil {
		c.Taxonomies = map[string]string{}
	}
	if c.Menus == nil {
		c.Menus = map[string][]MenuItem{}
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
}

func (d *decoder) validateTimeZone(c *Config, def *Config) {
	if strings.TrimSpace(c.TimeZone) == "" {
		c.TimeZone, c.location = def.TimeZone, def.location
		return
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil || c.TimeZone == "Local" {
		d.Fail("time_zone", "中国大陆的网站写 time_zone: Asia/Shanghai(北京时间)", "时区 “%s” 无法识别", yamlsrc.Clip(c.TimeZone, 40))
		c.TimeZone, c.location = def.TimeZone, def.location
		return
	}
	c.location = loc
}

// intRange gives the bounds of each integer setting that has them.
func intRange(path string) (lo, hi int, ok bool) {
	switch path {
	case "page_size":
		return 1, 1000, true
	case "summary_length", "reading_speed", "rss_limit":
		return 1, 100_000, true
	case "markdown.toc_min_level", "markdown.toc_max_level":
		return 1, 6, true
	}
	return 0, 0, false
}

// checkRange puts back def when the integer at path is outside its
// intRange, and reports it.
func (d *decoder) checkRange(path string, v *int, def int) {
	lo, hi, _ := intRange(path)
	if *v < lo || *v > hi {
		key := path[strings.LastIndexByte(path, '.')+1:]
		d.Fail(path, fmt.Sprintf("请写 %d 到 %d 之间的整数,例如 %s: %d", lo, hi, key, def),
			"“%s” 应在 %d 到 %d 之间,现在是 %d", path, lo, hi, *v)
		*v = def
	}
}

// validName accepts a single folder name that stays inside its parent.
func validName(s string) bool {
	return s != "" && !strings.HasPrefix(s, ".") && !strings.ContainsAny(s, "/\\:*?\"<>|") && !hasControl(s)
}

// validKey accepts lowercase ASCII identifiers: a letter, then letters,
// digits or underscores.
func validKey(s string) bool {
	if s == "" || !('a' <= s[0] && s[0] <= 'z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// reservedKeys are the front-matter keys the content package reads itself;
// a taxonomy with one of these names would clash with them. Keep in sync
// with content's known keys (a test there checks it).
const reservedKeys = "title date lastmod draft summary weight slug url aliases author source editor layout type " +
	"description keywords image lang featured column_type params unit"

func (d *decoder) validateTaxonomies(c *Config) {
	for key, name := range c.Taxonomies {
		path := yamlsrc.Join("taxonomies", key)
		switch {
		case !validKey(key):
			d.FailKey(path, "分类名用小写英文字母、数字和下划线,以字母开头,例如 tags 或 themes",
				"分类名 “%s” 不对,只能用小写英文字母、数字和下划线", yamlsrc.Clip(key, 30))
			delete(c.Taxonomies, key)
		case strings.Contains(" "+reservedKeys+" ", " "+key+" "):
			d.FailKey(path, "换一个名字,例如 topics 或 columns", "分类名 “%s” 和页面自带的设置项重名了", key)
			delete(c.Taxonomies, key)
		case strings.TrimSpace(name) == "":
			d.Fail(path, "在冒号后面写上显示的名称,例如 "+key+": 标签", "分类 “%s” 缺少显示名称", key)
			c.Taxonomies[key] = key
		default:
			c.Taxonomies[key] = strings.TrimSpace(name)
		}
	}
}

// validateCategories drops empty and repeated categories; none left means
// the default ones.
func (d *decoder) validateCategories(c *Config, def *Config) {
	var out []string
	for i, name := range c.Categories {
		name = strings.TrimSpace(name)
		path := fmt.Sprintf("categories[%d]", i)
		switch {
		case name == "":
			d.Fail(path, "删掉这个空项,或写上类别名称,例如 经济", "单位类别不能是空的")
		case slices.Contains(out, name):
			d.Fail(path, "删掉重复的一项", "单位类别 “%s” 写了两次", yamlsrc.Clip(name, 20))
		default:
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		out = def.Categories
	}
	c.Categories = out
}

// validateScore checks the range and weight of one 攀高 score.
func (d *decoder) validateScore(path string, s *Score, def Score) {
	if s.Weight <= 0 {
		d.Fail(path+".weight", "权重要大于 0,例如 weight: 30", "“%s.weight” 应大于 0,现在是 %g", path, s.Weight)
		s.Weight = def.Weight
	}
	if s.Min >= s.Max {
		d.Fail(path+".max", "最高分要大于最低分,例如 min: 0、max: 100", "“%s” 的最高分 %g 不大于最低分 %g", path, s.Max, s.Min)
		s.Min, s.Max = def.Min, def.Max
	}
}
