package ui

import (
	"errors"

	"github.com/steadyapp/steady/data"
)

// Screen capture. On Windows (SetWindowDisplayAffinity with
// WDA_EXCLUDEFROMCAPTURE) and macOS (NSWindow.sharingType = none) Steady's
// window can be left out of screenshots, screen recordings and screen
// sharing; it shows as empty or is missing from them. Linux desktops (X11,
// and Wayland through Fyne) offer an app no way to do this: there the
// option says so and is off.

// settingHideCapture is the option "Hide Steady from screenshots and
// screen sharing": "1" on, "0" off, unset = on while discreet mode is on.
const settingHideCapture = "hide_capture"

// errNoNativeWindow is returned where Fyne gives no native window (tests,
// a window not yet shown).
var errNoNativeWindow = errors.New("no native window")

// hideCapture reports whether the window should be hidden from capture.
func (u *UI) hideCapture() bool {
	switch u.setting(settingHideCapture, "") {
	case "1":
		return true
	case "0":
		return false
	}
	return u.setting(data.SettingDiscreet, "") == "1"
}

// applyCapture hides the window from capture or shows it again, where the
// system can. A window not shown yet is done when it first comes to the
// front (enteredForeground).
func (u *UI) applyCapture() {
	if !captureSupported() {
		return
	}
	_ = setCaptureHidden(u.win, u.hideCapture())
}
