package serve

import (
	"errors"
	"fmt"
	"strings"

	"yipin/generator/build"
	"yipin/generator/diag"
)

// failureText is a failed build's errors as the terminal shows them, each
// with its file:line:col, source lines and hint. rendered tells that the
// change was taken in and only some pages failed to render: they keep
// their last good output, the rest is up to date.
func failureText(err error, rendered bool) string {
	var text strings.Builder
	var errs *diag.Errors
	if errors.As(err, &errs) {
		for _, d := range errs.List {
			text.WriteString(d.Long())
		}
		if errs.Dropped > 0 {
			fmt.Fprintf(&text, "……另有 %d 个错误未列出\n", errs.Dropped)
		}
		if rendered {
			fmt.Fprintf(&text, "渲染出错:共 %d 个错误。出错的页面仍显示上次成功的结果,其余改动已经生效;改好并保存后会自动重新构建。\n", len(errs.List)+errs.Dropped)
		} else {
			fmt.Fprintf(&text, "构建失败:共 %d 个错误。浏览器中显示的仍是上次成功的结果;改好并保存后会自动重新构建。\n", len(errs.List)+errs.Dropped)
		}
	} else {
		fmt.Fprintf(&text, "构建失败:%v\n", err)
	}
	return text.String()
}

// reportFailure prints a failed build's errors (failureText), unless they
// are the same as the ones printed last time.
func (s *Server) reportFailure(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if text == s.lastError {
		return
	}
	s.lastError = text
	fmt.Fprint(s.opts.Stderr, text)
}

// clearError forgets the errors last printed and reports whether there
// were any.
func (s *Server) clearError() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	had := s.lastError != ""
	s.lastError = ""
	return had
}

// reportSuccess prints a build's warnings, when they differ from the
// last build's, and its one-line summary.
func (s *Server) reportSuccess(warns []*diag.Diagnostic, summary string) {
	var warnings strings.Builder
	for _, w := range warns {
		warnings.WriteString(w.Long())
	}
	s.mu.Lock()
	if warnings.String() != s.lastWarnings {
		s.lastWarnings = warnings.String()
		fmt.Fprint(s.opts.Stderr, s.lastWarnings)
	}
	s.mu.Unlock()
	fmt.Fprintln(s.opts.Stdout, summary)
}

// firstSummary is the line printed after the first build.
func firstSummary(stats *build.Stats) string {
	return fmt.Sprintf("构建完成:%d 个页面和 %d 个其他文件,用时 %d 毫秒。", stats.Pages, stats.Files, stats.Duration.Milliseconds())
}

// updateKinds names what a change was, for the terminal.
var updateKinds = map[string]string{
	"full": "重新构建", "content": "内容有变", "body": "正文有变", "theme": "主题有变", "css": "样式有变", "none": "没有变化",
}

// updateSummary is the line printed after a change was taken in.
func updateSummary(u *build.Update) string {
	line := fmt.Sprintf("已更新(%s):立即渲染 %d 个页面,用时 %d 毫秒", updateKinds[u.Kind], u.Rendered, u.Duration.Milliseconds())
	if u.Stale > 0 {
		line += fmt.Sprintf(";另有 %d 个文件在打开时或在后台更新", u.Stale)
	}
	return line + "。"
}
