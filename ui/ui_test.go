package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// newTestUI builds Steady on Fyne's test driver with a journal in a temp dir.
func newTestUI(t *testing.T) (*UI, *data.Store) {
	t.Helper()
	a := newTestApp(t)
	t.Cleanup(a.Quit)
	store, err := data.Open(filepath.Join(t.TempDir(), "steady"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	u := openUI(a, store, tr, Options{SystemRegion: "GB"})
	u.win.Resize(fyne.NewSize(960, 700))
	buildAll(u)
	return u, store
}

// buildAll builds every section's screen (the app builds them when first
// shown), so tests can reach any of them.
func buildAll(u *UI) {
	for i := range u.ids {
		u.ensure(i)
	}
}

// texts collects the text a person can read in o and everything inside it.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if in := unwrapEsc(o); in != nil { // read as the Fyne widget inside (esc.go)
			o = in
		}
		switch w := o.(type) {
		case nil:
			return
		case *widget.Label:
			out = append(out, w.Text)
			return
		case *widget.RichText:
			for _, s := range w.Segments {
				walkSegment(s, &out)
			}
			return
		case *widget.Accordion:
			for _, it := range w.Items {
				out = append(out, it.Title)
				walk(it.Detail)
			}
			return
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
			walk(w.Content)
			return
		case *widget.Button:
			out = append(out, w.Text)
			return
		case *widget.Select:
			out = append(out, w.Selected)
			return
		case *widget.RadioGroup:
			out = append(out, w.Options...)
			return
		case *widget.Entry:
			out = append(out, w.Text, w.PlaceHolder)
			return
		case *canvas.Text:
			out = append(out, w.Text)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func walkSegment(s widget.RichTextSegment, out *[]string) {
	switch s := s.(type) {
	case *widget.TextSegment:
		*out = append(*out, s.Text)
	case *widget.ListSegment:
		for _, it := range s.Items {
			walkSegment(it, out)
		}
	}
}

func tabTitles(u *UI) []string { return u.titles }

// selected is the index of the section on screen, checked against what is
// visible.
func selected(t *testing.T, u *UI) int {
	t.Helper()
	shown := -1
	for i, p := range u.pages {
		if p.Visible() {
			if shown >= 0 {
				t.Fatalf("sections %d and %d both shown", shown, i)
			}
			shown = i
		}
	}
	if shown != u.sectionIndex(u.model.section) {
		t.Fatalf("section %s in the model, %d shown", u.model.section, shown)
	}
	return shown
}

func TestSectionsInOrder(t *testing.T) {
	u, _ := newTestUI(t)
	want := []string{"Today", "Check-in", "History", "Insights", "My plan", "Symptoms", "Managing withdrawal", "FAQ", "Get help now", "Settings"}
	if got := tabTitles(u); !slices.Equal(got, want) {
		t.Fatalf("tabs = %v, want %v", got, want)
	}
	if selected(t, u) != 0 {
		t.Errorf("Steady opens on section %d, want Today", selected(t, u))
	}
	for i, id := range u.ids {
		u.selectSection(id)
		if selected(t, u) != i || u.model.section != id {
			t.Errorf("selectSection(%s): selected %d", id, selected(t, u))
		}
	}
}

// TestWholeGuideIsShown checks, in every language, that every item of the
// guide's catalog is on screen in its section.
func TestWholeGuideIsShown(t *testing.T) {
	u, _ := newTestUI(t)
	g := guide.TheGuide()
	for _, l := range u.tr.Languages() {
		if err := u.tr.Set(l.Tag); err != nil {
			t.Fatal(err)
		}
		buildAll(u)
		shown := strings.Join(texts(u.win.Content()), "\n")
		for _, id := range g.MessageIDs() {
			text := u.tr.T(id)
			if text == id || !strings.Contains(shown, text) {
				t.Errorf("%s: %s (%q) is not shown", l.Tag, id, text)
			}
		}
		if !strings.Contains(shown, u.tr.T("notice.medical")) {
			t.Errorf("%s: the not-medical-advice notice is not shown", l.Tag)
		}
	}
}

// overlayText returns the text of the top dialog, or "".
func overlayText(u *UI) string {
	ov := u.win.Canvas().Overlays().Top()
	if ov == nil {
		return ""
	}
	return strings.Join(texts(ov), " | ")
}

// closeOverlays dismisses every dialog.
func closeOverlays(u *UI) {
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
}

// find returns every object of type T in o and below it, in drawing order.
func find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if w, ok := o.(T); ok {
			out = append(out, w)
		} else if w, ok := unwrapEsc(o).(T); ok { // Fyne's widget inside an esc* one (esc.go)
			out = append(out, w)
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// tapButton taps the button with the given text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	b := findButton(o, label)
	if b == nil {
		t.Fatalf("no button %q", label)
	}
	test.Tap(b)
}

func check(t *testing.T, checks *tagChecks, tag string) {
	t.Helper()
	for i, o := range checks.options {
		if o.tag == tag {
			test.Tap(checks.checks[i])
			return
		}
	}
	t.Fatalf("no check box for %s", tag)
}

func TestCheckinAddsAndLists(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionCheckin)
	c := u.checkin
	if u.history.empty.Hidden || u.history.list.Length() != 0 {
		t.Fatal("a new journal should say it is empty")
	}

	// Saving without a mood is refused with a prompt beside the mood (no
	// error dialog), and saves nothing.
	test.Tap(c.save)
	if n, _ := store.Count(); n != 0 {
		t.Fatalf("saved %d entries without a mood", n)
	}
	if !c.moodPrompt.Visible() || c.moodPrompt.Text != u.tr.T("error.mood_range") {
		t.Fatal("no prompt about the missing mood")
	}

	test.Tap(c.mood.buttons[1]) // Low
	c.craving.slider.SetValue(7)
	test.Tap(c.sleep)
	test.Type(c.hours, "6,5")
	c.quality.SetSelectedIndex(1)
	check(t, c.triggers, "trigger.stress")
	check(t, c.symptoms, "symptom.physical.tremors")
	check(t, c.coping, "coping.walk")
	c.passed.SetSelected("Yes")
	test.Type(c.note, "Rough evening\nbut I held on")
	if got := c.craving.value.Text; got != "7 of 10" {
		t.Errorf("craving value label = %q", got)
	}
	test.Tap(c.save)
	closeOverlays(u)

	page, _, err := store.Page(data.Filter{}, data.Cursor{}, 10)
	if err != nil || len(page) != 1 {
		t.Fatalf("Page = %v, %v", page, err)
	}
	e := page[0]
	if e.Mood != 2 || e.Craving != 7 || e.Note != "Rough evening\nbut I held on" || *e.SleepHours != 6.5 ||
		*e.SleepQuality != 2 || !*e.CravingPassed || e.Used || e.Backdated {
		t.Errorf("stored %+v", e)
	}
	if !slices.Equal(e.Triggers, []string{"trigger.stress"}) || !slices.Equal(e.Symptoms, []string{"symptom.physical.tremors"}) ||
		!slices.Equal(e.Coping, []string{"coping.walk"}) {
		t.Errorf("tags %v %v %v", e.Triggers, e.Symptoms, e.Coping)
	}

	h := u.history
	if h.list.Length() != 2 || !h.empty.Hidden { // a day heading and the entry
		t.Fatalf("history shows %d rows", h.list.Length())
	}
	row := h.list.CreateItem()
	h.list.UpdateItem(1, row)
	got := strings.Join(texts(row), " | ")
	for _, want := range []string{"Low", "7/10", "Rough evening"} {
		if !strings.Contains(got, want) {
			t.Errorf("row %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "held on") {
		t.Errorf("row shows more than the note's first line: %q", got)
	}
	if c.note.Text != "" || c.mood.value != 0 || c.craving.slider.Value != 0 || c.sleep.Checked || c.triggers.checks[0].Checked {
		t.Errorf("form not reset after saving")
	}
	if !strings.Contains(strings.Join(texts(u.today.todayBox), " "), "Craving: 7/10") {
		t.Errorf("Today does not list the check-in: %v", texts(u.today.todayBox))
	}
}

func TestEditDeleteUndo(t *testing.T) {
	u, store := newTestUI(t)
	e := data.Entry{At: time.Now().Add(-time.Hour), Mood: 3, Craving: 5, Note: "first", Triggers: []string{"trigger.boredom"}}
	if err := u.journal.Add(&e); err != nil {
		t.Fatal(err)
	}
	u.selectSection(sectionHistory)
	u.history.list.Select(1) // the entry, under its day heading
	if u.model.section != sectionCheckin || u.checkin.note.Text != "first" || u.checkin.mood.value != 3 {
		t.Fatalf("selecting the entry did not open it for editing: section %s note %q", u.model.section, u.checkin.note.Text)
	}
	if !u.checkin.triggers.checks[1].Checked || u.checkin.delete.Hidden {
		t.Error("edit form lacks the trigger or the delete button")
	}
	u.checkin.note.SetText("changed my mind")
	test.Tap(u.checkin.mood.buttons[4])
	test.Tap(u.checkin.save)
	got, _ := store.Get(e.ID)
	if got.Note != "changed my mind" || got.Mood != 5 || got.UUID != e.UUID || !slices.Equal(got.Triggers, e.Triggers) {
		t.Errorf("after edit: %+v", got)
	}
	if n, _ := store.Count(); n != 1 {
		t.Errorf("editing made %d entries", n)
	}

	u.checkin.edit(got)
	test.Tap(u.checkin.delete)
	tapButton(t, u.win.Canvas().Overlays().Top(), "Delete") // confirm
	if n, _ := store.Count(); n != 0 {
		t.Fatalf("%d entries after delete", n)
	}
	if u.history.list.Length() != 0 {
		t.Error("history still lists the deleted entry")
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Undo")
	back, err := store.Get(e.ID)
	if err != nil || back.Note != "changed my mind" {
		t.Errorf("undo: %+v %v", back, err)
	}
	if u.history.list.Length() != 2 {
		t.Error("history does not show the restored entry")
	}
}

func TestNoteTooLongIsRefused(t *testing.T) {
	u, store := newTestUI(t)
	c := u.checkin
	test.Tap(c.mood.buttons[2])
	c.note.SetText(strings.Repeat("a", data.MaxNoteLength+5))
	if !strings.Contains(c.count.Text, "10005") {
		t.Errorf("counter = %q", c.count.Text)
	}
	test.Tap(c.save)
	if n, _ := store.Count(); n != 0 {
		t.Fatal("an over-long note was saved")
	}
	if !strings.Contains(c.status.Text, "10005") || u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("no prompt beside Save giving the note's length: %q (dialog %q)", c.status.Text, overlayText(u))
	}
	if c.note.Text == "" {
		t.Error("the note was thrown away")
	}
}

func TestBadSleepHoursRefused(t *testing.T) {
	u, store := newTestUI(t)
	c := u.checkin
	test.Tap(c.mood.buttons[2])
	test.Tap(c.sleep)
	test.Type(c.hours, "lots")
	test.Tap(c.save)
	if n, _ := store.Count(); n != 0 {
		t.Fatal("saved with unreadable sleep hours")
	}
	if !c.hoursPrompt.Visible() || c.hoursPrompt.Text != u.tr.T("error.sleep_hours") {
		t.Errorf("prompt: %q (dialog %q)", c.hoursPrompt.Text, overlayText(u))
	}
}

func TestParseHours(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"7", 7, true}, {"7.5", 7.5, true}, {"7,5", 7.5, true}, {" 8 ", 8, true}, {"0", 0, true}, {"24", 24, true},
		{"", -1, true}, {"25", 0, false}, {"-1", 0, false}, {"seven", 0, false}, {"NaN", 0, false}, {"1e400", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseHours(tt.in)
		if ok != tt.ok || (ok && tt.want >= 0 && (got == nil || *got != tt.want)) || (ok && tt.want < 0 && got != nil) {
			t.Errorf("parseHours(%q) = %v, %v", tt.in, got, ok)
		}
	}
}

func TestQuickCheckinAndProgress(t *testing.T) {
	u, store := newTestUI(t)
	u.now = func() time.Time { return time.Date(2026, 5, 20, 15, 0, 0, 0, time.Local) }
	store.SetQuitDate(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC))
	u.today.refresh()
	if got := u.today.quit.Text; got != "10 days since your quit date" {
		t.Errorf("quit line = %q", got)
	}
	if got := u.today.phase.Text; got != u.tr.T("phase.acute") {
		t.Errorf("phase = %q", got)
	}

	// Ctrl+N: mood, save — two taps.
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutQuick)
	ov := u.win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("Ctrl+N opened nothing")
	}
	tapButton(t, ov, "Good")
	tapButton(t, ov, "Save check-in")
	if n, _ := store.Count(); n != 1 {
		t.Fatalf("quick check-in saved %d entries", n)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the quick check-in stayed open")
	}

	// A lapse, recorded without judgement, restarts the count.
	lapse := data.Entry{At: time.Date(2026, 5, 19, 22, 0, 0, 0, time.Local), Mood: 2, Craving: 9, Used: true}
	u.journal.Add(&lapse)
	if got := u.today.lastUse.Text; got != "1 day since you last used" {
		t.Errorf("last use = %q", got)
	}
	if u.today.lapse.Hidden || u.today.lapse.Text != u.tr.T("today.after_lapse") {
		t.Error("no encouraging line after a lapse")
	}
	u.now = func() time.Time { return time.Date(2026, 8, 1, 12, 0, 0, 0, time.Local) }
	u.today.refresh()
	if u.today.phase.Text != u.tr.T("phase.later") || !u.today.lapse.Hidden {
		t.Errorf("months later: phase %q, lapse shown %v", u.today.phase.Text, !u.today.lapse.Hidden)
	}
}

