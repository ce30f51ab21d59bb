package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

// savedEntries returns every check-in in the store, newest first.
func savedEntries(t *testing.T, store *data.Store) []data.Entry {
	t.Helper()
	list, err := store.Entries(time.Time{}, time.Now().Add(48*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// tabTo presses Tab until the focus is on one of targets, failing when the
// whole window was gone round without reaching one: it proves the field is
// reachable by keyboard in the form's order.
func tabTo(t *testing.T, c fyne.Canvas, targets ...fyne.Focusable) fyne.Focusable {
	t.Helper()
	for range 400 {
		c.FocusNext()
		if slices.Contains(targets, c.Focused()) {
			return c.Focused()
		}
	}
	t.Fatalf("Tab never reached %T", targets[0])
	return nil
}

// typeKeys types text into whatever has the keyboard focus.
func typeKeys(c fyne.Canvas, text string) {
	for _, r := range text {
		c.Focused().TypedRune(r)
	}
}

func key(c fyne.Canvas, k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }

// radioItems returns the focusable, tappable buttons of a radio group.
func radioItems(r *widget.RadioGroup) []fyne.Focusable {
	var out []fyne.Focusable
	for _, w := range find[fyne.Widget](r) {
		if f, ok := w.(fyne.Focusable); ok {
			out = append(out, f)
		}
	}
	return out
}

func TestBodySectionCollapsedUntilFirstUsedAndRemembered(t *testing.T) {
	u, store := newTestUI(t)
	s := u.checkin.body
	if !s.content.Visible() || s.fields.Visible() {
		t.Fatal("the body section should be offered, closed, in a new journal")
	}
	test.Tap(s.toggle)
	if !s.fields.Visible() {
		t.Fatal("tapping Body did not open it")
	}
	if v, _, _ := store.Setting(settingBodyOpen); v != "1" {
		t.Errorf("open state not remembered: %q", v)
	}
	// A new screen (a language switch rebuilds them) opens it again.
	buildAll(u)
	u.rebuild()
	buildAll(u)
	if !u.checkin.body.fields.Visible() {
		t.Error("the body section did not stay open")
	}
	test.Tap(u.checkin.body.toggle)
	if v, _, _ := store.Setting(settingBodyOpen); v != "0" {
		t.Errorf("closed state not remembered: %q", v)
	}

	// Settings turn it off, and on again, at once.
	if err := u.journal.SetSetting(settingBodyLog, "0"); err != nil {
		t.Fatal(err)
	}
	if u.checkin.body.content.Visible() {
		t.Error("turned off in Settings, the body section is still shown")
	}
	if err := u.journal.SetSetting(settingBodyLog, "1"); err != nil {
		t.Fatal(err)
	}
	if !u.checkin.body.content.Visible() {
		t.Error("turned on again, the body section is not shown")
	}
}

func TestBodySettingSwitch(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionSettings)
	row := u.bodySettingRow()
	boxes := find[*widget.Check](row)
	if len(boxes) != 1 || !boxes[0].Checked {
		t.Fatalf("settings switch: %d boxes", len(boxes))
	}
	test.Tap(boxes[0])
	if v, _, _ := store.Setting(settingBodyLog); v != "0" || u.bodyOn() {
		t.Errorf("switched off: setting %q", v)
	}
	if u.checkin.body.content.Visible() {
		t.Error("switched off in Settings, the check-in still shows the body section")
	}
}

func TestBodySectionByKeyboard(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionCheckin)
	c := u.win.Canvas()
	s := u.checkin.body

	// Open the section: Tab to it, Space.
	tabTo(t, c, s.toggle)
	key(c, fyne.KeySpace)
	if !s.fields.Visible() {
		t.Fatal("Space on Body did not open it")
	}
	tabTo(t, c, s.day)
	typeKeys(c, "9")
	tabTo(t, c, s.night)
	typeKeys(c, "3")
	urgency := radioItems(s.urgency)
	tabTo(t, c, urgency...)
	tabTo(t, c, urgency[2])
	typeKeys(c, " ") // strong
	leaks := radioItems(s.leaks)
	tabTo(t, c, leaks[1])
	typeKeys(c, " ") // some
	blood := radioItems(s.blood)
	tabTo(t, c, blood[1])
	typeKeys(c, " ") // pink
	tabTo(t, c, s.urinePain)
	for range 6 { // nothing → "not recorded" → 0 → … → 4
		key(c, fyne.KeyRight)
	}
	tabTo(t, c, s.fever)
	typeKeys(c, " ")
	tabTo(t, c, s.bladder)
	for range 8 {
		key(c, fyne.KeyRight) // 6
	}
	tabTo(t, c, s.flank)
	key(c, fyne.KeyRight)
	key(c, fyne.KeyRight) // 0
	if s.lapse.Visible() {
		t.Error("lapse questions shown without a lapse")
	}
	tabTo(t, c, s.medical)
	typeKeys(c, "Urine test Friday")
	// Mood by keyboard too: the form needs one.
	u.checkin.mood.Set(3)
	u.model.draft.mood = 3
	tabTo(t, c, u.checkin.save)
	key(c, fyne.KeySpace)

	list := savedEntries(t, store)
	if len(list) != 1 {
		t.Fatalf("%d check-ins saved", len(list))
	}
	want := &data.Body{UrinationsDay: intp(9), UrinationsNight: intp(3), Urgency: data.UrgencyStrong,
		Leaks: data.LeaksSome, Blood: data.BloodPink, UrinePain: intp(4), Fever: boolp(true),
		PainBladder: intp(6), PainFlank: intp(0), Medical: "Urine test Friday"}
	if !reflect.DeepEqual(list[0].Body, want) {
		t.Errorf("saved body log\n got %+v\nwant %+v", *list[0].Body, *want)
	}
}

// tapOption opens a select with the mouse and taps the option named text.
func tapOption(t *testing.T, u *UI, sel *escSelect, text string) {
	t.Helper()
	test.Tap(sel)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the select did not open")
	}
	for _, w := range find[fyne.Widget](top) {
		if o, ok := w.(fyne.Tappable); ok && strings.Join(texts(w), "") == text {
			test.Tap(o)
			return
		}
	}
	t.Fatalf("no option %q", text)
}

