package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// crisisUI opens a journal with the given system region and saved region
// ("" for none), and one person in My plan.
func crisisUI(t *testing.T, system, saved string) (*UI, *data.Store) {
	t.Helper()
	a := newTestApp(t)
	dir := filepath.Join(t.TempDir(), "steady")
	store, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if saved != "" {
		if err := store.SetSetting(data.SettingRegion, saved); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.AddPlanItem(&data.PlanItem{Kind: data.PlanPerson, Text: "Ana", Phone: "+44 7700 900123"}); err != nil {
		t.Fatal(err)
	}
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := openUI(a, store, tr, Options{SystemRegion: system})
	u.win.Resize(fyne.NewSize(800, 600))
	buildAll(u)
	return u, store
}

// order returns the position of each of wants in the joined text, failing
// when one is missing or they are out of order.
func inOrder(t *testing.T, text string, wants ...string) {
	t.Helper()
	at := -1
	for _, w := range wants {
		i := strings.Index(text, w)
		if i < 0 {
			t.Errorf("%q not shown in %q", w, text)
			return
		}
		if i < at {
			t.Errorf("%q comes before what should precede it, in %q", w, text)
		}
		at = i
	}
}

func TestVeryLowMoodGetsGentleNoteNoDialog(t *testing.T) {
	for _, craving := range []int{0, 9} {
		u, store := crisisUI(t, "GB", "")
		if err := store.AddPlanItem(&data.PlanItem{Kind: data.PlanCoping, Text: "Walk round the block"}); err != nil {
			t.Fatal(err)
		}
		u.selectSection(sectionCheckin)
		test.Tap(u.checkin.mood.buttons[0])
		u.checkin.craving.slider.SetValue(float64(craving))
		test.Tap(u.checkin.save)
		if n, _ := store.Count(); n != 1 {
			t.Fatalf("craving %d: %d check-ins saved", craving, n)
		}
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("craving %d: a dialog after a very low mood: %q", craving, overlayText(u))
		}
		if u.model.section != sectionCheckin {
			t.Errorf("craving %d: the page switched to %s", craving, u.model.section)
		}
		note := u.care.note
		if note == nil || !note.box.Visible() {
			t.Fatalf("craving %d: no note after the save", craving)
		}
		got := strings.Join(texts(note.box), " | ")
		for _, want := range []string{u.tr.T("save.gentle"), "Walk round the block", "Ana"} {
			if !strings.Contains(got, want) {
				t.Errorf("craving %d: the gentle note lacks %q: %q", craving, want, got)
			}
		}
		if strings.Contains(got, "999") || strings.Contains(got, "112") {
			t.Errorf("craving %d: the gentle note names an emergency number: %q", craving, got)
		}
		if b := u.care.footerHelp; b == nil || !b.Visible() {
			t.Errorf("craving %d: no Get help right under the gentle note", craving)
		}
		if ride := findButton(note.box, u.tr.T("companion.open")); (ride != nil) != (craving >= cravingOffer) {
			t.Errorf("craving %d: ride-out offered = %v", craving, ride != nil)
		}
	}
}

func TestAnOrdinaryCheckinGetsNoGentleNote(t *testing.T) {
	u, _ := crisisUI(t, "GB", "")
	u.selectSection(sectionCheckin)
	test.Tap(u.checkin.mood.buttons[3])
	test.Tap(u.checkin.save)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("a dialog after an ordinary check-in: %q", overlayText(u))
	}
	if len(u.care.note.gentle.Objects) != 0 {
		t.Errorf("an ordinary check-in got the gentle note: %q", texts(u.care.note.gentle))
	}
}

