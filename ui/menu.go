package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Shortcuts use Ctrl (⌘ on macOS).
var (
	shortcutQuick    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit     = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSettings = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExport   = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFilter   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutLock     = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
)

// sectionShortcut is Ctrl+n for the n-th section (n = 1 … 9).
func sectionShortcut(i int) fyne.Shortcut {
	return &desktop.CustomShortcut{
		KeyName:  fyne.KeyName(strconv.Itoa(i + 1)),
		Modifier: fyne.KeyModifierShortcutDefault,
	}
}

// mainMenu builds the window's menu bar with Steady's own translated labels.
// Shortcuts live on the menu items, which Fyne triggers even while a text
// field has the keyboard focus, and on the canvas (addShortcuts).
func (u *UI) mainMenu() *fyne.MainMenu {
	quick := fyne.NewMenuItem(u.tr.T("quick.button"), u.showQuickCheckin)
	quick.Shortcut = shortcutQuick
	exportCSV := fyne.NewMenuItem(u.tr.T("menu.export_csv"), u.exportCSV)
	exportCSV.Shortcut = shortcutExport
	settings := fyne.NewMenuItem(u.tr.T("tab.settings"), func() { u.SelectSection(SectionSettings) })
	settings.Shortcut = shortcutSettings
	filter := fyne.NewMenuItem(u.tr.T("history.filter"), u.focusFilter)
	filter.Shortcut = shortcutFilter
	exportJSON := fyne.NewMenuItem(u.tr.T("menu.export_json"), u.exportJSON)
	importJSON := fyne.NewMenuItem(u.tr.T("menu.import"), u.importJSON)
	deleteAll := fyne.NewMenuItem(u.tr.T("menu.delete_all"), u.deleteAll)
	lock := fyne.NewMenuItem(u.tr.T("menu.lock"), u.lock)
	lock.Shortcut = shortcutLock
	lock.Disabled = !u.store.Encrypted()
	quit := fyne.NewMenuItem(u.tr.T("menu.quit"), u.app.Quit)
	quit.IsQuit = true
	quit.Shortcut = shortcutQuit
	file := fyne.NewMenu(u.tr.T("menu.file"), quick, fyne.NewMenuItemSeparator(),
		exportCSV, exportJSON, importJSON, fyne.NewMenuItemSeparator(), settings, deleteAll, fyne.NewMenuItemSeparator(), lock, quit)

	views := []*fyne.MenuItem{filter, fyne.NewMenuItemSeparator()}
	for i, s := range u.sections() {
		id := s.id
		item := fyne.NewMenuItem(u.tr.T(s.title), func() { u.SelectSection(id) })
		if i < 9 {
			item.Shortcut = sectionShortcut(i)
		}
		views = append(views, item)
	}
	view := fyne.NewMenu(u.tr.T("menu.view"), views...)
	// On macOS Fyne moves only items labelled exactly "About" or
	// "Settings…"/"Preferences…" into the app menu; Steady's translated
	// labels stay in the Help menu instead, which is where people look.
	about := fyne.NewMenuItem(u.tr.T("menu.about"), u.showAbout)
	privacy := fyne.NewMenuItem(u.tr.T("menu.privacy"), u.showPrivacy)
	help := fyne.NewMenuItem(u.tr.T("help.button"), func() { u.SelectSection(SectionHelp) })
	return fyne.NewMainMenu(file, view, fyne.NewMenu(u.tr.T("menu.help"), help, privacy, about))
}

// addShortcuts registers the menu's shortcuts on the canvas too, once.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	for i, s := range u.sections() {
		if i >= 9 {
			break
		}
		id := s.id
		c.AddShortcut(sectionShortcut(i), u.unlockedOnly(func() { u.SelectSection(id) }))
	}
	c.AddShortcut(shortcutQuick, u.unlockedOnly(u.showQuickCheckin))
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { u.app.Quit() })
	c.AddShortcut(shortcutSettings, u.unlockedOnly(func() { u.SelectSection(SectionSettings) }))
	c.AddShortcut(shortcutExport, u.unlockedOnly(u.exportCSV))
	c.AddShortcut(shortcutFilter, u.unlockedOnly(u.focusFilter))
	c.AddShortcut(shortcutLock, u.unlockedOnly(u.lock))
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		u.touch()
		if ev.Name == fyne.KeyEscape {
			u.closeTopDialog()
		}
	})
	c.SetOnTypedRune(func(rune) { u.touch() })
}

// unlockedOnly makes a shortcut do nothing while the lock screen shows.
func (u *UI) unlockedOnly(f func()) func(fyne.Shortcut) {
	return func(fyne.Shortcut) {
		if u.store != nil {
			u.touch()
			f()
		}
	}
}
