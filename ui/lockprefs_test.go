package ui

import (
	"strings"
	"testing"

	"github.com/steadyapp/steady/data"
)

// TestLockScreenChoiceSurvivesQuit: Español and the dark theme chosen on the
// lock screen, then Steady quits without unlocking. The next start shows
// the lock screen in Spanish and dark; once unlocked, the journal's settings
// agree; a region chosen there (it says where the user is) is never written
// outside the vault.
func TestLockScreenChoiceSurvivesQuit(t *testing.T) {
	dir := encryptedJournal(t, map[string]string{data.SettingLanguage: "en", data.SettingTheme: themeLight})
	u, _ := startLocked(t, dir)
	u.language.SetSelected(languageName(t, u.tr, "es"))
	u.lockTheme.SetSelected(u.tr.T("settings.theme_dark"))
	if err := u.setRegion("ES"); err != nil {
		t.Fatal(err)
	}
	if u.tr.Language().String() != "es" {
		t.Fatalf("language %s after choosing Español", u.tr.Language())
	}
	if err := u.close(); err != nil { // quit, still locked
		t.Fatal(err)
	}

	again, a := startLocked(t, dir)
	tr := again.tr
	if tr.Language().String() != "es" || themeVariant(a) != themeDark {
		t.Fatalf("restarted locked in %s, theme %q; want es, dark", tr.Language(), themeVariant(a))
	}
	shown := strings.Join(texts(again.win.Content()), " ")
	if !strings.Contains(shown, tr.T("lock.prompt")) || !strings.Contains(tr.T("lock.prompt"), "diario") {
		t.Errorf("the lock screen is not in Spanish: %q", shown)
	}
	if again.language.Selected != languageName(t, tr, "es") {
		t.Errorf("the language picker shows %q", again.language.Selected)
	}
	if prefs, _ := data.ReadVaultPrefs(dir); prefs[data.SettingRegion] != "" {
		t.Errorf("the region was kept outside the vault: %v", prefs)
	}

	unlock(t, again)
	for key, want := range map[string]string{data.SettingLanguage: "es", data.SettingTheme: themeDark} {
		if got, _, _ := again.journal.Setting(key); got != want {
			t.Errorf("journal setting %s = %q, want %q", key, got, want)
		}
	}
	if tr.Language().String() != "es" || themeVariant(a) != themeDark {
		t.Errorf("the journal opened in %s, theme %q", tr.Language(), themeVariant(a))
	}
}
