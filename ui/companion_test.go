package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/steadyapp/steady/data"
)

// fakeTicker is a ticker the test drives.
type fakeTicker struct {
	c       chan time.Time
	stopped chan struct{}
}

func (f *fakeTicker) C() <-chan time.Time { return f.c }
func (f *fakeTicker) Stop()               { close(f.stopped) }

func TestCompanionTimerRunsEndsAsksAndSaves(t *testing.T) {
	store, tr := newJournalTest(t)
	for _, p := range []data.PlanItem{
		{Kind: data.PlanReason, Text: "My sister's wedding"},
		{Kind: data.PlanCoping, Text: "Cold water on my face"},
		{Kind: data.PlanPerson, Text: "Sam", Phone: "+44 20 7946 0958"},
	} {
		if err := store.AddPlanItem(&p); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	clock := start
	tk := &fakeTicker{c: make(chan time.Time), stopped: make(chan struct{})}
	var copied string
	c := newCompanion(tr, store, func() time.Time { return clock },
		func(d time.Duration) ticker {
			if d != companionFrame {
				t.Errorf("ticker every %v", d)
			}
			return tk
		}, func(s string) { copied = s }, 8)
	ticks := make(chan time.Duration)
	c.onTick = func(left time.Duration) { ticks <- left }
	w := test.NewWindow(c.content)
	defer w.Close()

	shown := strings.Join(texts(c.content), "\n")
	for _, want := range []string{"My sister's wedding", "Cold water on my face", "Sam", "+44 20 7946 0958", "15:00 left"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the companion lacks %q", want)
		}
	}
	test.Tap(findButton(c.content, "+44 20 7946 0958"))
	if copied != "+44 20 7946 0958" {
		t.Errorf("copied %q", copied)
	}

	// Ten minutes: choose 10, start, and tick.
	c.minutesSel.SetSelected("10")
	test.Tap(c.startBtn)
	if c.state != companionRunning || !c.startBtn.Hidden || c.stopBtn.Hidden {
		t.Fatalf("after Start: state %v", c.state)
	}
	tick := func(at time.Time) time.Duration {
		clock = at
		tk.c <- at
		return <-ticks
	}
	if left := tick(start.Add(2 * time.Second)); left != 10*time.Minute-2*time.Second {
		t.Errorf("left %v", left)
	}
	if c.left.Text != "9:58 left" || c.breath.Text != tr.T("companion.breathe_in") {
		t.Errorf("at 2 s: %q, %q", c.left.Text, c.breath.Text)
	}
	tick(start.Add(5 * time.Second)) // 1 s into breathing out
	if c.breath.Text != tr.T("companion.breathe_out") || c.circle.size >= 1 {
		t.Errorf("at 5 s: %q, circle %.2f", c.breath.Text, c.circle.size)
	}
	tick(start.Add(10*time.Minute + 50*time.Millisecond)) // the end
	<-tk.stopped
	if c.state != companionAsking || c.ask.Hidden || c.askText.Text != tr.T("companion.ended") || c.left.Text != "0:00 left" {
		t.Fatalf("at the end: state %v, asking shown %v, %q, %q", c.state, !c.ask.Hidden, c.askText.Text, c.left.Text)
	}
	if !c.save.Disabled() {
		t.Error("Save is enabled before a mood is chosen")
	}

	// The answer, and the check-in with "rode it out" filled in.
	c.passed.SetSelected(tr.T("checkin.passed_yes"))
	c.mood.SetSelectedIndex(2) // "Okay"
	c.craving.SetValue(3)
	test.Tap(c.save)
	if c.state != companionSaved || c.message.Text != tr.T("companion.saved") {
		t.Fatalf("after Save: state %v, %q", c.state, c.message.Text)
	}
	got, _, err := store.Page(data.Filter{}, data.Cursor{}, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("journal: %v, %v", got, err)
	}
	e := got[0]
	if e.Mood != 3 || e.Craving != 3 || e.CravingPassed == nil || !*e.CravingPassed ||
		!strings.Contains(strings.Join(e.Coping, " "), "coping.urge_surfing") || e.Note != "Rode it out with Steady’s timer (10 min)." {
		t.Errorf("saved %+v", e)
	}
}

func TestCompanionStopAndStillBreathing(t *testing.T) {
	store, tr := newJournalTest(t)
	if err := store.SetSetting(data.SettingBreathingMotion, "0"); err != nil {
		t.Fatal(err)
	}
	start := time.Now().Add(-time.Hour)
	clock := start
	tk := &fakeTicker{c: make(chan time.Time), stopped: make(chan struct{})}
	c := newCompanion(tr, store, func() time.Time { return clock }, func(time.Duration) ticker { return tk }, func(string) {}, -1)
	ticks := make(chan time.Duration)
	c.onTick = func(left time.Duration) { ticks <- left }
	if c.motion.Checked || !c.circle.still {
		t.Fatal("the breathing circle moves although motion is off")
	}
	if !strings.Contains(strings.Join(texts(c.content), "\n"), tr.T("companion.plan_empty")) {
		t.Error("an empty plan says nothing")
	}
	test.Tap(c.startBtn)
	clock = start.Add(3 * time.Second)
	tk.c <- clock
	<-ticks
	if c.circle.size != 0.7 {
		t.Errorf("still circle at %.2f", c.circle.size)
	}
	clock = start.Add(4 * time.Minute)
	test.Tap(c.stopBtn)
	<-tk.stopped
	if c.state != companionAsking || !c.askText.Hidden || c.left.Text != "11:00 left" {
		t.Errorf("after Stop: %v, ended note shown %v, %q", c.state, !c.askText.Hidden, c.left.Text)
	}
	c.motion.SetChecked(true)
	if v, _, _ := store.Setting(data.SettingBreathingMotion); v != "1" {
		t.Errorf("motion setting %q", v)
	}
}

// TestCompanionHasGetHelp checks that the companion, which covers the
// window and its footer, has its own Get help: it closes the companion
// and shows Get help.
func TestCompanionHasGetHelp(t *testing.T) {
	u, _ := newTestUI(t)
	u.showCompanion(-1)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the companion did not open")
	}
	tapButton(t, top, u.tr.T("help.button"))
	if o := u.win.Canvas().Overlays().Top(); o != nil {
		t.Errorf("the companion is still open over Get help")
	}
	if u.model.section != sectionHelp {
		t.Errorf("section %v, want Get help", u.model.section)
	}
}
