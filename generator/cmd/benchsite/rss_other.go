//go:build !unix

package main

import "os"

// maxRSS is not available here; 0 means unknown.
func maxRSS(*os.ProcessState) int64 { return 0 }
