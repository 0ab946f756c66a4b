package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// copyTheme copies the theme folder src into out/themes/<name of src>
// and returns that name, for the theme: line of site.yaml. A copy (not a
// link) keeps the corpus whole when it is moved or the theme is edited.
// Only folders and regular files are copied.
func copyTheme(src, out string) (name string, err error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	name = filepath.Base(abs)
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("找不到主题文件夹 %s(-theme 应指向主题文件夹,例如 themes/default)", src)
	}
	if name == "" || strings.HasPrefix(name, ".") || name == string(filepath.Separator) {
		return "", fmt.Errorf("主题文件夹名 %q 不能用作主题名", name)
	}
	dest := filepath.Join(out, "themes", name)
	err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(abs, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dest, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("复制主题 %s 失败:%w", src, err)
	}
	return name, nil
}
