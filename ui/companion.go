package ui

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// The "Ride it out" companion keeps someone company through a craving: a
// timer (15 minutes unless they choose otherwise), a paced-breathing guide
// (in for 4 seconds, out for 6: six breaths a minute) drawn as a circle that
// grows and shrinks and named in words, their reasons, what works for them
// and the people they can call from My plan. When the time is up, or they
// stop, it asks whether the craving passed and offers to save a check-in
// with "urge surfing" (riding it out) filled in.

// Breathing: in for breatheIn, out for breatheOut.
const (
	breatheIn  = 4 * time.Second
	breatheOut = 6 * time.Second
)

// companionMinutes are the timer lengths on offer; defaultMinutes is chosen
// first.
var companionMinutes = []int{5, 10, 15, 20, 30}

const defaultMinutes = 15

// companionFrame is how often the timer and the breathing circle move.
const companionFrame = 100 * time.Millisecond

// cravingOffer is the craving, in a check-in, from which Steady offers the
// companion.
const cravingOffer = 7

// ticker is a source of ticks: time.Ticker in Steady, a channel the test
// drives in tests.
type ticker interface {
	C() <-chan time.Time
	Stop()
}

type realTicker struct{ *time.Ticker }

func (t realTicker) C() <-chan time.Time { return t.Ticker.C }

func newRealTicker(d time.Duration) ticker { return realTicker{time.NewTicker(d)} }

// companionJournal is what the companion reads and writes.
type companionJournal interface {
	Plan(kind string) ([]data.PlanItem, error)
	Add(e *data.Entry) error
	Setting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// companionState is where the companion is.
type companionState int

const (
	companionReady   companionState = iota // before the timer starts
	companionRunning                       // the timer runs
	companionAsking                        // ended or stopped: did it pass?
	companionSaved                         // the check-in is saved
)

// companion is the "Ride it out" view.
type companion struct {
	tr        *i18n.Translator
	j         companionJournal
	now       func() time.Time
	newTicker func(time.Duration) ticker
	copyText  func(string)
	onTick    func(left time.Duration) // tests: called after each tick is handled
	onSaved   func(data.Entry)         // after the check-in is saved

	content fyne.CanvasObject
	state   companionState
	minutes int
	start   time.Time
	end     time.Time
	stopped time.Time
	tk      ticker
	done    chan struct{}

	minutesSel *escSelect
	startBtn   *escButton
	stopBtn    *escButton
	left       *widget.Label
	breath     *widget.Label
	circle     *breathCircle
	motion     *escCheck
	ask        *fyne.Container
	askText    *widget.Label
	passed     *escRadioGroup
	mood       *escSelect
	craving    *escSlider
	cravingVal *widget.Label
	save       *escButton
	message    *widget.Label
	passedPick *bool
}

func newCompanion(tr *i18n.Translator, j companionJournal, now func() time.Time,
	newTicker func(time.Duration) ticker, copyText func(string), craving int) *companion {
	c := &companion{tr: tr, j: j, now: now, newTicker: newTicker, copyText: copyText, minutes: defaultMinutes}

	var names []string
	for _, m := range companionMinutes {
		names = append(names, strconv.Itoa(m))
	}
	c.minutesSel = newEscSelect(names, func(s string) { c.minutes, _ = strconv.Atoi(s) })
	c.minutesSel.SetSelected(strconv.Itoa(defaultMinutes))
	c.startBtn = newEscButton(tr.T("companion.start"), theme.MediaPlayIcon(), c.begin)
	c.startBtn.Importance = widget.HighImportance
	c.stopBtn = newEscButton(tr.T("companion.stop"), theme.MediaStopIcon(), c.stop)
	c.stopBtn.Hide()
	c.left = widget.NewLabelWithStyle(c.leftText(time.Duration(c.minutes)*time.Minute), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.breath = widget.NewLabelWithStyle(tr.T("companion.breathe_in"), fyne.TextAlignCenter, fyne.TextStyle{})
	c.breath.Wrapping = fyne.TextWrapWord
	c.circle = newBreathCircle()
	animate := true
	if v, ok, _ := j.Setting(data.SettingBreathingMotion); ok && v == "0" {
		animate = false
	}
	c.circle.still = !animate
	c.motion = newEscCheck(tr.T("companion.motion"), func(on bool) {
		c.circle.still = !on
		c.circle.Refresh()
		v := "1"
		if !on {
			v = "0"
		}
		_ = j.SetSetting(data.SettingBreathingMotion, v) // a preference: not saving it loses nothing written
	})
	c.motion.SetChecked(animate)

	// The question at the end.
	c.askText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.askText.Wrapping = fyne.TextWrapWord
	yes, no, unsure := tr.T("checkin.passed_yes"), tr.T("checkin.passed_no"), tr.T("checkin.passed_unsure")
	c.passed = newEscRadioGroup([]string{yes, no, unsure}, func(s string) {
		switch s {
		case yes:
			b := true
			c.passedPick = &b
		case no:
			b := false
			c.passedPick = &b
		default:
			c.passedPick = nil
		}
	})
	c.passed.Horizontal = true
	var moods []string
	for m := data.MinMood; m <= data.MaxMood; m++ {
		moods = append(moods, tr.T("mood."+strconv.Itoa(m)))
	}
	c.mood = newEscSelect(moods, func(string) { c.updateSave() })
	c.mood.PlaceHolder = tr.T("journal.mood")
	c.cravingVal = widget.NewLabel("")
	c.craving = newEscSlider(data.MinCraving, data.MaxCraving)
	c.craving.Step = 1
	c.craving.OnChanged = func(v float64) {
		c.cravingVal.SetText(tr.T("journal.craving_value", "Value", int(v)))
	}
	start := 5
	if craving >= 0 {
		start = craving
	}
	c.craving.SetValue(float64(start))
	c.cravingVal.SetText(tr.T("journal.craving_value", "Value", start))
	c.save = newEscButton(tr.T("companion.save"), theme.DocumentSaveIcon(), c.saveCheckin)
	c.save.Importance = widget.HighImportance
	c.save.Disable()
	c.message = wrapped("")
	c.message.Hide()
	c.ask = container.NewVBox(
		c.askText,
		widget.NewLabel(tr.T("companion.passed_question")), c.passed,
		widget.NewLabel(tr.T("journal.mood")), c.mood,
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("journal.craving")), c.cravingVal, c.craving),
		container.NewHBox(c.save),
	)
	c.ask.Hide()

	timer := container.NewVBox(
		wrapped(tr.T("companion.intro")),
		container.NewHBox(widget.NewLabel(tr.T("companion.minutes")), fitted(c.minutesSel), c.startBtn, c.stopBtn),
		c.left,
		container.NewCenter(container.NewGridWrap(fyne.NewSize(160, 160), c.circle)),
		c.breath,
		c.motion,
	)
	// The dialog that holds the companion carries its title.
	c.content = newColumns(2, widget.NewCard("", "", container.NewVBox(timer, c.ask, c.message)), c.planCard())
	return c
}