func TestLowMoodOffersSupport(t *testing.T) {
	// The lowest mood alone is a gentle note under the saved check-in, not
	// a switch to Get help (issue 14; crisis_test.go has the graduated
	// response in full).
	u, _ := newTestUI(t)
	u.selectSection(sectionCheckin)
	test.Tap(u.checkin.mood.buttons[0])
	test.Tap(u.checkin.save)
	if got := strings.Join(texts(u.care.note.box), " "); !strings.Contains(got, u.tr.T("save.gentle")) {
		t.Errorf("no gentle note after the lowest mood: %q", got)
	}
	if u.model.section != sectionCheckin || u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the lowest mood alone moved to %s or opened %q", u.model.section, overlayText(u))
	}
	if n, _ := u.journal.Count(); n != 1 {
		t.Error("the check-in was not saved before offering help")
	}
}

func TestPlanFeedsCheckin(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionPlan)
	p := u.plan
	box := p.lists[data.PlanTrigger]
	tr := u.tr
	entries := find[*widget.Entry](p.content)
	// Entries in order: reason; person name, phone; trigger; coping.
	if len(entries) != 5 {
		t.Fatalf("%d entries in the plan", len(entries))
	}
	test.Type(entries[3], "Friday nights at Sam's")
	entries[3].OnSubmitted(entries[3].Text)
	test.Type(entries[1], "Ana")
	test.Type(entries[2], "not a phone")
	entries[2].OnSubmitted(entries[2].Text)
	if !strings.Contains(overlayText(u), tr.T("error.phone")) {
		t.Errorf("bad phone: %q", overlayText(u))
	}
	closeOverlays(u)
	entries[2].SetText("+44 20 7946 0958")
	entries[2].OnSubmitted(entries[2].Text)
	items, _ := store.Plan("")
	if len(items) != 2 {
		t.Fatalf("plan has %d items", len(items))
	}
	if !strings.Contains(strings.Join(texts(box), " "), "Friday nights at Sam's") {
		t.Error("the plan does not list the new trigger")
	}
	found := false
	for _, o := range u.checkin.triggers.options {
		found = found || o.label == "Friday nights at Sam's"
	}
	if !found {
		t.Error("the check-in does not offer the plan's trigger")
	}
	tapButton(t, p.lists[data.PlanPerson], "+44 20 7946 0958")
	if got := u.app.Clipboard().Content(); got != "+44 20 7946 0958" {
		t.Errorf("clipboard = %q", got)
	}
}

