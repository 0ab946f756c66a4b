package serve

import (
	"strings"
	"testing"

	"yipin/generator/diag"
)

// TestFailureText: a change that failed says the browser still shows the
// last good build; a change taken in whose pages then failed to render
// says that only those pages do.
func TestFailureText(t *testing.T) {
	err := &diag.Errors{List: []*diag.Diagnostic{diag.New("content/a.md", 3, 7, "日期 “明天” 无法识别")}}
	failed, rendered := failureText(err, false), failureText(err, true)
	if !strings.Contains(failed, "content/a.md:3:7") || !strings.Contains(failed, "构建失败:共 1 个错误。浏览器中显示的仍是上次成功的结果") {
		t.Errorf("failed build:\n%s", failed)
	}
	if !strings.Contains(rendered, "渲染出错:共 1 个错误。出错的页面仍显示上次成功的结果,其余改动已经生效") {
		t.Errorf("pages that failed to render:\n%s", rendered)
	}
}