func TestBodySectionByMouseWithLapse(t *testing.T) {
	u, store := newTestUI(t)
	u.selectSection(sectionCheckin)
	c := u.checkin
	s := c.body
	test.Tap(c.mood.buttons[1])
	test.Tap(s.toggle)
	test.Tap(radioItems(s.urgency)[1].(fyne.Tappable))
	test.Tap(radioItems(s.leaks)[2].(fyne.Tappable))
	test.Tap(radioItems(s.blood)[0].(fyne.Tappable))
	tapOption(t, u, s.upper, "5")
	tapOption(t, u, s.flank, "2")
	test.Tap(c.used)
	if !s.lapse.Visible() {
		t.Fatal("ticking 'used' did not show the lapse questions")
	}
	test.Tap(s.forPain)
	test.Tap(s.alcohol)
	test.Tap(s.opioids)
	test.Tap(c.save)

	list := savedEntries(t, store)
	if len(list) != 1 {
		t.Fatalf("%d check-ins saved", len(list))
	}
	want := &data.Body{Urgency: data.UrgencySome, Leaks: data.LeaksPads, Blood: data.BloodNone,
		PainFlank: intp(2), PainUpper: intp(5), ForPain: boolp(true), WithAlcohol: boolp(true), WithOpioids: boolp(true)}
	if !list[0].Used || !reflect.DeepEqual(list[0].Body, want) {
		t.Errorf("saved used=%v body\n got %+v\nwant %+v", list[0].Used, list[0].Body, *want)
	}

	// Editing shows it back, open; unticking "used" clears the lapse
	// answers, and the save is accepted.
	c.edit(list[0])
	if !s.fields.Visible() || s.upper.SelectedIndex() != 6 || !s.alcohol.Checked {
		t.Fatalf("edit does not show the body log: open=%v upper=%d", s.fields.Visible(), s.upper.SelectedIndex())
	}
	test.Tap(c.used)
	if s.lapse.Visible() {
		t.Error("lapse questions still shown")
	}
	test.Tap(c.save)
	list = savedEntries(t, store)
	want.ForPain, want.WithAlcohol, want.WithOpioids = nil, nil, nil
	if len(list) != 1 || list[0].Used || !reflect.DeepEqual(list[0].Body, want) {
		t.Errorf("after unticking used: %+v", list[0].Body)
	}
}

