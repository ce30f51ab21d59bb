package ui

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// damagedJournal makes a journal with check-ins whose header, version and
// schema are sound but whose pages past the first are random: Open accepts
// it, and only its background check of every page finds the damage.
func damagedJournal(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		e := &data.Entry{At: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour), Mood: 3, Note: "a long enough note to fill the journal's pages"}
		if err := s.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, data.FileName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 3*4096 {
		t.Fatalf("journal of %d bytes: too small to damage past its schema page", len(b))
	}
	rand.Read(b[2*4096:])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDamagedJournalOffersKeepAside checks that a journal Open accepts but
// its background check finds damaged does not stay open looking empty: the
// shell leaves the open state for the start-up error, which offers to keep
// the file aside, and the file is left byte for byte as it was.
func TestDamagedJournalOffersKeepAside(t *testing.T) {
	dir := damagedJournal(t)
	path := filepath.Join(dir, data.FileName)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	store, err := data.Open(dir)
	if err != nil {
		t.Skipf("Open refused the damaged journal itself (%v): nothing for the shell to do", err)
	}
	a := newTestApp(t)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := newUI(a, tr, dir, Options{})
	wait := announcements(u)
	t.Cleanup(func() { u.close() })
	u.enterOpen(store)
	wait(t, "start-up error")

	if u.state != stateStartupError || u.journal != nil {
		t.Fatalf("state %v, journal open %v: want the start-up error with no journal", u.state, u.journal != nil)
	}
	if findButton(u.win.Content(), tr.T("error.set_aside")) == nil {
		t.Error("the start-up error does not offer to keep the damaged journal aside")
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("the damaged journal was changed")
	}
}

// TestJournalDamagedClosesEverything checks that leaving a journal found
// damaged leaves nothing behind that could write to it: the dialogs that
// were open are gone (a check-in dialog's Save would find no journal), the
// screens stop listening, and a second report of the same damage, or one
// about a journal that is no longer open, changes nothing.
func TestJournalDamagedClosesEverything(t *testing.T) {
	u, store := newTestUI(t)
	u.showQuickCheckin()
	u.showError("a message that was on screen")
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog was open before the damage was found")
	}
	damage := fmt.Errorf("check journal: %w", data.ErrDamaged)
	u.journalDamaged(store, damage)

	if u.state != stateStartupError || u.journal != nil {
		t.Fatalf("state %v, journal open %v: want the start-up error with no journal", u.state, u.journal != nil)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Errorf("a dialog of the open journal is still showing over the start-up error: %T", top)
	}
	if len(u.screenSubs) != 0 {
		t.Errorf("%d screen subscriptions outlive the journal", len(u.screenSubs))
	}
	u.journalDamaged(store, damage)
	if u.state != stateStartupError {
		t.Errorf("a second report moved the shell to state %v", u.state)
	}
}
