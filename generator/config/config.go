// Package config reads and checks site.yaml, the one settings file of a
// yipin site. Every problem is reported as a positioned Chinese diagnostic;
// unknown keys are errors everywhere except under params, so that a typo
// never silently falls back to a default.
package config

import "time"

// Config is the checked content of site.yaml. YAML keys are the snake_case
// names in the yaml tags. Use Default for a Config with every default set.
type Config struct {
	// Title [网站名称] is required.
	Title string `yaml:"title"`
	// Description [网站简介] goes into <meta name="description">.
	Description string `yaml:"description"`
	// Keywords [关键词] go into <meta name="keywords">. A single line is
	// split on commas (，, 、 or ,).
	Keywords []string `yaml:"keywords"`
	// Author [作者或主办单位] is the default author of pages.
	Author string `yaml:"author"`
	// BaseURL [网站地址] is an absolute http(s) URL or a path starting with
	// "/", always ending with "/", e.g. "https://example.gov.cn/dangjian/".
	// Default "/". Change it with SetBaseURL so that it stays checked.
	BaseURL string `yaml:"base_url"`
	// Language [语言] is a language tag for <html lang>. Default "zh-CN".
	Language string `yaml:"language"`
	// TimeZone [时区] is an IANA time zone name used for dates written
	// without a zone. Default "Asia/Shanghai". See Location.
	TimeZone string `yaml:"time_zone"`
	// Theme [主题] is the name of a folder under themes/, or the path of a
	// theme folder (relative to the site root, or absolute). Default "default".
	Theme string `yaml:"theme"`
	// PageSize [每页条数] is how many entries a list page shows, 1..1000.
	// Default 20.
	PageSize int `yaml:"page_size"`
	// SummaryLength [摘要字数] is how many characters an automatic summary
	// keeps. Default 120.
	SummaryLength int `yaml:"summary_length"`
	// ReadingSpeed [阅读速度] in characters per minute, for reading time.
	// Default 400.
	ReadingSpeed int `yaml:"reading_speed"`
	// RSSLimit [订阅条数] is how many entries the RSS feed holds. Default 20.
	RSSLimit int `yaml:"rss_limit"`
	// Markdown [正文排版] holds Markdown rendering options.
	Markdown Markdown `yaml:"markdown"`
	// Taxonomies [分类方式] maps a front-matter key to its display name.
	// Keys are lowercase ASCII identifiers. Default {tags: 标签}.
	Taxonomies map[string]string `yaml:"taxonomies"`
	// Categories [单位类别] are the categories a unit may belong to, in
	// display order; 攀高 leaderboards rank units within a category.
	// Default 经济, 民生, 党群, 国企.
	Categories []string `yaml:"categories"`
	// Panggao [攀高指数] sets the range and weight of each of the three
	// scores of the 攀高指数.
	Panggao Panggao `yaml:"panggao"`
	// Menus [菜单] maps a menu name (e.g. "main") to its items, sorted by
	// weight then name.
	Menus map[string][]MenuItem `yaml:"menus"`
	// Footer [页脚] holds the government-site footer.
	Footer Footer `yaml:"footer"`
	// Params [主题参数] is free for themes; its keys are not checked.
	Params map[string]any `yaml:"params"`

	location    *time.Location // loaded TimeZone; see Location
	file        string         // the settings file, as named in messages
	src         []byte         // its text, for the source lines of later messages
	themeAt     position       // where theme is written, if it is
	links       []SiteLink     // the links to the site's own pages and files
	baseURLAt   position       // where base_url is written, if it is
	baseURLFlag bool           // BaseURL comes from SetBaseURL
}

// position is a line and column of site.yaml (0 when unknown).
type position struct{ line, col int }

// Markdown holds Markdown rendering options.
type Markdown struct {
	// Unsafe [允许原始 HTML] keeps raw HTML in Markdown. Default false.
	Unsafe bool `yaml:"unsafe"`
	// LineNumbers [代码行号] numbers the lines of code blocks.
	LineNumbers bool `yaml:"line_numbers"`
	// TOCMinLevel [目录最小标题级别] is the smallest heading level in the
	// table of contents, 1..6. Default 2.
	TOCMinLevel int `yaml:"toc_min_level"`
	// TOCMaxLevel [目录最大标题级别] is the largest heading level in the
	// table of contents, TOCMinLevel..6. Default 4.
	TOCMaxLevel int `yaml:"toc_max_level"`
}

// Panggao holds the three scores of the 攀高指数 (climbing index), which
// is their weighted mean: Σ score×weight ÷ Σ weight.
type Panggao struct {
	// TargetDifficulty [目标难度]. Default 0..100, weight 40.
	TargetDifficulty Score `yaml:"target_difficulty"`
	// MeasureStrength [措施力度]. Default 0..100, weight 30.
	MeasureStrength Score `yaml:"measure_strength"`
	// Determination [决心态度]. Default 0..100, weight 30.
	Determination Score `yaml:"determination"`
}