func TestInsightsShowData(t *testing.T) {
	u, _ := newTestUI(t)
	now := time.Now()
	for i := 0; i < 10; i++ {
		e := data.Entry{At: now.Add(-time.Duration(i) * 20 * time.Hour), Mood: 1 + i%5, Craving: i, Triggers: []string{"trigger.stress"},
			Symptoms: []string{"symptom.sleep.insomnia"}}
		u.journal.Add(&e)
	}
	s := u.insights
	if got := s.summary.Text; got != "10 check-ins in the last 30 days." {
		t.Errorf("summary = %q", got)
	}
	points := 0
	for _, d := range s.panel.mood.days {
		if d.N > 0 {
			points++
		}
	}
	if points < 8 || len(s.panel.mood.days) != 30 {
		t.Errorf("mood series: %d days with data of %d", points, len(s.panel.mood.days))
	}
	if !strings.Contains(strings.Join(texts(s.triggers), " "), "Stress") || !strings.Contains(strings.Join(texts(s.symptoms), " "), "Insomnia") {
		t.Error("top lists lack the recorded trigger and symptom")
	}
	s.period.SetSelected(s.period.Options[0])
	if u.model.insightDays != 7 || len(s.panel.mood.days) != 7 {
		t.Errorf("7-day period: %d days", len(s.panel.mood.days))
	}
	sum := 0
	for _, h := range s.panel.hours.hours {
		sum += h.N
	}
	if sum == 0 {
		t.Error("hour-of-day chart is empty")
	}
}

