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

// TestLockLostSaysWhatToDo: steady.lock is deleted while Steady runs; the
// next save says, in plain words, that Steady stopped saving and to close
// and open it again, keeps what was entered in the form, and what the
// message promises holds: once closed and opened again, every check-in
// saved before is there and the journal saves again.
func TestLockLostSaysWhatToDo(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			dir := encryptedJournal(t, nil) // one check-in
			open := func() (*data.Store, error) { return data.OpenEncrypted(dir, uiPass) }
			if !encrypted {
				s, err := data.OpenEncrypted(dir, uiPass)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.RemovePassphrase(); err != nil {
					t.Fatal(err)
				}
				s.Close()
				open = func() (*data.Store, error) { return data.Open(dir) }
			}
			store, err := open()
			if err != nil {
				t.Fatal(err)
			}
			tr, _ := i18n.New()
			u := openUI(newTestApp(t), store, tr, Options{SystemRegion: "GB"})
			t.Cleanup(func() { u.close() })
			u.win.Resize(fyne.NewSize(960, 700))
			for i := 0; i < 3; i++ { // saved, and said so
				if err := u.journal.Add(&data.Entry{At: time.Now(), Mood: 2, Note: "saved before"}); err != nil {
					t.Fatal(err)
				}
			}
			wait := announcements(u)
			u.selectSection(sectionToday)
			q := u.today.quick
			test.Tap(q.mood.buttons[3])
			if err := os.Remove(filepath.Join(dir, data.LockName)); err != nil {
				t.Fatal(err)
			}
			test.Tap(q.save)
			wait(t, "save failed")
			got := overlayText(u)
			if !strings.Contains(got, tr.T("locklost.message")) {
				t.Fatalf("message %q, want %q", got, tr.T("locklost.message"))
			}
			if strings.Contains(got, data.ErrLockLost.Error()) {
				t.Errorf("the message shows the technical text: %q", got)
			}
			if q.draft.mood != 4 {
				t.Errorf("the form lost what was entered: mood %d", q.draft.mood)
			}

			// Close Steady and open it again.
			u.close() //nolint:errcheck // a journal that lost its lock may say so again
			again, err := open()
			if err != nil {
				t.Fatalf("opening again: %v", err)
			}
			defer again.Close()
			if n, _ := again.Count(); n != 4 {
				t.Errorf("%d check-ins after opening again, want the 4 saved before", n)
			}
			if _, err := os.Stat(filepath.Join(dir, data.LockName)); err != nil {
				t.Errorf("no lock file after opening again: %v", err)
			}
			if err := again.Add(&data.Entry{At: time.Now(), Mood: 4}); err != nil {
				t.Errorf("the journal does not save after opening again: %v", err)
			}
		})
	}
}
