package config

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time zones work on machines without zoneinfo

	yaml "go.yaml.in/yaml/v3"

	"yipin/generator/config/yamlsrc"
	"yipin/generator/diag"
)

// maxFileSize is the largest site.yaml Load reads.
const maxFileSize = 4 << 20

// Load reads and checks the settings file at path (e.g. "/site/site.yaml").
// Diagnostics name the file by its base name, as users see it in their
// site folder. The returned Config is usable even when there are errors:
// every value that is missing or wrong has its default.
func Load(path string) (*Config, []*diag.Diagnostic) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Default(), []*diag.Diagnostic{diag.New(path, 0, 0, "找不到网站设置文件 %s", path).
			WithHint("在网站文件夹里新建 site.yaml(UTF-8 编码),至少写一行网站名称,例如 title: 某某机关党建网")}
	case err != nil:
		return Default(), []*diag.Diagnostic{diag.New(path, 0, 0, "无法读取网站设置文件 %s", path).
			WithHint("请检查文件是否存在、是否有读取权限(%s)", err)}
	case info.IsDir():
		return Default(), []*diag.Diagnostic{diag.New(path, 0, 0, "%s 是一个文件夹,不是设置文件", path).
			WithHint("网站设置应写在名为 site.yaml 的文件里")}
	case info.Size() > maxFileSize:
		return Default(), []*diag.Diagnostic{diag.New(path, 0, 0, "网站设置文件 %s 太大(%.1f MB)", path, float64(info.Size())/(1<<20)).
			WithHint("site.yaml 只放网站设置,通常只有几 KB;请检查是否选错了文件")}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return Default(), []*diag.Diagnostic{diag.New(path, 0, 0, "无法读取网站设置文件 %s", path).
			WithHint("请检查文件是否有读取权限(%s)", err)}
	}
	return Parse(filepath.Base(path), src)
}

// Parse checks src, the content of the settings file named file. It
// reports every problem it finds, sorted by position, and returns a usable
// Config in which wrong or missing values have their defaults. Whether
// the theme folder exists is left to CheckTheme.
func Parse(file string, src []byte) (*Config, []*diag.Diagnostic) {
	c := Default()
	src = yamlsrc.StripBOM(src)
	c.file, c.src = file, src
	if d := yamlsrc.CheckUTF8(file, src); d != nil {
		return c, []*diag.Diagnostic{d}
	}
	root, perr := yamlsrc.Parse(file, src, 1, src)
	if perr != nil {
		return c, []*diag.Diagnostic{perr}
	}
	d := decoder{Decoder: yamlsrc.NewDecoder(file, src)}
	d.IntRange = intRange
	if root != nil && root.Kind != yaml.MappingNode && !yamlsrc.IsNull(root) {
		d.Errorf(root, "每项设置写成“名称: 值”,顶格书写,例如 title: 某某机关党建网",
			"site.yaml 的内容应为一项项“名称: 值”的设置,现在是%s", yamlsrc.Describe(root))
		root = nil
	}
	d.Diags = append(d.Diags, yamlsrc.Duplicates(file, root, src)...)
	if root != nil {
		d.Decode(root, c, "")
	}
	d.validate(c)
	c.links = d.links
	diag.Sort(d.Diags)
	return c, d.Diags
}

// Location is the time zone of TimeZone, for dates written without one.
func (c *Config) Location() *time.Location {
	if c.location != nil {
		return c.location
	}
	if loc, err := time.LoadLocation(c.TimeZone); err == nil && c.TimeZone != "" {
		return loc
	}
	return defaultLocation()
}

// defaultLocation is Asia/Shanghai, or the fixed UTC+8 zone should the
// embedded zone database ever fail.
func defaultLocation() *time.Location {
	if loc, err := time.LoadLocation(DefaultTimeZone); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}

// CheckTheme reports the theme folder of the site whose root is site when
// it does not exist (or is not a folder), at the theme key of site.yaml
// when it is written there; it returns nil when the folder is there.
func (c *Config) CheckTheme(site string) *diag.Diagnostic {
	dir, display := c.ThemeDir(site)
	info, err := os.Stat(dir)
	if err == nil && info.IsDir() {
		return nil
	}
	msg := "找不到主题文件夹 %s"
	if err == nil {
		msg = "主题 %s 不是文件夹"
	}
	if c.themeAt.line == 0 {
		return diag.New(c.file, 0, 0, msg, display).
			WithHint("网站文件夹里要有默认主题 themes/default;主题放在别处时,在 site.yaml 里用 theme 写它的路径")
	}
	return diag.New(c.file, c.themeAt.line, c.themeAt.col, msg, display).WithSource(c.src).
		WithHint("theme 写 themes 文件夹下主题文件夹的名字(默认 default),或主题文件夹的路径(相对于网站文件夹,或完整路径)")
}

// TaxonomyKeys returns the front-matter keys of the taxonomies, sorted.
func (c *Config) TaxonomyKeys() []string {
	keys := make([]string, 0, len(c.Taxonomies))
	for k := range c.Taxonomies {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ThemeDir is the folder of the theme for a site whose root is source:
// Theme is a folder name under themes/, or a path (relative to the site
// root, or absolute). display is the same for messages, relative to the
// site root and with slashes.
func (c *Config) ThemeDir(source string) (dir, display string) {
	name := c.Theme
	if !strings.ContainsAny(name, `/\`) {
		return filepath.Join(source, "themes", name), path.Join("themes", name)
	}
	if filepath.IsAbs(name) {
		return name, filepath.ToSlash(name)
	}
	return filepath.Join(source, name), filepath.ToSlash(name)
}