func TestSelfHarmShowsCrisisLineThenEmergencyThenPeople(t *testing.T) {
	tests := []struct {
		name, system, saved string
		choose              string // region chosen when asked ("" = not asked)
		crisis, emergency   string
	}{
		{"GB saved", "US", "GB", "", "116 123", "999"},
		{"US from the system", "US", "", "", "988", "911"},
		{"unknown region asks first", "MX", "", "ES", "024", "112"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, store := crisisUI(t, tt.system, tt.saved)
			wait := announcements(u)
			u.selectSection(sectionCheckin)
			test.Tap(u.checkin.mood.buttons[2])
			test.Tap(u.checkin.selfHarm)
			test.Tap(u.checkin.save)
			if tt.choose != "" {
				wait(t, "region asking")
				if !strings.Contains(overlayText(u), u.tr.T("region.ask.title")) {
					t.Fatalf("the region is not asked for first: %q", overlayText(u))
				}
				if strings.Contains(overlayText(u), "112") {
					t.Errorf("a number named before the region is known: %q", overlayText(u))
				}
				u.care.regionPicker.SetSelected(u.tr.T("region.country_" + strings.ToLower(tt.choose)))
				tapButton(t, u.win.Canvas().Overlays().Top(), u.tr.T("dialog.continue"))
				if v, _, _ := store.Setting(data.SettingRegion); v != tt.choose {
					t.Errorf("region kept as %q, want %q", v, tt.choose)
				}
			}
			wait(t, "crisis")
			if u.care.crisisBody == nil {
				t.Fatal("no urgent-help dialog")
			}
			got := strings.Join(texts(u.care.crisisBody), " | ")
			inOrder(t, got, tt.crisis, u.tr.T("crisis.emergency"), tt.emergency, "Ana", "+44 7700 900123", u.tr.T("help.button"))
			// The person's number is copied with one tap.
			tapButton(t, u.care.crisisBody, "+44 7700 900123")
			if clip := u.app.Clipboard().Content(); clip != "+44 7700 900123" {
				t.Errorf("clipboard %q after tapping the person's number", clip)
			}
		})
	}
}

func TestUnknownRegionNotNowNamesNoNumber(t *testing.T) {
	u, store := crisisUI(t, "", "")
	wait := announcements(u)
	u.afterSave(data.Entry{Mood: 3, SelfHarm: true})
	wait(t, "region asking")
	tapButton(t, u.win.Canvas().Overlays().Top(), u.tr.T("region.ask.later"))
	wait(t, "crisis")
	got := strings.Join(texts(u.care.crisisBody), " | ")
	if !strings.Contains(got, u.tr.T("crisis.emergency_local")) {
		t.Errorf("no 'your local emergency number': %q", got)
	}
	for _, number := range []string{"112", "999", "911"} {
		if strings.Contains(got, number) {
			t.Errorf("a number that may be wrong (%s) for an unknown region: %q", number, got)
		}
	}
	if _, ok, _ := store.Setting(data.SettingRegion); ok {
		t.Error("'Not now' saved a region")
	}
}

func TestRegionChoicePersists(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	store, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := i18n.New()
	u := openUI(newTestApp(t), store, tr, Options{SystemRegion: "MX"})
	wait := announcements(u)
	u.afterSave(data.Entry{Mood: 3, SelfHarm: true})
	wait(t, "region asking")
	u.care.regionPicker.SetSelected(tr.T("region.country_au"))
	tapButton(t, u.win.Canvas().Overlays().Top(), tr.T("dialog.continue"))
	wait(t, "crisis")
	if err := u.close(); err != nil {
		t.Fatal(err)
	}
	store, err = data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	u = openUI(newTestApp(t), store, tr, Options{SystemRegion: "MX"})
	if !u.regionKnown() || u.region().ID != "AU" {
		t.Fatalf("after reopening: known %v, region %s", u.regionKnown(), u.region().ID)
	}
	wait = announcements(u)
	u.afterSave(data.Entry{Mood: 3, SelfHarm: true})
	wait(t, "crisis")
	if !strings.Contains(strings.Join(texts(u.care.crisisBody), " "), "13 11 14") {
		t.Error("Lifeline not shown for the remembered region")
	}
}

func TestBodyRedFlagNamesTheSign(t *testing.T) {
	u, _ := crisisUI(t, "GB", "")
	wait := announcements(u)
	yes := true
	u.afterSave(data.Entry{Mood: 3, Body: &data.Body{Retention: &yes}})
	wait(t, "crisis")
	got := strings.Join(texts(u.care.crisisBody), " | ")
	inOrder(t, got, u.tr.T("body.flag.retention.name"), u.tr.T("crisis.emergency"), "999")
	if strings.Contains(got, "116 123") {
		t.Errorf("a body sign alone leads with a crisis line: %q", got)
	}
}

