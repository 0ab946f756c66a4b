package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"yipin/generator/diag"
)

// loadStrings reads i18n/LANG.yaml (a flat map of key: text) from a theme
// or site folder; later folders override earlier ones key by key.
func (t *Theme) loadStrings(d Dir, lang string) []*diag.Diagnostic {
	file := path.Join(d.Display, "i18n", lang+".yaml")
	src, err := os.ReadFile(filepath.Join(d.Path, "i18n", lang+".yaml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []*diag.Diagnostic{diag.New(file, 0, 0, "读取文件失败:%v", err)}
	}
	var m map[string]string
	if err := yaml.Unmarshal(src, &m); err != nil {
		return []*diag.Diagnostic{diag.New(file, 0, 0, "界面文字文件格式有误:%v", err).
			WithHint("每行写成 键: 文字,例如 home: 首页")}
	}
	for k, v := range m {
		t.strings[k] = v
	}
	return nil
}

// translate is the T template function: the theme string for key, with
// fmt-style arguments filled in. An unknown key shows as itself, so a
// missing string is visible on the page rather than blank.
func (t *Theme) translate(key string, args ...any) string {
	s, ok := t.strings[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
