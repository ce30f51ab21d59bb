package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// reopen builds a second UI on the same journal, as after a restart.
func reopen(t *testing.T, store *data.Store) *UI {
	t.Helper()
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	saved, _, _ := store.Setting(data.SettingLanguage)
	tr.Set(tr.Pick("", saved, "en-GB"))
	u := openUI(newTestApp(t), store, tr, Options{SystemRegion: "GB"})
	buildAll(u)
	return u
}

func TestSettingsApplyAndPersist(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionSettings)
	s := u.settings

	s.theme.SetSelectedIndex(2) // dark
	if v, _, _ := store.Setting(data.SettingTheme); v != themeDark {
		t.Errorf("theme saved as %q", v)
	}
	th := u.app.Settings().Theme()
	if th.Color(theme.ColorNameBackground, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("dark theme not applied")
	}
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	s.scale.SetSelectedIndex(2) // 150 %
	if got := u.app.Settings().Theme().Size(theme.SizeNameText); got != base*1.5 {
		t.Errorf("text size %v, want %v", got, base*1.5)
	}

	test.Tap(s.reminder)
	s.hour.SetSelected("07")
	if v, _, _ := store.Setting(data.SettingReminder); v != "07:00" {
		t.Errorf("reminder saved as %q", v)
	}

	u2 := reopen(t, store)
	if u2.settings.theme.SelectedIndex() != 2 || u2.settings.scale.SelectedIndex() != 2 || !u2.settings.reminder.Checked || u2.settings.hour.Selected != "07" {
		t.Error("settings not shown as saved after a restart")
	}
	if got := u2.app.Settings().Theme().Size(theme.SizeNameText); got != base*1.5 {
		t.Errorf("text size after restart %v", got)
	}

	test.Tap(u2.settings.reminder)
	if _, ok, _ := store.Setting(data.SettingReminder); ok {
		t.Error("reminder not turned off")
	}
}

func TestReminderNotification(t *testing.T) {
	u, store := newTestUI(t)
	u.now = func() time.Time { return time.Date(2026, 3, 3, 19, 30, 0, 0, time.Local) }
	store.SetSetting(data.SettingReminder, "20:00")
	at, ok := u.reminders.next(u.now())
	if !ok || at != time.Date(2026, 3, 3, 20, 0, 0, 0, time.Local) {
		t.Errorf("next reminder %v %v", at, ok)
	}
	at, _ = u.reminders.next(time.Date(2026, 3, 3, 20, 0, 0, 0, time.Local))
	if at.Day() != 4 {
		t.Errorf("after the time, the next reminder is %v", at)
	}
	test.AssertNotificationSent(t, fyne.NewNotification("Steady", "Time for your check-in"), u.reminders.send)
}

func TestWelcomeFirstRun(t *testing.T) {
	u, store := newTestUI(t)
	u.showWelcomeIfNew()
	w := u.welcome
	if w == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no welcome on the first start")
	}
	text := overlayText(u)
	if !strings.Contains(text, u.tr.T("notice.medical")) {
		t.Error("the welcome lacks the not-medical-advice notice")
	}
	test.Tap(w.next)
	if w.page != 1 {
		t.Fatalf("page %d", w.page)
	}
	test.Tap(w.next)
	if !strings.Contains(overlayText(u), store.Path()) {
		t.Error("the last page does not say where the data is kept")
	}
	test.Tap(w.next) // Start
	if u.win.Canvas().Overlays().Top() != nil || u.welcome != nil {
		t.Fatal("the welcome did not close")
	}
	if v, _, _ := store.Setting(data.SettingWelcomeDone); v != "1" {
		t.Error("welcome not remembered")
	}
	u2 := reopen(t, store)
	u2.showWelcomeIfNew()
	if u2.win.Canvas().Overlays().Top() != nil {
		t.Error("the welcome came back")
	}
	u2.selectSection(sectionSettings)
	tapButton(t, u2.settings.content, "Show the welcome again")
	if u2.welcome == nil {
		t.Error("Settings cannot show the welcome again")
	}
}

