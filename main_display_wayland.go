//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && wayland && !android

package main

// displayVar is the environment variable that names the Wayland display
// Fyne's Wayland build connects to.
const displayVar = "WAYLAND_DISPLAY"

// displayMissing reports whether getenv names no display to connect to.
func displayMissing(getenv func(string) string) bool { return getenv(displayVar) == "" }
