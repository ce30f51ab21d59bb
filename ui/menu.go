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
	quick := fyne.NewMenuItem(u.tr.T("quick.button"), u.single(openQuick, u.showQuickCheckin))
	quick.Shortcut = shortcutQuick
	exportCSV := fyne.NewMenuItem(u.tr.T("menu.export_csv"), u.single(openExport, u.exportCSV))
	exportCSV.Shortcut = shortcutExport
	settings := fyne.NewMenuItem(u.tr.T("tab.settings"), func() { u.selectSection(sectionSettings) })
	settings.Shortcut = shortcutSettings
	filter := fyne.NewMenuItem(u.tr.T("history.filter"), u.focusFilter)
	filter.Shortcut = shortcutFilter
	exportJSON := fyne.NewMenuItem(u.tr.T("menu.export_json"), u.exportJSON)
	importJSON := fyne.NewMenuItem(u.tr.T("menu.import"), u.importJSON)
	exportVault := fyne.NewMenuItem(u.tr.T("export_encrypted.menu"), u.exportEncrypted)
	clinician := fyne.NewMenuItem(u.tr.T("report_dialog.menu"), u.showReportDialog) // report_dialog.go
	deleteAll := fyne.NewMenuItem(u.tr.T("menu.delete_all"), u.deleteAll)
	lock := fyne.NewMenuItem(u.tr.T("menu.lock"), u.lock)
	lock.Shortcut = shortcutLock
	lock.Disabled = !u.journal.Encrypted()
	quit := fyne.NewMenuItem(u.tr.T("menu.quit"), u.app.Quit)
	quit.IsQuit = true
	quit.Shortcut = shortcutQuit
	file := fyne.NewMenu(u.tr.T("menu.file"), quick, fyne.NewMenuItemSeparator(),
		exportCSV, exportJSON, exportVault, importJSON, clinician, fyne.NewMenuItemSeparator(), settings, deleteAll, fyne.NewMenuItemSeparator(), lock, quit)

	views := []*fyne.MenuItem{filter, fyne.NewMenuItemSeparator()}
	for i, s := range u.sections() {
		id := s.id
		item := fyne.NewMenuItem(u.tr.T(u.neutral(s.title)), func() { u.selectSection(id) })
		if i < 9 {
			item.Shortcut = sectionShortcut(i)
		}
		views = append(views, item)
	}
	// Progress is a view of its own, opened over any section (progress.go).
	views = append(views, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(u.tr.T("progress.title"), u.showProgress))
	view := fyne.NewMenu(u.tr.T("menu.view"), views...)
	// On macOS Fyne moves only items labelled exactly "About" or
	// "Settings…"/"Preferences…" into the app menu; Steady's translated
	// labels stay in the Help menu instead, which is where people look.
	about := fyne.NewMenuItem(u.tr.T("menu.about"), u.showAbout)
	privacy := fyne.NewMenuItem(u.tr.T("menu.privacy"), u.showPrivacy)
	help := fyne.NewMenuItem(u.tr.T("help.button"), func() { u.selectSection(sectionHelp) })
	return fyne.NewMainMenu(file, view, fyne.NewMenu(u.tr.T("menu.help"), help, privacy, about))
}

// keyed is a shortcut and what it does.
type keyed struct {
	shortcut fyne.Shortcut
	do       func()
}

// shortcutsFor returns the canvas shortcuts of a state. Only the open state
// has shortcuts that need the journal; locked and start-up error have Quit
// alone. The menu's items carry the same shortcuts (Fyne triggers those even
// while a text field has the focus).
func (u *UI) shortcutsFor(s state) []keyed {
	quit := keyed{shortcutQuit, u.app.Quit}
	if s != stateOpen {
		return []keyed{quit}
	}
	var ks []keyed
	for i, sec := range u.sections() {
		if i >= 9 {
			break
		}
		id := sec.id
		ks = append(ks, keyed{sectionShortcut(i), func() { u.selectSection(id) }})
	}
	return append(ks,
		keyed{shortcutQuick, u.single(openQuick, u.showQuickCheckin)},
		quit,
		keyed{shortcutSettings, func() { u.selectSection(sectionSettings) }},
		keyed{shortcutExport, u.single(openExport, u.exportCSV)},
		keyed{shortcutFilter, u.focusFilter},
		keyed{shortcutRideOut, u.single(openCompanion, func() { u.showCompanion(-1) })},
		keyed{shortcutLock, u.lock},
	)
}

// setShortcuts replaces the canvas's shortcuts with ks.
func (u *UI) setShortcuts(ks []keyed) {
	c := u.win.Canvas()
	for _, k := range u.shortcuts {
		c.RemoveShortcut(k.shortcut)
	}
	u.shortcuts = ks
	for _, k := range ks {
		do := k.do
		c.AddShortcut(k.shortcut, func(fyne.Shortcut) {
			u.touch()
			do()
		})
	}
}

// watchKeys counts typing as activity (for the idle lock) and lets Escape
// close the top dialog, in every state.
func (u *UI) watchKeys() {
	c := u.win.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		u.touch()
		if ev.Name == fyne.KeyEscape {
			u.closeTopDialog()
		}
	})
	c.SetOnTypedRune(func(rune) { u.touch() })
}
