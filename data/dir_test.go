package data

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestDefaultDir(t *testing.T) {
	home := func() (string, error) { return "/home/ana", nil }
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/ana/.local/share/steady"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/data/steady"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, "/home/ana/.local/share/steady"},
		{"freebsd", nil, "/home/ana/.local/share/steady"},
		{"darwin", nil, "/home/ana/Library/Application Support/Steady"},
		{"windows", map[string]string{"LOCALAPPDATA": "/c/Users/ana/AppData/Local"}, "/c/Users/ana/AppData/Local/Steady"},
	}
	for _, tt := range tests {
		if runtime.GOOS == "windows" && tt.goos != "windows" {
			continue // Unix paths mean something else to Windows' path/filepath
		}
		got, err := defaultDir(tt.goos, env(tt.env), home)
		if got = filepath.ToSlash(got); err != nil || got != tt.want {
			t.Errorf("defaultDir(%s, %v) = %q, %v; want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
}
