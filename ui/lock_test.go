package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

const uiPass = "blue kettle morning"

// encrypt sets a passphrase through the Settings dialog, as a person would.
func encrypt(t *testing.T, u *UI) {
	t.Helper()
	u.selectSection(sectionSettings)
	tapButton(t, u.settings.content, "Set a passphrase…")
	f := u.passDialog
	test.Type(f.next, "short")
	test.Type(f.again, "short")
	test.Tap(f.save)
	if !strings.Contains(f.status.Text, "8") {
		t.Errorf("short passphrase: %q", f.status.Text)
	}
	f.next.SetText(uiPass)
	f.again.SetText(uiPass + "x")
	test.Tap(f.save)
	if f.status.Text != u.tr.T("passphrase.mismatch") {
		t.Errorf("mismatch: %q", f.status.Text)
	}
	wait := announcements(u)
	f.again.SetText(uiPass)
	test.Tap(f.save)
	wait(t, "passphrase set")
	if !u.journal.Encrypted() || !strings.Contains(overlayText(u), u.tr.T("passphrase.set_done")) {
		t.Fatalf("after setting a passphrase: encrypted %v, message %q", u.journal.Encrypted(), overlayText(u))
	}
	closeOverlays(u)
}

func TestPassphraseLockUnlock(t *testing.T) {
	u, store := newTestUI(t)
	e := data.Entry{At: time.Now(), Mood: 2, Note: "private words"}
	u.journal.Add(&e)
	dir := store.Dir()
	encrypt(t, u)
	if !data.IsEncrypted(dir) {
		t.Fatal("no encrypted file")
	}
	test.Type(u.checkin.note, "typed before locking")

	// Ctrl+L locks at once and hides everything.
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutLock)
	if !u.locked() {
		t.Fatal("Ctrl+L did not lock")
	}
	shown := strings.Join(texts(u.win.Content()), " ")
	if strings.Contains(shown, "private words") || strings.Contains(shown, u.tr.T("tab.history")) {
		t.Errorf("the lock screen shows the journal: %q", shown)
	}
	if u.win.MainMenu() != nil {
		t.Error("the menu stays while locked")
	}

	// Wrong passphrases: a clear message, then a growing wait.
	wait := announcements(u)
	for i := 1; i <= 3; i++ {
		u.lockEntry.SetText("wrong guess " + string(rune('0'+i)))
		u.lockEntry.OnSubmitted(u.lockEntry.Text)
		wait(t, "refused")
		if u.failures != i {
			t.Fatalf("%d failures after %d wrong passphrases", u.failures, i)
		}
	}
	if !strings.Contains(strings.Join(texts(u.win.Content()), " "), u.tr.T("passphrase.wrong")) {
		t.Error("no wrong-passphrase message")
	}
	if !u.retryAt.After(time.Now()) {
		t.Fatal("no wait after three wrong passphrases")
	}
	u.lockEntry.SetText(uiPass)
	u.lockEntry.OnSubmitted(uiPass)
	if !u.locked() || !strings.Contains(strings.Join(texts(u.win.Content()), " "), "1") {
		t.Error("an attempt during the wait was not refused")
	}
	u.retryAt = time.Time{}
	u.lockEntry.OnSubmitted(uiPass)
	wait(t, "open")
	if n, _ := u.journal.Count(); n != 1 {
		t.Errorf("%d entries after unlock", n)
	}
	buildAll(u)
	if u.checkin.note.Text != "typed before locking" {
		t.Errorf("draft lost over the lock: %q", u.checkin.note.Text)
	}

	// The idle lock.
	u.journal.SetSetting(data.SettingLockMinutes, "5")
	start := time.Now()
	u.now = func() time.Time { return start }
	u.touch()
	u.now = func() time.Time { return start.Add(4 * time.Minute) }
	u.checkIdle()
	if u.locked() {
		t.Fatal("locked before the idle time")
	}
	u.now = func() time.Time { return start.Add(6 * time.Minute) }
	u.checkIdle()
	if !u.locked() {
		t.Fatal("not locked after the idle time")
	}
}

func TestStartLockedInSavedLanguage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting(data.SettingLanguage, "es")
	if err := s.SetPassphrase(uiPass); err != nil {
		t.Fatal(err)
	}
	s.Close()
	tr, _ := i18n.New()
	prefs, _ := data.ReadVaultPrefs(dir)
	tr.Set(tr.Pick("", prefs[data.SettingLanguage], "en-US"))
	u := newUI(newTestApp(t), tr, dir, Options{})
	u.enterLocked(prefs)
	t.Cleanup(func() { u.close() })
	if !strings.Contains(strings.Join(texts(u.win.Content()), " "), tr.T("lock.prompt")) || tr.T("lock.prompt") == "Enter your passphrase to open your journal." {
		t.Error("the lock screen is not in the saved language")
	}
	unlock(t, u)
	if u.model.section != sectionToday || u.today == nil {
		t.Error("Today not shown after unlock")
	}
}
