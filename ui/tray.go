package ui

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// SettingTray is "1" when Steady keeps running in the system tray after its
// window is closed, so that reminders still arrive. It is opt-in: Fyne cannot
// tell whether the desktop shows a tray at all.
const SettingTray = "tray"

// inTray reports whether the tray option is on.
func (u *UI) inTray() bool { return u.setting(SettingTray, "") == "1" }

// applyTray shows Steady's tray menu, where the platform has one, once the
// option is on. Fyne cannot take a tray icon away again, so turning the
// option off leaves the icon until Steady quits; closing the window then
// quits as usual (closeWindow).
func (u *UI) applyTray() {
	da, ok := u.app.(desktop.App)
	if !ok || !u.inTray() || !trayPossible() {
		return
	}
	u.trayActive = true
	show := fyne.NewMenuItem(u.tr.T("tray.open"), func() {
		u.win.Show()
		u.win.RequestFocus()
	})
	quick := fyne.NewMenuItem(u.tr.T("quick.button"), func() {
		u.win.Show()
		if u.store != nil {
			u.showQuickCheckin()
		}
	})
	quit := fyne.NewMenuItem(u.tr.T("menu.quit"), u.app.Quit)
	quit.IsQuit = true
	da.SetSystemTrayMenu(fyne.NewMenu(u.tr.T("app.name"), show, quick, quit))
}

// closeWindow is what closing the main window does.
func (u *UI) closeWindow() {
	u.rememberWindowSize()
	if u.trayActive {
		u.win.Hide()
		return
	}
	u.win.Close()
}

// trayPossible reports whether a tray icon can work here. On Linux and the
// BSDs the tray speaks D-Bus: without a session bus Fyne's systray fails
// (and crashes at quit), so Steady then quits when its window closes.
func trayPossible() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	return os.Getenv("DBUS_SESSION_BUS_ADDRESS") != ""
}
