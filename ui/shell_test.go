package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// openUI builds the shell in the open state on store, as start does for a
// plain journal.
func openUI(a fyne.App, store *data.Store, tr *i18n.Translator, opts Options) *UI {
	u := newUI(a, tr, store.Dir(), opts)
	u.enterOpen(store)
	return u
}

// announcements makes the shell's announcements readable by the test and
// returns a function that waits for one: tests wait on what the code says it
// did, never on the clock. A test that hangs is ended by go test's -timeout,
// which also prints where every goroutine stuck.
func announcements(u *UI) func(t *testing.T, what string) {
	ch := make(chan string, 256)
	u.onAnnounce = func(s string) { ch <- s }
	return func(t *testing.T, what string) {
		t.Helper()
		for got := range ch {
			if got == what {
				return
			}
		}
	}
}

// encryptedJournal makes an encrypted journal in a new directory, with
// settings set before it was encrypted, one check-in and the day's backup.
func encryptedJournal(t *testing.T, settings map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The day's backup, which Open starts in the background, ends first:
	// setting the passphrase would stop it, so whether the journal had a
	// backup would depend on how busy the machine is.
	if err := s.BackupError(); err != nil {
		t.Fatal(err)
	}
	for k, v := range settings {
		if err := s.SetSetting(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Add(&data.Entry{At: time.Now(), Mood: 3, Note: "private words"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassphrase(uiPass); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startLocked starts the shell on the encrypted journal in dir.
func startLocked(t *testing.T, dir string) (*UI, fyne.App) {
	t.Helper()
	a := newTestApp(t)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := start(a, dir, tr, Options{SystemRegion: "GB", SystemLanguage: "en-GB"})
	t.Cleanup(func() { u.close() })
	if u.state != stateLocked {
		t.Fatalf("an encrypted journal started %s, want locked", u.state)
	}
	return u, a
}

// unlock types the passphrase on the lock screen and waits for the journal.
func unlock(t *testing.T, u *UI) {
	t.Helper()
	wait := announcements(u)
	u.lockEntry.SetText(uiPass)
	u.lockEntry.OnSubmitted(uiPass)
	wait(t, "open")
	if u.state != stateOpen {
		t.Fatalf("after the passphrase the shell is %s", u.state)
	}
}

// languageName is the picker's name of the language tag.
func languageName(t *testing.T, tr *i18n.Translator, tag string) string {
	t.Helper()
	for _, l := range tr.Languages() {
		if l.Tag.String() == tag {
			return l.Name
		}
	}
	t.Fatalf("no language %s", tag)
	return ""
}

func themeVariant(a fyne.App) string {
	if th, ok := a.Settings().Theme().(*steadyTheme); ok {
		return th.variant
	}
	return ""
}

// TestLockScreenChoicesCarriedIntoJournal is the crash of issue 11 (locked,
// language picker, Español: a nil store) and what should happen instead:
// the lock screen follows the choice at once, the journal opens in it, and
// it is still chosen after a restart.
func TestLockScreenChoicesCarriedIntoJournal(t *testing.T) {
	dir := encryptedJournal(t, map[string]string{data.SettingTheme: themeLight})
	u, a := startLocked(t, dir)
	tr := u.tr
	englishPrompt := tr.T("lock.prompt")

	u.language.SetSelected(languageName(t, tr, "es")) // used to panic
	if tr.Language().String() != "es" {
		t.Fatalf("language %s after choosing Español", tr.Language())
	}
	shown := strings.Join(texts(u.win.Content()), " ")
	if !strings.Contains(shown, tr.T("lock.prompt")) || tr.T("lock.prompt") == englishPrompt {
		t.Errorf("the lock screen did not follow the language: %q", shown)
	}
	if u.state != stateLocked || u.win.MainMenu() != nil {
		t.Fatalf("choosing a language changed the state to %s or brought a menu", u.state)
	}

	if themeVariant(a) != themeLight {
		t.Fatalf("the lock screen is not in the header's theme: %q", themeVariant(a))
	}
	u.lockTheme.SetSelected(tr.T("settings.theme_dark"))
	if themeVariant(a) != themeDark {
		t.Errorf("the lock screen did not follow the theme: %q", themeVariant(a))
	}

	unlock(t, u)
	if tr.Language().String() != "es" || themeVariant(a) != themeDark {
		t.Errorf("the journal opened in %s, theme %q", tr.Language(), themeVariant(a))
	}
	for key, want := range map[string]string{data.SettingLanguage: "es", data.SettingTheme: themeDark} {
		if got, _, _ := u.journal.Setting(key); got != want {
			t.Errorf("journal setting %s = %q, want %q", key, got, want)
		}
	}
	if err := u.close(); err != nil {
		t.Fatal(err)
	}

	// A restart: the header keeps the choices for the next lock screen.
	prefs, err := data.ReadVaultPrefs(dir)
	if err != nil || prefs[data.SettingLanguage] != "es" || prefs[data.SettingTheme] != themeDark {
		t.Errorf("after a restart the header holds %v (%v)", prefs, err)
	}
	again, a2 := startLocked(t, dir)
	if again.tr.Language().String() != "es" || themeVariant(a2) != themeDark {
		t.Errorf("restarted in %s, theme %q", again.tr.Language(), themeVariant(a2))
	}
}

// journalShortcuts are every shortcut that needs the journal.
func journalShortcuts() map[string]fyne.Shortcut {
	all := map[string]fyne.Shortcut{
		"Ctrl+N": shortcutQuick, "Ctrl+E": shortcutExport, "Ctrl+F": shortcutFilter,
		"Ctrl+L": shortcutLock, "Ctrl+,": shortcutSettings,
	}
	for i := 0; i < 9; i++ {
		all["Ctrl+"+string(rune('1'+i))] = sectionShortcut(i)
	}
	return all
}

// TestLockedOffersNothingOfTheJournal presses every journal shortcut on the
// lock screen and checks that the menu, the tray and the reminders offer
// nothing that needs the journal.
func TestLockedOffersNothingOfTheJournal(t *testing.T) {
	dir := encryptedJournal(t, map[string]string{data.SettingReminder: "09:00"})
	u, _ := startLocked(t, dir)
	before := strings.Join(texts(u.win.Content()), " ")
	typer := u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	for name, sc := range journalShortcuts() {
		typer.TypedShortcut(sc)
		if u.state != stateLocked || u.win.Canvas().Overlays().Top() != nil {
			t.Errorf("%s on the lock screen: state %s, overlay %v", name, u.state, u.win.Canvas().Overlays().Top() != nil)
		}
		if now := strings.Join(texts(u.win.Content()), " "); now != before {
			t.Errorf("%s changed the lock screen: %q", name, now)
		}
	}
	if strings.Contains(before, "private words") {
		t.Error("the lock screen shows the journal")
	}
	for _, k := range u.shortcutsFor(stateLocked) {
		if k.shortcut.ShortcutName() != shortcutQuit.ShortcutName() {
			t.Errorf("locked state has shortcut %s", k.shortcut.ShortcutName())
		}
	}
	if u.win.MainMenu() != nil {
		t.Error("a menu while locked")
	}
	for _, it := range u.trayMenu().Items {
		if it.Label != u.tr.T("tray.open") && it.Label != u.tr.T("menu.quit") {
			t.Errorf("tray item %q while locked", it.Label)
		}
	}
	u.showQuickCheckin() // a tray or reminder action arriving late
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the quick check-in opened while locked")
	}
	if u.reminders.timer != nil {
		t.Error("a reminder is armed while locked")
	}
	if u.journal != nil {
		t.Error("a session exists while locked")
	}

	// Open, the same shortcuts work; lock again and they are gone again.
	unlock(t, u)
	if u.reminders.timer == nil {
		t.Error("no reminder armed once open")
	}
	typer.TypedShortcut(shortcutQuick)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+N did nothing in the open journal")
	}
	closeOverlays(u)
	typer.TypedShortcut(shortcutLock)
	if u.state != stateLocked || u.journal != nil || u.reminders.timer != nil {
		t.Fatalf("Ctrl+L: state %s", u.state)
	}
	typer.TypedShortcut(shortcutQuick)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+N works again after locking")
	}
}

// TestQuickFormsAgree saves in the Ctrl+N dialog, then on Today: each form
// saves what it shows, and neither is changed by the other.
func TestQuickFormsAgree(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionToday)
	today := u.today.quick
	test.Tap(today.mood.buttons[3]) // Today: mood 4, not saved yet

	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutQuick)
	dlg := u.quickDialog
	if dlg == nil || dlg.mood.value != 0 {
		t.Fatalf("the dialog does not start empty: %+v", dlg)
	}
	test.Tap(dlg.mood.buttons[1]) // the dialog: mood 2
	test.Tap(dlg.save)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stayed open after saving")
	}
	if today.mood.value != 4 || u.model.quick.mood != 4 {
		t.Errorf("after the dialog's save Today shows %d and holds %d; want 4 and 4", today.mood.value, u.model.quick.mood)
	}
	test.Tap(today.save)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("saving on Today said: %q", overlayText(u))
	}
	page, _, err := store.Page(data.Filter{}, data.Cursor{}, 10)
	if err != nil || len(page) != 2 {
		t.Fatalf("%d check-ins (%v), want 2", len(page), err)
	}
	got := map[int]bool{page[0].Mood: true, page[1].Mood: true}
	if !got[2] || !got[4] {
		t.Errorf("saved moods %d and %d, want 2 and 4", page[0].Mood, page[1].Mood)
	}
	if today.mood.value != 0 || u.model.quick.mood != 0 {
		t.Errorf("Today after saving shows %d, holds %d", today.mood.value, u.model.quick.mood)
	}
	// Today's list of check-ins heard both saves.
	if n := len(u.today.todayBox.Objects); n != 2 {
		t.Errorf("Today lists %d check-ins, want 2", n)
	}
}