func TestWelcomeSkipAndLanguage(t *testing.T) {
	u, store := newTestUI(t)
	u.showWelcomeIfNew()
	test.Tap(u.welcome.next)
	// Switching language in the welcome keeps it open at its page.
	u.language.SetSelected("Español")
	if u.welcome == nil || u.welcome.page != 1 {
		t.Fatal("the welcome closed or moved on a language switch")
	}
	if !strings.Contains(overlayText(u), u.tr.T("welcome.skip")) || u.tr.T("welcome.skip") == "Skip" {
		t.Errorf("welcome not in Spanish: %q", overlayText(u))
	}
	test.Tap(u.welcome.skip)
	if v, _, _ := store.Setting(data.SettingWelcomeDone); v != "1" {
		t.Error("skipping did not end the welcome for good")
	}
}

func TestEscapeClosesDialogs(t *testing.T) {
	u, _ := newTestUI(t)
	u.showAbout()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("About did not open")
	}
	if !strings.Contains(overlayText(u), u.tr.T("notice.medical")) {
		t.Error("About lacks the notice")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the dialog")
	}
}

func TestMoreShortcuts(t *testing.T) {
	u, _ := newTestUI(t)
	sh := u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	sh.TypedShortcut(shortcutSettings)
	if u.model.section != sectionSettings {
		t.Errorf("Ctrl+, opened %s", u.model.section)
	}
	sh.TypedShortcut(shortcutFilter)
	if u.model.section != sectionHistory || u.win.Canvas().Focused() == nil {
		t.Errorf("Ctrl+F: section %s, focus %v", u.model.section, u.win.Canvas().Focused())
	}
	// Every shortcut is also on a menu item, where Fyne runs it even while a
	// text field has the focus.
	menu := u.mainMenu()
	count := 0
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				count++
			}
		}
	}
	if count < 12 {
		t.Errorf("only %d menu items have shortcuts", count)
	}
}

func TestGetHelpRegion(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionHelp)
	shown := strings.Join(texts(u.win.Content()), " ")
	for _, want := range []string{"999", "Samaritans", "116 123", u.tr.T("help.sign.bladder"), u.tr.T("help.rule")} {
		if !strings.Contains(shown, want) {
			t.Errorf("Get help lacks %q", want)
		}
	}
	// The page is one click from everywhere: the guide sections link to it.
	u.selectSection(sectionSymptoms)
	tapButton(t, u.pages[u.sectionIndex(sectionSymptoms)], "Get help now")
	if u.model.section != sectionHelp {
		t.Error("the Symptoms page does not link to Get help")
	}
	var sel *widget.Select
	for _, w := range find[*widget.Select](u.pages[u.sectionIndex(sectionHelp)]) {
		if len(w.Options) == len(guide.Regions()) {
			sel = w
			break
		}
	}
	if sel == nil {
		t.Fatal("no region picker")
	}
	sel.SetSelected(u.tr.T("region.country_jp"))
	if v, _, _ := store.Setting(data.SettingRegion); v != "JP" {
		t.Errorf("region saved as %q", v)
	}
	if !strings.Contains(strings.Join(texts(u.pages[u.sectionIndex(sectionHelp)]), " "), "0570-064-556") {
		t.Error("Japan's helpline not shown")
	}
}

func TestTrayOptIn(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionSettings)
	if u.inTray() || u.settings.tray.Checked {
		t.Fatal("the tray is on by default")
	}
	test.Tap(u.settings.tray)
	if v, _, _ := store.Setting(data.SettingTray); v != "1" || !u.inTray() {
		t.Errorf("tray setting = %q", v)
	}
	if u.trayActive {
		u.closeWindow() // hides the window instead of quitting
		if u.journal == nil {
			t.Error("closing the window closed the journal")
		}
	}
}

func TestRestoreBackup(t *testing.T) {
	u, store := newTestUI(t)
	a := data.Entry{At: time.Now(), Mood: 4, Note: "before the backup"}
	store.Add(&a)
	if err := store.BackupIfDue(time.Now().AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	b := data.Entry{At: time.Now(), Mood: 1, Note: "after the backup"}
	store.Add(&b)

	u.selectSection(sectionSettings)
	tapButton(t, u.settings.content, "Restore a backup…")
	tapButton(t, u.win.Canvas().Overlays().Top(), "Restore")
	if u.journal.Store == store {
		t.Fatal("the journal was not reopened")
	}
	if !strings.Contains(overlayText(u), "steady-before-restore-") {
		t.Errorf("the message does not say where the replaced journal is: %q", overlayText(u))
	}
	page, _, _ := u.journal.Page(data.Filter{}, data.Cursor{}, 10)
	if len(page) != 1 || page[0].Note != "before the backup" {
		t.Errorf("after restore: %+v", page)
	}
	t.Cleanup(func() { u.close() })
}
