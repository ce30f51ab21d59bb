//go:build windows

package ui

import (
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Window display affinities (winuser.h).
const (
	wdaNone               = 0x00
	wdaMonitor            = 0x01 // Windows 7 …: shown black in captures
	wdaExcludeFromCapture = 0x11 // Windows 10 2004 and later: left out
)

var procSetWindowDisplayAffinity = syscall.NewLazyDLL("user32.dll").NewProc("SetWindowDisplayAffinity")

// captureSupported reports whether this system can hide a window from
// capture.
func captureSupported() bool { return procSetWindowDisplayAffinity.Find() == nil }

// setCaptureHidden sets the window's display affinity.
func setCaptureHidden(w fyne.Window, hide bool) error {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return errNoNativeWindow
	}
	err := errNoNativeWindow
	nw.RunNative(func(ctx any) {
		c, ok := ctx.(driver.WindowsWindowContext)
		if !ok || c.HWND == 0 {
			return
		}
		affinity := uintptr(wdaNone)
		if hide {
			affinity = wdaExcludeFromCapture
		}
		if r, _, e := procSetWindowDisplayAffinity.Call(c.HWND, affinity); r != 0 {
			err = nil
			return
		} else if !hide {
			err = e
			return
		}
		// Before Windows 10 2004 only "monitor" exists: the window shows
		// black in captures instead of being left out.
		if r, _, e := procSetWindowDisplayAffinity.Call(c.HWND, wdaMonitor); r != 0 {
			err = nil
		} else {
			err = e
		}
	})
	return err
}
