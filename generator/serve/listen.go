package serve

import (
	"errors"
	"net"
	"strconv"
	"syscall"
)

// PortTries is how many ports after the asked one Listen tries.
const PortTries = 20

// Listen listens on bind:port or, when that port is taken, on the next
// free one up to port+PortTries. Port 0 picks any free port.
func Listen(bind string, port int) (net.Listener, error) {
	var firstErr error
	for p := port; p <= port+PortTries; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			return ln, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if port == 0 || !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	return nil, firstErr
}

// Port is the port ln listens on.
func Port(ln net.Listener) int {
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		return a.Port
	}
	return 0
}

// Local reports whether bind only accepts connections from this
// computer.
func Local(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}
