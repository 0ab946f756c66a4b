package browsertest

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// server is an nginx serving the built site under basePath.
type server struct {
	origin string // http://127.0.0.1:PORT
	base   string // origin + basePath
}

// url returns the absolute URL of a site path such as "/news/".
func (s *server) url(sitePath string) string {
	return s.origin + strings.TrimSuffix(basePath, "/") + sitePath
}

// startServer builds the site (once) and starts nginx on its port as the
// current user, with every file it writes in a temporary folder. nginx is
// stopped when the test ends.
func startServer(t *testing.T) *server {
	t.Helper()
	needLong(t)
	bin := nginxPath(t)
	public, port := builtSite(t)
	dir := t.TempDir()
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.Mkdir(filepath.Join(dir, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conf, []byte(nginxConf(bin, dir, public, port)), 0o644); err != nil {
		t.Fatal(err)
	}
	errorLog := filepath.Join(dir, "error.log")
	cmd := exec.Command(bin, "-p", dir, "-c", conf, "-e", errorLog)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})

	s := &server{origin: fmt.Sprintf("http://127.0.0.1:%d", port)}
	s.base = s.origin + basePath
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(10 * time.Second); ; {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(errorLog)
			t.Fatalf("nginx exited (%v):\n%s", err, log)
		default:
		}
		resp, err := client.Get(s.base)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
			err = fmt.Errorf("status %s", resp.Status)
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(errorLog)
			t.Fatalf("nginx does not answer %s: %v\n%s", s.base, err, log)
		}
		time.Sleep(20 * time.Millisecond) // bounded polling until nginx listens
	}
}

// nginxConf is a single-process nginx config that serves public at
// basePath on 127.0.0.1:port, as a government server would host the site
// in a sub-folder, and keeps its pid, logs and temp files in dir.
func nginxConf(bin, dir, public string, port int) string {
	q := func(parts ...string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(filepath.Join(parts...)) + `"`
	}
	var b strings.Builder
	fmt.Fprintf(&b, "daemon off;\nmaster_process off;\npid %s;\nerror_log %s warn;\n", q(dir, "nginx.pid"), q(dir, "error.log"))
	b.WriteString("events { worker_connections 256; }\nhttp {\n")
	if _, err := os.Stat("/etc/nginx/mime.types"); err == nil {
		b.WriteString("  include /etc/nginx/mime.types;\n")
	} else {
		b.WriteString("  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; " +
			"image/png png; image/jpeg jpg jpeg; image/webp webp; text/xml xml; application/rss+xml rss; text/plain txt; }\n")
	}
	b.WriteString("  default_type application/octet-stream;\n")
	fmt.Fprintf(&b, "  access_log %s;\n", q(dir, "access.log"))
	for _, m := range tempPathModules(bin) {
		fmt.Fprintf(&b, "  %s_temp_path %s;\n", m, q(dir, "tmp", m))
	}
	b.WriteString("  charset utf-8;\n  charset_types text/css text/plain text/xml application/javascript text/javascript " +
		"application/rss+xml application/xml image/svg+xml application/json;\n")
	b.WriteString("  absolute_redirect off;\n")
	fmt.Fprintf(&b, "  server {\n    listen 127.0.0.1:%d;\n    server_name localhost;\n", port)
	fmt.Fprintf(&b, "    location %s { alias %s; }\n", basePath, strings.TrimSuffix(q(public), `"`)+`/"`)
	fmt.Fprintf(&b, "    error_page 404 %s404.html;\n  }\n}\n", basePath)
	return b.String()
}

// tempPathModules lists the modules with a *_temp_path directive that the
// nginx binary was built with (client_body always).
func tempPathModules(bin string) []string {
	out, _ := exec.Command(bin, "-V").CombinedOutput()
	mods := []string{"client_body"}
	for _, m := range []string{"proxy", "fastcgi", "uwsgi", "scgi"} {
		if !strings.Contains(string(out), "--without-http_"+m+"_module") {
			mods = append(mods, m)
		}
	}
	return mods
}
