//go:build !(linux || freebsd || netbsd || openbsd || dragonfly) || android

package main

// displayVar is empty: windows here need no display named in the
// environment (Windows, macOS).
const displayVar = ""

// displayMissing is always false here.
func displayMissing(func(string) string) bool { return false }
