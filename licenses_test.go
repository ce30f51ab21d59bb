package main

import (
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// TestThirdPartyLicensesCurrent checks that assets/THIRD_PARTY_LICENSES.txt
// (which the About window shows) has a section for every module compiled
// into Steady, at the version compiled in. scripts/licenses writes it.
func TestThirdPartyLicensesCurrent(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f",
		"{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	text, err := os.ReadFile("assets/THIRD_PARTY_LICENSES.txt")
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]bool{}
	for _, l := range strings.Split(string(text), "\n") {
		sections[strings.TrimSpace(l)] = true
	}
	modules := map[string]bool{}
	for _, m := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if m != "" {
			modules[m] = true
		}
	}
	var missing []string
	for m := range modules {
		if !sections[m] {
			missing = append(missing, m)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("assets/THIRD_PARTY_LICENSES.txt has no section for %q: run scripts/licenses", missing)
	}
	if len(modules) < 10 {
		t.Errorf("go list named only %d modules", len(modules))
	}
}