// TestFailedSaveReported makes the encrypted journal's saves fail (its lock
// file is taken away, as another program might) and saves from each quick
// form: the failure is reported once, the form keeps what was chosen.
func TestFailedSaveReported(t *testing.T) {
	forms := []struct {
		name string
		form func(u *UI) *quickForm
	}{
		{"Today", func(u *UI) *quickForm { u.selectSection(sectionToday); return u.today.quick }},
		{"Ctrl+N dialog", func(u *UI) *quickForm {
			u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutQuick)
			return u.quickDialog
		}},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			dir := encryptedJournal(t, nil)
			store, err := data.OpenEncrypted(dir, uiPass)
			if err != nil {
				t.Fatal(err)
			}
			tr, _ := i18n.New()
			u := openUI(newTestApp(t), store, tr, Options{SystemRegion: "GB"})
			t.Cleanup(func() { u.close() })
			u.win.Resize(fyne.NewSize(960, 700))
			wait := announcements(u)
			q := f.form(u)
			test.Tap(q.mood.buttons[2])
			if err := os.Remove(filepath.Join(dir, data.LockName)); err != nil {
				t.Fatal(err)
			}
			test.Tap(q.save)
			wait(t, "save failed")
			if u.saveErr == nil || !strings.Contains(overlayText(u), tr.T("error.title")) {
				t.Fatalf("no failed-save message; overlay %q", overlayText(u))
			}
			if q.draft.mood != 3 || q.mood.value != 3 {
				t.Errorf("the form lost the mood after a failed save: %d/%d", q.draft.mood, q.mood.value)
			}
			// One message, however many reports (the write's error and
			// OnSaveFailed's callback).
			n := 0
			for _, o := range u.win.Canvas().Overlays().List() {
				if strings.Contains(strings.Join(texts(o), " "), tr.T("error.title")) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d failed-save messages, want 1", n)
			}
		})
	}
}

