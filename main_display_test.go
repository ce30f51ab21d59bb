package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/steadyapp/steady/i18n"
)

// buildSteady builds the real Steady binary into a temporary folder.
func buildSteady(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build Steady:", err)
	}
	bin := filepath.Join(t.TempDir(), "steady")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// TestNoDisplay runs the real binary with no display, and with one that
// cannot be reached: it says so in plain words in the chosen language,
// exits with status 2, does not panic, and leaves no data folder behind.
func TestNoDisplay(t *testing.T) {
	if displayVar != "DISPLAY" {
		t.Skip("windows here need no display named in the environment")
	}
	unreachable := ":4093"
	if _, err := os.Stat("/tmp/.X11-unix/X4093"); err == nil {
		t.Skip("an X server listens on " + unreachable)
	}
	bin := buildSteady(t)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			env = append(env, kv)
		}
	}
	tests := []struct {
		name, lang, display, id string
	}{
		{"unset", "en", "", "nodisplay.unset"},
		{"unset, German", "de", "", "nodisplay.unset"},
		{"unreachable", "en", unreachable, "nodisplay.failed"},
		{"unreachable, Japanese", "ja", unreachable, "nodisplay.failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			if err := tr.Set(tr.Pick(tt.lang, "", "")); err != nil {
				t.Fatal(err)
			}
			want := i18n.Unbreakable(tr.T(tt.id, "Display", tt.display))
			dir := filepath.Join(t.TempDir(), "data")
			cmd := exec.Command(bin, "--data-dir", dir, "--lang", tt.lang)
			cmd.Env = append(env, "XDG_CONFIG_HOME="+t.TempDir())
			if tt.display != "" {
				cmd.Env = append(cmd.Env, "DISPLAY="+tt.display)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err = cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitNoDisplay {
				t.Errorf("exit: %v, want status %d\n%s", err, exitNoDisplay, stderr.String())
			}
			if !strings.Contains(stderr.String(), "steady: "+want+"\n") {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
			if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
				t.Errorf("a Go panic reached the user:\n%s", stderr.String())
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the data folder was made or touched: %v", err)
			}
		})
	}
}
