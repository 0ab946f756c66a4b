package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// themePath checks that src is a theme folder and returns its absolute
// path, for the theme: line of site.yaml. Pointing at the theme (yipin
// accepts a path there) rather than copying it keeps the corpus in step
// with the theme as it changes.
func themePath(src string) (string, error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("找不到主题文件夹 %s(-theme 应指向主题文件夹,例如 themes/default)", src)
	}
	return abs, nil
}
