package data

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the name of the journal file inside the data directory.
const FileName = "steady.db"

// DefaultDir returns the per-user directory where Steady keeps its journal:
// $XDG_DATA_HOME/steady (default ~/.local/share/steady) on Linux and BSD,
// %LOCALAPPDATA%\Steady on Windows and ~/Library/Application Support/Steady
// on macOS.
func DefaultDir() (string, error) {
	return defaultDir(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func defaultDir(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Steady"), nil
		}
	case "darwin":
		h, err := home()
		if err != nil {
			return "", fmt.Errorf("find home directory: %w", err)
		}
		return filepath.Join(h, "Library", "Application Support", "Steady"), nil
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "steady"), nil
		}
	}
	h, err := home()
	if err != nil {
		return "", fmt.Errorf("find home directory: %w", err)
	}
	if goos == "windows" {
		return filepath.Join(h, "AppData", "Local", "Steady"), nil
	}
	return filepath.Join(h, ".local", "share", "steady"), nil
}

// ResolveDir picks the data directory: the flag if set, then the
// STEADY_DATA_DIR environment variable, then DefaultDir.
func ResolveDir(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if env := os.Getenv("STEADY_DATA_DIR"); env != "" {
		return filepath.Abs(env)
	}
	return DefaultDir()
}

// tightenDir makes the data folder dir owner-only (0700) when others could
// read, write or enter it, and returns its permission bits before (0 when
// nothing had to change). Windows folders inherit their access from the
// user's profile: nothing is done there.
func tightenDir(dir string) (fs.FileMode, error) {
	if runtime.GOOS == "windows" {
		return 0, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return 0, err
	}
	perm := st.Mode().Perm()
	if perm&0o077 == 0 {
		return 0, nil
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return 0, err
	}
	return perm, nil
}
