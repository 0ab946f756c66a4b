//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl+C in the middle of a build: the build stops, throws away what it
// wrote, and public/ stays as it was, with nothing left beside it.
func TestBuildInterrupted(t *testing.T) {
	files := tinySite()
	body := strings.Repeat("机关党建工作要在服务中心、建设队伍上下功夫。\n\n", 40)
	for i := range 3000 {
		files[fmt.Sprintf("content/news/p%04d.md", i)] = fmt.Sprintf("---\ntitle: 第 %d 篇\ndate: 2025-05-06\n---\n%s", i, body)
	}
	root := writeSite(t, files)
	public := filepath.Join(root, "public")
	if err := os.Mkdir(public, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, "last-good.txt"), []byte("上次的结果"), 0o644); err != nil {
		t.Fatal(err)
	}

	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result)
	go func() {
		code, stdout, stderr := call("build", "--source", root)
		done <- result{code, stdout, stderr}
	}()
	// Pages are being written once the new folder has its first section.
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(public+".yipin-new", "news")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the build wrote no pages")
		}
		time.Sleep(time.Millisecond)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the build did not stop after Ctrl+C")
	}
	if r.code != exitBuild || !strings.Contains(r.stderr, "构建已中断,输出文件夹保持原样") || r.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and the line about the interruption", r.code, r.stdout, r.stderr)
	}
	entries, err := os.ReadDir(public)
	if err != nil || len(entries) != 1 || entries[0].Name() != "last-good.txt" {
		t.Errorf("public/ changed by an interrupted build: %v %v", entries, err)
	}
	for _, leftover := range []string{".yipin-new", ".yipin-old", ".yipin-lock"} {
		if _, err := os.Stat(public + leftover); err == nil {
			t.Errorf("public%s left behind", leftover)
		}
	}
}
