//go:build darwin

package ui

/*
#cgo CFLAGS: -x objective-c
#cgo LDFLAGS: -framework Cocoa
#import <Cocoa/Cocoa.h>

// steadySetSharing sets the window's sharing type: none keeps it out of
// screenshots, recordings and screen sharing; read-only is the default.
static void steadySetSharing(uintptr_t w, int hide) {
	NSWindow *win = (NSWindow *)w;
	[win setSharingType:(hide ? NSWindowSharingNone : NSWindowSharingReadOnly)];
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// captureSupported reports whether this system can hide a window from
// capture.
func captureSupported() bool { return true }

// setCaptureHidden sets the NSWindow's sharing type. Fyne runs the UI on
// the main thread, which AppKit requires.
func setCaptureHidden(w fyne.Window, hide bool) error {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return errNoNativeWindow
	}
	err := errNoNativeWindow
	nw.RunNative(func(ctx any) {
		c, ok := ctx.(driver.MacWindowContext)
		if !ok || c.NSWindow == 0 {
			return
		}
		h := C.int(0)
		if hide {
			h = 1
		}
		C.steadySetSharing(C.uintptr_t(c.NSWindow), h)
		err = nil
	})
	return err
}
