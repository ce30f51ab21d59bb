package ui

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/steadyapp/steady/data"
)

// inTray reports whether the tray option is on (data.SettingTray). It is
// opt-in: Fyne cannot tell whether the desktop shows a tray at all.
func (u *UI) inTray() bool { return u.setting(data.SettingTray, "") == "1" }

// applyTray shows Steady's tray menu for the current state, where the
// platform has one, once the option is on (or was on when the tray icon
// appeared: the locked state keeps it with its own menu). Fyne cannot take a tray icon away again, so turning the
// option off leaves the icon until Steady quits; closing the window then
// quits as usual (closeWindow).
func (u *UI) applyTray() {
	da, ok := u.baseApp().(desktop.App)
	if !ok || !(u.inTray() || u.trayActive) || !trayPossible() {
		return
	}
	u.trayActive = true
	da.SetSystemTrayMenu(u.trayMenu())
}

// trayMenu is the tray's menu in the current state: the quick check-in only
// while a journal is open; Open Steady and Quit always.
func (u *UI) trayMenu() *fyne.Menu {
	show := fyne.NewMenuItem(u.tr.T("tray.open"), func() {
		u.win.Show()
		u.win.RequestFocus()
	})
	quit := fyne.NewMenuItem(u.tr.T("menu.quit"), u.app.Quit)
	quit.IsQuit = true
	items := []*fyne.MenuItem{show}
	if u.state == stateOpen {
		items = append(items, fyne.NewMenuItem(u.tr.T("quick.button"), func() {
			u.win.Show()
			u.showQuickCheckin()
		}))
	}
	return fyne.NewMenu(u.tr.T("app.name"), append(items, quit)...)
}

// closeWindow is what closing the main window does.
func (u *UI) closeWindow() {
	u.rememberWindowSize()
	if u.trayActive {
		u.lock() // hidden to the tray: an encrypted journal locks
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
