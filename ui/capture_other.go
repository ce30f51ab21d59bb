//go:build !windows && !darwin

package ui

import "fyne.io/fyne/v2"

// captureSupported reports whether this system can hide a window from
// capture: Linux and BSD desktops (X11, Wayland) give an app no way to.
func captureSupported() bool { return false }

// setCaptureHidden cannot hide the window here.
func setCaptureHidden(fyne.Window, bool) error { return errNoNativeWindow }