// planCard lists the user's reasons, what works for them and the people
// they can call, from My plan.
func (c *companion) planCard() fyne.CanvasObject {
	tr := c.tr
	box := container.NewVBox()
	items, err := c.j.Plan("")
	if err != nil {
		box.Add(wrapped(tr.T("error.read", "Detail", err.Error())))
		return widget.NewCard("", "", box)
	}
	by := map[string][]data.PlanItem{}
	for _, p := range items {
		by[p.Kind] = append(by[p.Kind], p)
	}
	section := func(title string, list []data.PlanItem, row func(data.PlanItem) fyne.CanvasObject) {
		if len(list) == 0 {
			return
		}
		box.Add(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, p := range list {
			box.Add(row(p))
		}
	}
	text := func(p data.PlanItem) fyne.CanvasObject { return wrapped("• " + p.Text) }
	section(tr.T("companion.reasons"), by[data.PlanReason], text)
	section(tr.T("companion.coping"), by[data.PlanCoping], text)
	section(tr.T("companion.people"), by[data.PlanPerson], func(p data.PlanItem) fyne.CanvasObject {
		if p.Phone == "" {
			return wrapped("• " + p.Text)
		}
		phone := p.Phone
		btn := newEscButton(phone, theme.ContentCopyIcon(), func() { c.copyText(phone) })
		return container.NewBorder(nil, nil, nil, btn, wrapped("• "+p.Text))
	})
	if len(box.Objects) == 0 {
		box.Add(wrapped(tr.T("companion.plan_empty")))
	}
	return widget.NewCard("", "", box)
}

func (c *companion) leftText(d time.Duration) string {
	s := int(math.Ceil(d.Seconds()))
	return c.tr.T("companion.left", "Time", fmt.Sprintf("%d:%02d", s/60, s%60))
}

// begin starts the timer.
func (c *companion) begin() {
	if c.state == companionRunning {
		return
	}
	c.state = companionRunning
	c.start = c.now()
	c.end = c.start.Add(time.Duration(c.minutes) * time.Minute)
	c.minutesSel.Disable()
	c.startBtn.Hide()
	c.stopBtn.Show()
	c.ask.Hide()
	c.message.Hide()
	c.show(c.start)
	c.tk = c.newTicker(companionFrame)
	c.done = make(chan struct{})
	go c.run(c.tk, c.done)
}

// run hands each tick to the UI thread until the timer ends or stops.
func (c *companion) run(tk ticker, done chan struct{}) {
	for {
		select {
		case t := <-tk.C():
			fyne.Do(func() { c.tick(t) })
		case <-done:
			return
		}
	}
}

// tick moves the timer and the breathing guide to t; at the end it asks.
func (c *companion) tick(t time.Time) {
	if c.state != companionRunning {
		return
	}
	left := c.end.Sub(t)
	if left <= 0 {
		c.finish(t, true)
	} else {
		c.show(t)
	}
	if c.onTick != nil {
		c.onTick(max(left, 0))
	}
}

// show draws the time left and the breath at t.
func (c *companion) show(t time.Time) {
	c.left.SetText(c.leftText(c.end.Sub(t)))
	phase := t.Sub(c.start) % (breatheIn + breatheOut)
	if phase < breatheIn {
		c.breath.SetText(c.tr.T("companion.breathe_in"))
		c.circle.setSize(0.4 + 0.6*float32(phase)/float32(breatheIn))
	} else {
		c.breath.SetText(c.tr.T("companion.breathe_out"))
		c.circle.setSize(1 - 0.6*float32(phase-breatheIn)/float32(breatheOut))
	}
}

// stop ends the timer early.
func (c *companion) stop() {
	if c.state == companionRunning {
		c.finish(c.now(), false)
	}
}

// finish stops the ticker and asks whether the craving passed.
func (c *companion) finish(t time.Time, ended bool) {
	c.state = companionAsking
	c.stopped = t
	c.tk.Stop()
	close(c.done)
	c.stopBtn.Hide()
	c.startBtn.Show()
	c.minutesSel.Enable()
	c.left.SetText(c.leftText(0))
	if !ended {
		c.left.SetText(c.leftText(max(c.end.Sub(t), 0)))
	}
	c.askText.SetText(c.tr.T("companion.ended"))
	c.askText.Hidden = !ended
	c.ask.Show()
	c.updateSave()
}

func (c *companion) updateSave() {
	if c.state == companionAsking && c.mood.SelectedIndex() >= 0 {
		c.save.Enable()
	} else {
		c.save.Disable()
	}
}

// checkin is the check-in the companion offers to save.
func (c *companion) checkin() data.Entry {
	minutes := max(int(math.Round(c.stopped.Sub(c.start).Minutes())), 1)
	return data.Entry{
		At:            c.now(),
		Mood:          data.MinMood + c.mood.SelectedIndex(),
		Craving:       int(c.craving.Value),
		CravingPassed: c.passedPick,
		Coping:        []string{"coping.urge_surfing", "coping.breathing"},
		Note:          c.tr.T("companion.note", "Minutes", minutes),
	}
}

// saveCheckin saves the check-in; a failure says why and changes nothing.
func (c *companion) saveCheckin() {
	if c.state != companionAsking || c.mood.SelectedIndex() < 0 {
		return
	}
	e := c.checkin()
	if err := c.j.Add(&e); err != nil {
		c.message.SetText(c.tr.T("error.save", "Detail", err.Error()))
		c.message.Show()
		return
	}
	c.state = companionSaved
	c.ask.Hide()
	c.message.SetText(c.tr.T("companion.saved"))
	c.message.Show()
	if c.onSaved != nil {
		c.onSaved(e)
	}
}

// close stops the timer if it runs (the view is going away).
func (c *companion) close() {
	if c.state == companionRunning {
		c.state = companionAsking
		c.tk.Stop()
		close(c.done)
	}
}

// breathCircle is the breathing guide: a circle that grows while breathing
// in and shrinks while breathing out, or stays still when motion is off.
type breathCircle struct {
	widget.BaseWidget
	size  float32 // 0.4 … 1 of the widget
	still bool
}

func newBreathCircle() *breathCircle {
	b := &breathCircle{size: 0.7}
	b.ExtendBaseWidget(b)
	return b
}

func (b *breathCircle) setSize(f float32) {
	if b.still {
		return
	}
	b.size = f
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *breathCircle) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{layout: b.draw, min: fyne.NewSize(120, 120)}
}

func (b *breathCircle) draw(size fyne.Size) []fyne.CanvasObject {
	f := b.size
	if b.still {
		f = 0.7
	}
	d := min(size.Width, size.Height)
	ring := canvas.NewCircle(nil)
	ring.StrokeColor, ring.StrokeWidth = chartColor(theme.ColorNamePrimary), 2
	ring.Move(fyne.NewPos((size.Width-d)/2+1, (size.Height-d)/2+1))
	ring.Resize(fyne.NewSize(d-2, d-2))
	inner := d * f
	fill := canvas.NewCircle(withAlpha(theme.Color(theme.ColorNamePrimary), 0x90))
	fill.Move(fyne.NewPos((size.Width-inner)/2, (size.Height-inner)/2))
	fill.Resize(fyne.NewSize(inner, inner))
	return []fyne.CanvasObject{ring, fill}
}
