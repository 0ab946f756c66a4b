package serve

import "strings"

// ignored reports whether a file name is an editor's or the system's
// scratch file, whose changes must not start a rebuild: backups (a.md~),
// vim swap files and its write probe (4913), Emacs lock and auto-save
// files, Office/WPS lock files (~$a.docx), unfinished downloads, gedit's
// temporary files, and hidden files in general (.DS_Store, .a.md.swp).
func ignored(name string) bool {
	switch {
	case name == "" || name == "4913":
		return true
	case strings.HasPrefix(name, "."): // hidden, .#lock, .DS_Store, .goutputstream-*
		return true
	case strings.HasPrefix(name, "~$"):
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.HasSuffix(name, "~"):
		return true
	}
	for _, ext := range []string{".swp", ".swx", ".swo", ".tmp", ".crdownload"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			return true
		}
	}
	return false
}
