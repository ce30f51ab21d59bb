package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// sectionShortcut is Ctrl+n (⌘n on macOS) for the n-th section.
func sectionShortcut(i int) fyne.Shortcut {
	return &desktop.CustomShortcut{
		KeyName:  fyne.KeyName(strconv.Itoa(i + 1)),
		Modifier: fyne.KeyModifierShortcutDefault,
	}
}

// mainMenu builds the window's menu bar with Steady's own translated labels.
// Shortcuts live on the menu items, which Fyne triggers even while a text
// field has the keyboard focus, and on the canvas for the test driver.
func (u *UI) mainMenu() *fyne.MainMenu {
	quit := fyne.NewMenuItem(u.tr.T("menu.quit"), u.app.Quit)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	file := fyne.NewMenu(u.tr.T("menu.file"), quit)

	var views []*fyne.MenuItem
	for i, it := range u.tabs.Items {
		section := i
		item := fyne.NewMenuItem(it.Text, func() { u.SelectSection(section) })
		if i < 9 {
			item.Shortcut = sectionShortcut(i)
		}
		views = append(views, item)
	}
	view := fyne.NewMenu(u.tr.T("menu.view"), views...)
	return fyne.NewMainMenu(file, view)
}

// addShortcuts registers the menu's shortcuts on the canvas too.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	for i := range u.tabs.Items {
		if i >= 9 {
			break
		}
		section := i
		c.AddShortcut(sectionShortcut(i), func(fyne.Shortcut) { u.SelectSection(section) })
	}
}