func TestBodySectionRefusesBadCounts(t *testing.T) {
	for _, typed := range []string{"-1", "100", "lots", "2.5"} {
		u, store := newTestUI(t)
		c := u.checkin
		test.Tap(c.mood.buttons[2])
		test.Tap(c.body.toggle)
		test.Type(c.body.day, typed)
		test.Tap(c.save)
		if n, _ := store.Count(); n != 0 {
			t.Errorf("%q: saved anyway", typed)
		}
		if !strings.Contains(strings.Join(texts(c.content), " "), u.tr.T("checkin.body.count_error", "Max", data.MaxUrinationsDay)) &&
			!strings.Contains(overlayText(u), u.tr.T("checkin.body.count_error", "Max", data.MaxUrinationsDay)) {
			t.Errorf("%q: no message saying what is wrong", typed)
		}
	}
}

// TestEveryNowSignLeadsToUrgentHelp fills each "now" sign in the form and
// checks that saving opens the urgent-help response naming it.
func TestEveryNowSignLeadsToUrgentHelp(t *testing.T) {
	for _, tc := range []struct {
		sign string
		fill func(s *bodySection, u *UI)
	}{
		{data.SignRetention, func(s *bodySection, _ *UI) { test.Tap(s.retention) }},
		{data.SignClots, func(s *bodySection, _ *UI) { test.Tap(radioItems(s.blood)[3].(fyne.Tappable)) }},
		{data.SignFeverFlank, func(s *bodySection, u *UI) { test.Tap(s.fever); s.flank.SetSelectedIndex(5) }},
		{data.SignSeverePain, func(s *bodySection, u *UI) { s.bladder.SetSelectedIndex(data.SeverePain + 1) }},
		{data.SignSeverePain, func(s *bodySection, u *UI) { s.upper.SetSelectedIndex(data.MaxPain + 1) }},
	} {
		u, store := crisisUI(t, "GB", "GB")
		c := u.checkin
		test.Tap(c.mood.buttons[2])
		test.Tap(c.body.toggle)
		tc.fill(c.body, u)
		test.Tap(c.save)
		if n, _ := store.Count(); n != 1 {
			t.Fatalf("%s: %d saved", tc.sign, n)
		}
		if u.care.crisisBody == nil {
			t.Fatalf("%s: no urgent-help response", tc.sign)
		}
		got := strings.Join(texts(u.care.crisisBody), " | ")
		name := u.tr.T(data.Flag{Sign: tc.sign}.SignID())
		inOrder(t, got, name, u.tr.T("crisis.emergency"), "999")
	}
}

// TestNoBodySignNoUrgentHelp: an ordinary body log is saved quietly.
func TestNoBodySignNoUrgentHelp(t *testing.T) {
	u, _ := crisisUI(t, "GB", "GB")
	c := u.checkin
	test.Tap(c.mood.buttons[3])
	test.Tap(c.body.toggle)
	c.body.bladder.SetSelectedIndex(data.SeverePain) // 7: not severe
	test.Tap(c.body.fever)                           // fever without flank pain
	test.Tap(c.save)
	if u.care.crisisBody != nil {
		t.Errorf("urgent help for no urgent sign: %s", strings.Join(texts(u.care.crisisBody), " | "))
	}
}

// TestBodySectionLayoutAt800x600 opens the body section, with the lapse
// questions, in every language and the pseudo-locale at 800×600, and the
// Insights body card and the report dialog, failing on anything squeezed
// or cut short.
func TestBodySectionLayoutAt800x600(t *testing.T) {
	tr, err := i18n.Load(pseudoFS(t), "locales")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Languages() {
		t.Run(l.Tag.String(), func(t *testing.T) {
			u := newLayoutUI(t, l.Tag)
			u.win.Resize(smallWindow)
			u.selectSection(sectionCheckin)
			test.Tap(u.checkin.body.toggle)
			test.Tap(u.checkin.used)
			settle(u)
			if !u.checkin.body.lapse.Visible() {
				t.Fatal("lapse questions hidden")
			}
			for _, p := range problems(u.win.Content()) {
				t.Errorf("check-in: %s", p)
			}
			u.selectSection(sectionInsights)
			settle(u)
			for _, p := range problems(u.win.Content()) {
				t.Errorf("insights: %s", p)
			}
			r := u.openReportDialog()
			r.period.SetSelected(u.tr.T("report_dialog.custom"))
			top := u.win.Canvas().Overlays().Top()
			relayout(top)
			settle(u)
			if min := top.MinSize(); min.Width > smallWindow.Width || min.Height > smallWindow.Height {
				t.Errorf("the report dialog needs %v", min)
			}
			for _, p := range problems(top) {
				// As in checkDialogs: the test canvas leaves the title at zero.
				if !strings.Contains(p, "size {0 0}") {
					t.Errorf("report dialog: %s", p)
				}
			}
		})
	}
}
