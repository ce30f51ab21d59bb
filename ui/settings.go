package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// setting returns a stored setting, or def. While the journal is locked
// only the preferences kept readable in its header are known.
func (u *UI) setting(key, def string) string {
	if u.journal == nil {
		if v, ok := u.prefs[key]; ok {
			return v
		}
		return def
	}
	if v, ok, _ := u.journal.Setting(key); ok {
		return v
	}
	return def
}

// save stores a setting and tells the user when it cannot. On the lock
// screen only the header preferences can be chosen: they are kept until the
// journal is unlocked (setLockPref).
func (u *UI) save(key, value string) bool {
	u.touch()
	if u.journal == nil {
		u.setLockPref(key, value)
		return true
	}
	if err := u.journal.SetSetting(key, value); err != nil {
		u.reportWrite(err, func(err error) string { return u.tr.T("error.save", "Detail", err.Error()) })
		return false
	}
	return true
}

// textScale is the saved text size.
func (u *UI) textScale() float32 {
	f, err := strconv.ParseFloat(u.setting(data.SettingTextScale, "1"), 32)
	if err != nil {
		return 1
	}
	for _, s := range textScales {
		if float32(f) == s {
			return s
		}
	}
	return 1
}

// applyTheme sets Steady's theme from the settings and the language. Setting
// a theme lays out every window again, so it is done only when the theme
// changes (a new variant, text size or font face).
func (u *UI) applyTheme() {
	th := newTheme(u.tr.Language(), u.setting(data.SettingTheme, themeSystem), u.textScale())
	if cur, ok := u.app.Settings().Theme().(*steadyTheme); ok && cur.same(th) {
		return
	}
	u.app.Settings().SetTheme(th)
}

// savedWindowSize is the window size the user last left, or a default that
// fits an 800×600 screen's worth of content.
func (u *UI) savedWindowSize() fyne.Size {
	var w, h float32
	if v := u.setting(data.SettingWindowSize, ""); v != "" {
		if n, _ := fmt.Sscanf(v, "%gx%g", &w, &h); n == 2 && w >= 400 && h >= 300 {
			return fyne.NewSize(w, h)
		}
	}
	return fyne.NewSize(1000, 700)
}

// settingsShell is what Settings asks of the shell. Settings is the shell's
// control panel: most of what it offers (theme, tray, reminders, the
// passphrase, export and import, delete everything) is the shell's to do,
// so it is named here method by method rather than reached through *UI.
type settingsShell interface {
	navigator
	setting(key, def string) string
	save(key, value string) bool // stores a setting, reporting a failure
	textScale() float32
	applyTheme()
	applyTray()
	inTray() bool
	resetReminders()
	openFolder(dir string) error
	regionKnown() bool
	region() guide.Region
	rebuildHelp() // Get help follows a new region
	showWelcome()
	restoreDialog()
	exportEncrypted()
	exportCSV()
	exportJSON()
	importJSON()
	deleteAll()
	passphraseDialog(change bool)
	removePassphraseDialog()
	discreetChanged()
	showPrivacy()
}

// settingsJournal is what Settings reads and writes directly.
type settingsJournal interface {
	Dir() string
	DeleteSetting(key string) error
	Encrypted() bool // for display only: which passphrase buttons to offer
}

// settingsParts are the widgets the shell builds for Settings: the language
// and theme pickers (the lock screen has them too), the body section's
// switch and the screen-capture row.
type settingsParts struct {
	language, theme     *escSelect
	bodyRow, captureRow fyne.CanvasObject
}

// settingsScreen gathers every preference; each applies at once and is kept
// in the journal file.
type settingsScreen struct {
	shell     settingsShell
	journal   settingsJournal
	tr        *i18n.Translator
	content   fyne.CanvasObject
	theme     *escSelect
	scale     *escSelect
	language  *escSelect
	reminder  *widget.Check
	hour      *escSelect
	minute    *escSelect
	lockAfter *escSelect
	discreet  *widget.Check
	tray      *widget.Check
}

