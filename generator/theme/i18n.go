package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"yipin/generator/diag"
)

// uiString is one of a theme's interface strings (i18n/LANG.yaml).
type uiString struct {
	text string
	file string // the file it comes from, for messages
	// values is the number of values it takes (its fmt verbs), or -1
	// when it numbers them ("%[2]d") and T does not count them.
	values int
}

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
		t.strings[k] = uiString{text: v, file: file, values: countValues(v)}
	}
	return nil
}

// countValues counts the values a string for T takes: its verbs ("%d",
// "%s", "%.1f"), not "%%" and not a "%" before something other than a
// letter ("100% 完成"). It gives -1 for a string that numbers its values
// ("%[2]d").
func countValues(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		for i < len(s) && strings.IndexByte("+-# 0123456789.*", s[i]) >= 0 {
			if s[i] == '*' {
				n++ // a width or precision given as a value
			}
			i++
		}
		switch {
		case i >= len(s), s[i] == '%':
		case s[i] == '[':
			return -1
		case 'a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z':
			n++
		}
	}
	return n
}

// translate is the T template function: the theme string for key, with
// fmt-style values filled in. An unknown key shows as itself, so a
// missing string is visible on the page rather than blank. Values that do
// not fit the string (too many, too few, a word for "%d") are an error
// naming the key: the page would otherwise show Go's "%!(EXTRA …)".
func (t *Theme) translate(key string, args ...any) (string, error) {
	s, ok := t.strings[key]
	if !ok {
		return key, nil
	}
	if s.values >= 0 && s.values != len(args) {
		return "", &funcError{
			msg: fmt.Sprintf("界面文字 %s(“%s”)需要 %d 个值,这里给了 %d 个", key, s.text, s.values, len(args)),
			hint: fmt.Sprintf("改模板里 T %q 后面的值,或改 %s 里这条文字的占位符(%%d 填数字,%%s 填文字,百分号本身写成 %%%%)",
				key, s.file),
		}
	}
	if len(args) == 0 {
		return s.text, nil
	}
	out := fmt.Sprintf(s.text, args...)
	if strings.Contains(out, "%!") && !strings.Contains(s.text, "%!") {
		return "", &funcError{
			msg:  fmt.Sprintf("界面文字 %s(“%s”)的占位符与给的值不相配,填好后是“%s”", key, s.text, out),
			hint: fmt.Sprintf("%%d 要填数字,%%s 填文字;改模板里 T %q 后面的值,或改 %s 里这条文字", key, s.file),
		}
	}
	return out, nil
}