func TestImportAndDeleteAll(t *testing.T) {
	u, store := newTestUI(t)
	e := data.Entry{At: time.Now(), Mood: 4, Note: "keep me"}
	store.Add(&e)
	var buf strings.Builder
	store.ExportJSON(&buf)
	u.importFrom(strings.NewReader(buf.String()), "copy.json")
	if want := u.tr.N("import.done", 0, "Skipped", 1); !strings.Contains(overlayText(u), want) || !strings.Contains(want, "0") || !strings.Contains(want, "1") {
		t.Errorf("re-import message: %q", overlayText(u))
	}
	closeOverlays(u)
	u.importFrom(strings.NewReader(`{"format":"other"}`), "other.json")
	if !strings.Contains(overlayText(u), "other.json is not a Steady export") {
		t.Errorf("foreign file: %q", overlayText(u))
	}
	closeOverlays(u)

	u.deleteAll()
	u.care.deleteAll.entry.SetText(u.tr.T("delete_all.safe.word"))
	tapButton(t, u.win.Canvas().Overlays().Top(), "Delete everything")
	if n, _ := store.Count(); n != 0 {
		t.Errorf("%d entries after delete all", n)
	}
	if u.history.list.Length() != 0 {
		t.Error("history still shows entries")
	}
}

// TestLanguageSwitchIsLiveAndRemembered switches through the picker, as a
// person would, and checks the window, the saved setting and the draft.
func TestLanguageSwitchIsLiveAndRemembered(t *testing.T) {
	u, store := newTestUI(t)
	if !u.tr.Supported(language.Spanish) {
		t.Skip("no Spanish messages")
	}
	u.selectSection(sectionCheckin)
	test.Tap(u.checkin.mood.buttons[3])
	u.checkin.craving.slider.SetValue(4)
	check(t, u.checkin.symptoms, "symptom.psychological.anxiety")
	test.Type(u.checkin.note, "half-written")

	u.language.SetSelected("Español")

	if u.tr.Language() != language.Spanish {
		t.Fatalf("language = %s", u.tr.Language())
	}
	titles := tabTitles(u)
	for i, s := range u.sections() {
		if titles[i] != u.tr.T(s.title) || titles[i] == "" {
			t.Errorf("tab %d = %q, want %q", i, titles[i], u.tr.T(s.title))
		}
	}
	if slices.Contains(titles, "Symptoms") || slices.Contains(titles, "History") {
		t.Errorf("tabs still in English: %v", titles)
	}
	if v, ok, _ := store.Setting(data.SettingLanguage); !ok || v != "es" {
		t.Errorf("saved language = %q, %v", v, ok)
	}
	if u.model.section != sectionCheckin || selected(t, u) != 1 {
		t.Errorf("section after switch = %d", selected(t, u))
	}
	c := u.checkin
	if c.note.Text != "half-written" || c.mood.value != 4 || c.craving.slider.Value != 4 || !u.model.draft.symptoms["symptom.psychological.anxiety"] {
		t.Errorf("draft lost: note %q mood %d craving %v", c.note.Text, c.mood.value, c.craving.slider.Value)
	}
	for i, o := range c.symptoms.options {
		if o.tag == "symptom.psychological.anxiety" && !c.symptoms.checks[i].Checked {
			t.Error("ticked symptom not shown after the switch")
		}
	}
	if u.language.Selected != "Español" || u.win.Title() != "Steady" {
		t.Errorf("picker shows %q, title %q", u.language.Selected, u.win.Title())
	}

	u.language.SetSelected("English")
	if got := tabTitles(u)[0]; got != "Today" {
		t.Errorf("back to English: tab 0 = %q", got)
	}
}

func TestSectionShortcuts(t *testing.T) {
	u, _ := newTestUI(t)
	sh := u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	for i := min(len(u.ids), 9) - 1; i >= 0; i-- {
		sh.TypedShortcut(sectionShortcut(i))
		if got := selected(t, u); got != i {
			t.Errorf("Ctrl+%d selected section %d", i+1, got)
		}
	}
}

func TestLabeler(t *testing.T) {
	u, store := newTestUI(t)
	p := data.PlanItem{Kind: data.PlanCoping, Text: "Cold shower"}
	store.AddPlanItem(&p)
	label := u.labeler()
	tests := map[string]string{
		p.Tag():                          "Cold shower",
		"plan:00000000-0000-4000-8000-0": u.tr.T("plan.removed_item"),
		"strategy.therapy":               "Therapy",
		"symptom.physical.tremors":       "Tremors",
		"trigger.payday":                 "Money or payday",
	}
	for tag, want := range tests {
		if got := label(tag); got != want {
			t.Errorf("label(%q) = %q, want %q", tag, got, want)
		}
	}
}