// Score is the range and weight of one score.
type Score struct {
	// Min [最低分] and Max [最高分] bound the score; Min < Max.
	Min float64 `yaml:"min"`
	Max float64 `yaml:"max"`
	// Weight [权重] is > 0.
	Weight float64 `yaml:"weight"`
}

// MenuItem is one entry of a menu.
type MenuItem struct {
	// Name [菜单文字] is required.
	Name string `yaml:"name"`
	// URL [链接] is a site path like "/news/" or an absolute http(s) URL.
	// It may be empty for an item that only holds children.
	URL string `yaml:"url"`
	// Weight [排序] orders items: smaller first, then by name.
	Weight int `yaml:"weight"`
	// Children [下级菜单] has the same shape; only one level is allowed.
	Children []MenuItem `yaml:"children"`
}

// Footer is the footer every government site shows (政府网站页脚).
// Every field is optional.
type Footer struct {
	// Sponsor [主办单位].
	Sponsor string `yaml:"sponsor"`
	// Operator [承办单位].
	Operator string `yaml:"operator"`
	// Contact [联系方式], free text.
	Contact string `yaml:"contact"`
	// Address [地址].
	Address string `yaml:"address"`
	// Phone [电话].
	Phone string `yaml:"phone"`
	// Email [电子邮箱].
	Email string `yaml:"email"`
	// SiteCode [网站标识码], exactly 10 letters or digits.
	SiteCode string `yaml:"site_code"`
	// ICP [ICP 备案号], e.g. "浙ICP备12345678号".
	ICP string `yaml:"icp"`
	// ICPLink [ICP 备案查询链接]. Default "https://beian.miit.gov.cn/"
	// when ICP is set.
	ICPLink string `yaml:"icp_link"`
	// Police [公安机关备案号], e.g. "浙公网安备 33010202000000号".
	Police string `yaml:"police"`
	// PoliceLink [公安备案查询链接]. Default, when Police is set, the
	// beian.gov.cn record page for the digits of Police.
	PoliceLink string `yaml:"police_link"`
	// BadgeScript [党政机关标识脚本] is the http(s) URL of the issued badge
	// script.
	BadgeScript string `yaml:"badge_script"`
	// BadgeImage [党政机关标识图片] is a site path (or URL) of the badge image.
	BadgeImage string `yaml:"badge_image"`
	// BadgeLink [党政机关标识链接] is where the badge links to.
	BadgeLink string `yaml:"badge_link"`
	// Links [友情链接] are shown in the footer.
	Links []Link `yaml:"links"`
	// Copyright [版权声明].
	Copyright string `yaml:"copyright"`
}

// Link is a named link.
type Link struct {
	// Name [链接文字] is required.
	Name string `yaml:"name"`
	// URL [链接地址] is a site path or an absolute URL; required.
	URL string `yaml:"url"`
}

// Default values.
const (
	DefaultBaseURL       = "/"
	DefaultLanguage      = "zh-CN"
	DefaultTimeZone      = "Asia/Shanghai"
	DefaultTheme         = "default"
	DefaultPageSize      = 20
	DefaultSummaryLength = 120
	DefaultReadingSpeed  = 400
	DefaultRSSLimit      = 20
	DefaultICPLink       = "https://beian.miit.gov.cn/"
	policeLinkPrefix     = "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode="
)

// Default returns a Config with every default set and no title.
func Default() *Config {
	c := &Config{
		BaseURL:       DefaultBaseURL,
		Language:      DefaultLanguage,
		TimeZone:      DefaultTimeZone,
		Theme:         DefaultTheme,
		PageSize:      DefaultPageSize,
		SummaryLength: DefaultSummaryLength,
		ReadingSpeed:  DefaultReadingSpeed,
		RSSLimit:      DefaultRSSLimit,
		Markdown:      Markdown{TOCMinLevel: 2, TOCMaxLevel: 4},
		Taxonomies:    map[string]string{"tags": "标签", "themes": "主题"},
		Categories:    []string{"经济", "民生", "党群", "国企"},
		Panggao: Panggao{
			TargetDifficulty: Score{Min: 0, Max: 100, Weight: 40},
			MeasureStrength:  Score{Min: 0, Max: 100, Weight: 30},
			Determination:    Score{Min: 0, Max: 100, Weight: 30},
		},
		Menus:  map[string][]MenuItem{},
		Params: map[string]any{},
		file:   "site.yaml",
	}
	c.location = defaultLocation()
	return c
}