// newSettingsScreen builds Settings.
func newSettingsScreen(journal settingsJournal, shell settingsShell, tr *i18n.Translator, parts settingsParts) *settingsScreen {
	s := &settingsScreen{shell: shell, journal: journal, tr: tr}

	s.language = parts.language

	s.theme = parts.theme

	scaleNames := make([]string, len(textScales))
	for i, sc := range textScales {
		scaleNames[i] = tr.T("settings.scale", "Percent", int(sc*100))
	}
	s.scale = newEscSelect(scaleNames, nil)
	for i, sc := range textScales {
		if sc == shell.textScale() {
			s.scale.Selected = scaleNames[i]
		}
	}
	s.scale.OnChanged = func(v string) {
		for i, n := range scaleNames {
			if n == v && shell.save(data.SettingTextScale, strconv.FormatFloat(float64(textScales[i]), 'f', -1, 32)) {
				shell.applyTheme()
			}
		}
	}

	s.hour = newEscSelect(twoDigits(24), nil)
	s.minute = newEscSelect([]string{"00", "15", "30", "45"}, nil)
	at := shell.setting(data.SettingReminder, "")
	if len(at) == 5 {
		s.hour.Selected, s.minute.Selected = at[:2], at[3:]
	} else {
		s.hour.Selected, s.minute.Selected = "20", "00"
	}
	var reminderRow fyne.CanvasObject
	s.reminder, reminderRow = wrappedCheck(tr.T("settings.reminder"), nil)
	s.reminder.Checked = at != ""
	saveReminder := func() {
		if s.reminder.Checked {
			shell.save(data.SettingReminder, s.hour.Selected+":"+s.minute.Selected)
		} else if err := journal.DeleteSetting(data.SettingReminder); err != nil {
			shell.showError(tr.T("error.save", "Detail", err.Error()))
		}
		shell.resetReminders()
	}
	s.reminder.OnChanged = func(bool) { saveReminder() }
	s.hour.OnChanged = func(string) { saveReminder() }
	s.minute.OnChanged = func(string) { saveReminder() }
	reminderHint := widget.NewLabel(tr.T("settings.reminder_hint"))
	reminderHint.Wrapping = fyne.TextWrapWord
	var trayRow fyne.CanvasObject
	s.tray, trayRow = wrappedCheck(tr.T("settings.tray"), func(on bool) {
		v := "0"
		if on {
			v = "1"
		}
		if shell.save(data.SettingTray, v) {
			shell.applyTray()
		}
	})
	s.tray.Checked = shell.inTray()

	dir := journal.Dir()
	folder := widget.NewLabel(dir)
	folder.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(tr.T("settings.open_folder"), theme.FolderOpenIcon(), func() {
		if err := shell.openFolder(dir); err != nil {
			shell.showError(tr.T("error.open_folder", "Path", dir))
		}
	})

	welcome := widget.NewButton(tr.T("settings.welcome_again"), shell.showWelcome)
	restore := widget.NewButton(tr.T("restore.button"), shell.restoreDialog) // encrypted backups ask their passphrase
	encrypted := widget.NewButton(tr.T("export_encrypted.menu"), shell.exportEncrypted)
	dataBox := container.NewVBox(
		field(tr.T("settings.folder"), folder),
		container.NewHBox(open),
		newColumns(3,
			widget.NewButton(tr.T("menu.export_csv"), shell.exportCSV),
			widget.NewButton(tr.T("menu.export_json"), shell.exportJSON),
			widget.NewButton(tr.T("menu.import"), shell.importJSON),
		),
		newColumns(2, encrypted, restore),
	)

	selectedRegion := ""
	if shell.regionKnown() {
		selectedRegion = shell.region().ID
	}
	region := regionPicker(tr, selectedRegion, func(r guide.Region) {
		if shell.save(data.SettingRegion, r.ID) {
			shell.rebuildHelp()
		}
	})
	general := container.NewVBox(
		field(tr.T("settings.language"), container.NewHBox(fitted(s.language))),
		field(tr.T("help.region"), container.NewHBox(fitted(region))),
		field(tr.T("settings.theme"), container.NewHBox(fitted(s.theme))),
		field(tr.T("settings.text_size"), container.NewHBox(fitted(s.scale))),
		parts.bodyRow, // checkin_body.go
	)
	reminders := container.NewVBox(
		reminderRow,
		container.NewHBox(s.hour, widget.NewLabel(":"), s.minute),
		reminderHint,
		trayRow,
	)
	s.content = scrollPage(
		newTitledCard(tr.T("settings.general"), general),
		newTitledCard(tr.T("settings.reminders"), reminders),
		newTitledCard(tr.T("settings.data"), dataBox),
		newTitledCard(tr.T("settings.privacy"), s.privacy(parts.captureRow)),
		newTitledCard(tr.T("settings.welcome"), container.NewHBox(welcome)),
		// Apart from the export buttons, at the end: it asks for the
		// passphrase or a typed word first (safedialogs.go).
		widget.NewSeparator(),
		container.NewHBox(dangerButton(tr.T("menu.delete_all"), shell.deleteAll)),
	)
	return s
}

func dangerButton(label string, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, theme.DeleteIcon(), tapped)
	b.Importance = widget.DangerImportance
	return b
}

// rememberWindowSize keeps the window's size for the next start.
func (u *UI) rememberWindowSize() {
	sz := u.win.Canvas().Size()
	if u.journal != nil && sz.Width >= 400 && sz.Height >= 300 {
		_ = u.journal.SetSetting(data.SettingWindowSize, fmt.Sprintf("%.0fx%.0f", sz.Width, sz.Height))
	}
}
