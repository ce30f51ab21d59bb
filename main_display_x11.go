//go:build (linux || freebsd || netbsd || openbsd || dragonfly) && !wayland && !android

package main

// displayVar is the environment variable that names the X display Fyne's
// X11 build connects to.
const displayVar = "DISPLAY"

// displayMissing reports whether getenv names no display to connect to.
func displayMissing(getenv func(string) string) bool { return getenv(displayVar) == "" }
