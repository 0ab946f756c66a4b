package browsertest

import (
	"context"
	"os"
	"sync"
	"testing"
)

// basePath is the sub-path the site is served under, as on a real
// government server that hosts several sites.
const basePath = "/dangjian/"

// fx holds what the tests of this binary share: the built site, the port
// it was built for, the crawl of it and the browser. Each is made on first
// use, so -run picks only what it needs; TestMain removes them at the end.
var fx struct {
	tmpOnce sync.Once
	tmp     string // removed after the tests
	tmpErr  error

	siteOnce sync.Once
	port     int
	public   string
	siteErr  error

	crawlOnce sync.Once
	crawl     *crawlResult

	browserOnce sync.Once
	browser     context.Context
	stopBrowser context.CancelFunc
	browserErr  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fx.stopBrowser != nil {
		fx.stopBrowser()
	}
	if fx.tmp != "" {
		os.RemoveAll(fx.tmp)
	}
	os.Exit(code)
}

// tempRoot is a folder that lives as long as the test binary.
func tempRoot(t *testing.T) string {
	t.Helper()
	fx.tmpOnce.Do(func() { fx.tmp, fx.tmpErr = os.MkdirTemp("", "yipin-browsertest-") })
	if fx.tmpErr != nil {
		t.Fatal(fx.tmpErr)
	}
	return fx.tmp
}
