package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// TestSoonSignsNoteOnTheRightHistory saves a check-in through the form at
// an injected time over a given history, and checks which "see a GP or
// urology service" signs the note under it names.
func TestSoonSignsNoteOnTheRightHistory(t *testing.T) {
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.Local)
	pain := func(daysAgo, score int) data.Entry {
		return data.Entry{At: now.AddDate(0, 0, -daysAgo), Mood: 3, Body: &data.Body{PainBladder: intp(score)}}
	}
	for _, tc := range []struct {
		name    string
		quit    time.Time
		history []data.Entry
		fill    func(s *bodySection)
		want    []string // signs named, in SoonSigns order
	}{
		{"pink urine", time.Time{}, nil,
			func(s *bodySection) { s.blood.SetSelected(s.tr.T("body.blood.pink")) }, []string{data.SignBlood}},
		{"visible red", time.Time{}, nil,
			func(s *bodySection) { s.blood.SetSelected(s.tr.T("body.blood.red")) }, []string{data.SignBlood}},
		{"no blood", time.Time{}, nil,
			func(s *bodySection) { s.blood.SetSelected(s.tr.T("body.blood.none")) }, nil},
		{"pain 3 of 7 days", time.Time{}, []data.Entry{pain(2, 3), pain(6, 1)},
			func(s *bodySection) { s.bladder.SetSelectedIndex(3) }, []string{data.SignPainDays}},
		{"pain 2 of 7 days", time.Time{}, []data.Entry{pain(2, 3)},
			func(s *bodySection) { s.bladder.SetSelectedIndex(3) }, nil},
		{"pain 3 days but one 7 days ago", time.Time{}, []data.Entry{pain(2, 3), pain(7, 4)},
			func(s *bodySection) { s.bladder.SetSelectedIndex(3) }, nil},
		{"pain 0 does not count", time.Time{}, []data.Entry{pain(1, 0), pain(2, 0)},
			func(s *bodySection) { s.bladder.SetSelectedIndex(3) }, nil},
		{"symptoms 30 days after quitting", now.AddDate(0, 0, -30), nil,
			func(s *bodySection) { s.urgency.SetSelected(s.tr.T("body.urgency.some")) }, []string{data.SignLasting}},
		{"symptoms 20 days after quitting", now.AddDate(0, 0, -20), nil,
			func(s *bodySection) { s.urgency.SetSelected(s.tr.T("body.urgency.some")) }, nil},
		{"no symptoms 60 days after quitting", now.AddDate(0, 0, -60), nil,
			func(s *bodySection) { s.urgency.SetSelected(s.tr.T("body.urgency.none")) }, nil},
		{"all three", now.AddDate(0, 0, -40), []data.Entry{pain(1, 2), pain(3, 2)},
			func(s *bodySection) {
				s.bladder.SetSelectedIndex(2)
				s.blood.SetSelected(s.tr.T("body.blood.red"))
			}, []string{data.SignBlood, data.SignPainDays, data.SignLasting}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, store := newTestUI(t)
			u.now = func() time.Time { return now }
			u.rebuild() // the form shows the injected day
			buildAll(u)
			if !tc.quit.IsZero() {
				if err := store.SetQuitDate(tc.quit); err != nil {
					t.Fatal(err)
				}
			}
			for _, e := range tc.history {
				if err := store.Add(&e); err != nil {
					t.Fatal(err)
				}
			}
			c := u.checkin
			test.Tap(c.mood.buttons[2])
			test.Tap(c.body.toggle)
			tc.fill(c.body)
			test.Tap(c.save)
			if n, _ := store.Count(); n != len(tc.history)+1 {
				t.Fatalf("%d check-ins", n)
			}
			if u.care.crisisBody != nil {
				t.Error("a soon sign opened the urgent-help dialog")
			}
			note := strings.Join(texts(u.care.note.box), " | ")
			hasTitle := strings.Contains(note, u.tr.T("body.soon.title"))
			if hasTitle != (len(tc.want) > 0) {
				t.Errorf("note title shown=%v, want %v: %q", hasTitle, len(tc.want) > 0, note)
			}
			for _, sign := range data.SoonSigns() {
				f := data.Flag{Sign: sign}
				named := strings.Contains(note, u.tr.T(f.SignID())) && strings.Contains(note, u.tr.T(f.WhyID()))
				want := strings.Contains(strings.Join(tc.want, " "), sign)
				if named != want {
					t.Errorf("%s named=%v, want %v: %q", sign, named, want, note)
				}
			}
		})
	}
}

// TestGetHelpListsBodySignsAndSources: both groups, every sign with why,
// every source by name, and nothing on the page that opens a browser.
func TestGetHelpListsBodySignsAndSources(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectSection(sectionHelp)
	page := u.pages[u.sectionIndex(sectionHelp)]
	shown := strings.Join(texts(page), "\n")
	want := []string{u.tr.T("help.body.now")}
	for _, s := range data.NowSigns() {
		want = append(want, u.tr.T(data.Flag{Sign: s}.SignID()), u.tr.T(data.Flag{Sign: s}.WhyID()))
	}
	want = append(want, u.tr.T("help.body.soon"))
	for _, s := range data.SoonSigns() {
		want = append(want, u.tr.T(data.Flag{Sign: s}.SignID()), u.tr.T(data.Flag{Sign: s}.WhyID()))
	}
	want = append(want, u.tr.T("help.sources.title"))
	for _, id := range helpSources {
		want = append(want, u.tr.T(id))
	}
	inOrder(t, shown, want...)
	if links := find[*widget.Hyperlink](page); len(links) > 0 {
		t.Errorf("Get help has %d links", len(links))
	}
}

// TestTodayShowsSoonSigns: Today keeps the calm note while a "soon" sign
// stands, and shows nothing of it otherwise.
func TestTodayShowsSoonSigns(t *testing.T) {
	u, _ := newTestUI(t)
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.Local)
	u.now = func() time.Time { return now }
	u.rebuild()
	buildAll(u)
	today := func() string { return strings.Join(texts(u.today.content), " | ") }
	title := u.tr.T("body.soon.title")
	if strings.Contains(today(), title) {
		t.Fatal("a soon note on Today with no body log")
	}
	e := data.Entry{At: now.Add(-time.Hour), Mood: 3, Body: &data.Body{Blood: data.BloodRed}}
	if err := u.journal.Add(&e); err != nil {
		t.Fatal(err)
	}
	if got := today(); !strings.Contains(got, title) || !strings.Contains(got, u.tr.T("body.flag.blood.why")) {
		t.Errorf("Today after visible blood: %q", got)
	}
	// A week later the sign no longer stands.
	now = now.AddDate(0, 0, 8)
	u.rebuild()
	buildAll(u)
	if strings.Contains(today(), title) {
		t.Error("the soon note stays on Today after the week it covers")
	}
}
