package main

import (
	"os/exec"
	"strings"
	"testing"
)

// forbidden are the standard packages that can talk to a network.
var forbidden = []string{"net", "net/http", "net/rpc", "net/smtp", "net/mail", "net/textproto",
	"net/http/httputil", "crypto/tls", "net/netip"}

// allowed third-party modules are checked like Steady's own code: none of
// their packages that Steady uses may import a network package. Fyne is
// not among them (it imports net/http for remote images and URLs Steady
// never opens).
var allowed = []string{"github.com/mattn/go-sqlite3", "github.com/nicksnyder/go-i18n/", "golang.org/x/text/",
	"golang.org/x/crypto/", "github.com/BurntSushi/toml"}

// TestNoNetworkCode lists every package Steady's own packages depend on and
// fails when Steady's code, or an allowed library, imports a network package
// (net/url, which only parses text, is fine).
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if !ours(pkg) {
			continue
		}
		checked++
		for _, imp := range imports {
			for _, f := range forbidden {
				if imp == f {
					t.Errorf("%s imports %s", pkg, imp)
				}
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d packages checked", checked)
	}
}

func ours(pkg string) bool {
	if strings.HasPrefix(pkg, "github.com/steadyapp/steady") {
		return true
	}
	for _, a := range allowed {
		if strings.HasPrefix(pkg, a) || pkg == strings.TrimSuffix(a, "/") {
			return true
		}
	}
	return false
}