// TestSaveFailedCallback checks the one channel data reports failed saves
// through: a failure the UI did not wait for still reaches the user.
func TestSaveFailedCallback(t *testing.T) {
	u, store := newTestUI(t)
	wait := announcements(u)
	if err := os.Remove(filepath.Join(store.Dir(), data.LockName)); err != nil {
		t.Fatal(err)
	}
	// A write that is not the UI's own (as a background save would be).
	if err := store.SetSetting(data.SettingDiscreet, "1"); err == nil {
		t.Fatal("a write succeeded without the lock")
	}
	wait(t, "save failed")
	if u.saveErr == nil {
		t.Error("the failed save was not shown")
	}
}

// TestSubscriptionsEndWithTheirScreens switches the language (which rebuilds
// every screen) and changes the plan (which rebuilds History and the
// check-in form): the replaced screens stop listening, so the session's
// listeners do not pile up.
func TestSubscriptionsEndWithTheirScreens(t *testing.T) {
	u, _ := newTestUI(t)
	before := len(u.journal.subs)
	if before == 0 {
		t.Fatal("no screen listens to the session")
	}
	for _, tag := range []string{"es", "en"} {
		u.language.SetSelected(languageName(t, u.tr, tag))
		buildAll(u)
	}
	for i := 0; i < 3; i++ {
		item := data.PlanItem{Kind: data.PlanTrigger, Text: "Friday nights"}
		if err := u.journal.AddPlanItem(&item); err != nil {
			t.Fatal(err)
		}
	}
	if after := len(u.journal.subs); after != before {
		t.Errorf("%d listeners after rebuilding, %d before", after, before)
	}
}
