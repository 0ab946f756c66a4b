package browsertest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"path/filepath"
	"testing"
	"time"

	"yipin/generator/build"
)

// builtSite builds the demo site once per test binary, for the base URL
// http://127.0.0.1:PORT/dangjian/ of a free port, and returns the output
// folder and the port.
func builtSite(t *testing.T) (public string, port int) {
	t.Helper()
	root := tempRoot(t)
	fx.siteOnce.Do(func() {
		if fx.port, fx.siteErr = freePort(); fx.siteErr != nil {
			return
		}
		fx.public = filepath.Join(root, "public")
		base := fmt.Sprintf("http://127.0.0.1:%d%s", fx.port, basePath)
		_, err := build.Run(context.Background(), build.Options{Source: "../..", Destination: fx.public, Now: time.Now(), BaseURL: base})
		if err != nil {
			fx.siteErr = fmt.Errorf("building the demo site: %w", err)
		}
	})
	if fx.siteErr != nil {
		t.Fatal(fx.siteErr)
	}
	return fx.public, fx.port
}

// freePort finds a free port on 127.0.0.1 below Linux's ephemeral range
// (32768 up), so that no outgoing connection takes it while nginx is
// stopped between two tests.
func freePort() (int, error) {
	for range 100 {
		p := 20000 + rand.IntN(12000)
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err == nil {
			l.Close()
			return p, nil
		}
	}
	return 0, errors.New("no free port on 127.0.0.1 between 20000 and 32000")
}
