package main

import (
	"fmt"
	"strings"
)

// splitArgs splits a command line into words the way a shell would for
// simple cases: blanks separate words, single quotes keep everything,
// double quotes keep blanks, and a backslash outside single quotes keeps
// the next character.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inWord := false
	var quote rune
	escaped := false
	for _, c := range s {
		switch {
		case escaped:
			cur.WriteRune(c)
			escaped = false
		case c == '\\' && quote != '\'':
			escaped, inWord = true, true
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(c)
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("引号 %c 没有闭合", quote)
	}
	if escaped {
		return nil, fmt.Errorf("末尾多了一个反斜杠")
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args, nil
}