func TestSortedRegionsEndWithSomewhereElse(t *testing.T) {
	tr, _ := i18n.New()
	for _, tag := range []string{"en", "es", "ja"} {
		if err := tr.Set(tr.Match(tag)); err != nil {
			t.Fatal(err)
		}
		rs := sortedRegions(tr)
		if last := rs[len(rs)-1]; last.NameID() != "region.elsewhere" {
			t.Errorf("%s: last region %s", tag, last.ID)
		}
		s := regionPicker(tr, "", nil)
		if tag == "en" && (s.Options[0] != "Australia" || s.Options[len(s.Options)-2] != "Vietnam") {
			t.Errorf("en: regions not sorted by name: %v", s.Options)
		}
	}
}

// getHelpVisible returns the Get help button in the window's content and
// fails unless it lies wholly inside the window.
func getHelpVisible(t *testing.T, u *UI) *widget.Button {
	t.Helper()
	b := findButton(u.win.Content(), u.tr.T("help.button"))
	if u.state == stateOpen {
		b = u.care.footerHelp
	}
	if min := u.win.Content().MinSize(); min.Width > u.win.Canvas().Size().Width || min.Height > u.win.Canvas().Size().Height {
		t.Errorf("%s: the window needs %v, more than %v", u.state, min, u.win.Canvas().Size())
	}
	if b == nil {
		t.Fatalf("%s: no Get help button in the window", u.state)
	}
	if !b.Visible() {
		t.Fatalf("%s: Get help is hidden", u.state)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	win := u.win.Canvas().Size()
	if pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > win.Width+0.5 || pos.Y+b.Size().Height > win.Height+0.5 {
		t.Errorf("%s: Get help at %v size %v, outside the %v window", u.state, pos, b.Size(), win)
	}
	if b.Size().Width < b.MinSize().Width-0.5 {
		t.Errorf("%s: Get help squeezed to %v (min %v)", u.state, b.Size(), b.MinSize())
	}
	return b
}

func TestGetHelpFromEveryStateAt600x400(t *testing.T) {
	small := fyne.NewSize(600, 400)
	t.Run("open", func(t *testing.T) {
		u, _ := crisisUI(t, "GB", "")
		u.win.Resize(small)
		for _, id := range []string{sectionToday, sectionCheckin, sectionHistory, sectionSettings} {
			u.selectSection(id)
			test.Tap(getHelpVisible(t, u))
			if u.model.section != sectionHelp {
				t.Errorf("from %s: Get help shows %s", id, u.model.section)
			}
		}
	})
	t.Run("locked", func(t *testing.T) {
		u, _ := startLocked(t, encryptedJournal(t, nil))
		u.win.Resize(small)
		test.Tap(getHelpVisible(t, u))
		if got := overlayText(u); !strings.Contains(got, "116 123") || !strings.Contains(got, u.tr.T("help.sign.self_harm")) {
			t.Errorf("Get help over the lock screen lacks the helplines or warning signs: %q", got)
		}
		if u.state != stateLocked {
			t.Errorf("Get help left the lock screen: %s", u.state)
		}
	})
	t.Run("start-up error", func(t *testing.T) {
		tr, _ := i18n.New()
		dir := filepath.Join(t.TempDir(), "steady")
		garbageJournal(t, dir)
		u, _ := startupUI(t, dir, tr)
		u.opts.SystemRegion = "US"
		u.win.Resize(small)
		test.Tap(getHelpVisible(t, u))
		if got := overlayText(u); !strings.Contains(got, "988") {
			t.Errorf("Get help over the start-up error lacks the helplines: %q", got)
		}
		// A region chosen there is kept for the journal.
		u.care.helpScreen.regions.SetSelected(tr.T("region.country_gb"))
		if got := overlayText(u); !strings.Contains(got, "116 123") {
			t.Errorf("after choosing the UK: %q", got)
		}
	})
}

// garbageJournal writes a file that is not a journal where dir's journal
// belongs.
func garbageJournal(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, data.FileName), bytes.Repeat([]byte("not a journal "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
}
