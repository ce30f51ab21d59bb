package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// draft is the check-in being written or edited. It lives in the model so
// that a language switch keeps it.
type draft struct {
	editing      data.Entry // the entry being edited; ID 0 for a new check-in
	at           time.Time  // zero = now
	mood         int        // 0 = not chosen yet
	craving      int
	sleep        bool
	sleepHours   string
	sleepQuality int // 0 = not said
	triggers     map[string]bool
	symptoms     map[string]bool
	coping       map[string]bool
	passed       int // 0 not said, 1 yes, 2 no
	used         bool
	selfHarm     bool
	note         string
	body         bodyDraft // the body section (checkin_body.go)
}

func newDraft() draft {
	return draft{triggers: map[string]bool{}, symptoms: map[string]bool{}, coping: map[string]bool{}}
}

func setOf(tags []string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tags {
		m[t] = true
	}
	return m
}

func keys(m map[string]bool, order []tagOption) []string {
	var out []string
	for _, o := range order {
		if m[o.tag] {
			out = append(out, o.tag)
		}
	}
	// Tags no longer offered (a removed plan item) are kept.
	for t := range m {
		found := false
		for _, o := range order {
			found = found || o.tag == t
		}
		if !found && m[t] {
			out = append(out, t)
		}
	}
	return out
}

// draftFrom fills the form from a stored entry, for editing.
func draftFrom(e data.Entry) draft {
	d := newDraft()
	d.editing, d.at, d.mood, d.craving = e, e.At, e.Mood, e.Craving
	if e.SleepHours != nil || e.SleepQuality != nil {
		d.sleep = true
	}
	if e.SleepHours != nil {
		d.sleepHours = strconv.FormatFloat(*e.SleepHours, 'f', -1, 64)
	}
	if e.SleepQuality != nil {
		d.sleepQuality = *e.SleepQuality
	}
	d.triggers, d.symptoms, d.coping = setOf(e.Triggers), setOf(e.Symptoms), setOf(e.Coping)
	if e.CravingPassed != nil {
		d.passed = 2
		if *e.CravingPassed {
			d.passed = 1
		}
	}
	d.used, d.selfHarm, d.note = e.Used, e.SelfHarm, e.Note
	d.body = bodyDraftFrom(e.Body)
	return d
}

// parseHours reads a number of hours as people type it: "7", "7.5" or
// "7,5". Empty means not recorded.
func parseHours(s string) (*float64, bool) {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	if s == "" {
		return nil, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f > data.MaxSleepHours || f != f {
		return nil, false
	}
	return &f, true
}

// checkinJournal is what the check-in form writes.
type checkinJournal interface {
	Add(e *data.Entry) error
	Update(e *data.Entry) error
	Delete(id int64) (data.Entry, error)
}

// checkinShell is what the check-in form asks of the shell besides a
// navigator: the body section's settings, Undo after a delete, the way back
// to where History was, and announcements for tests.
type checkinShell interface {
	navigator
	setting(key, def string) string
	save(key, value string) bool
	bodyOn() bool
	offerUndo(gone data.Entry)
	historyPlace(id int64) *historyPlace
	backToHistory(place *historyPlace)
	announce(what string)
	crisisBeforeSave()
}

// checkinOptions are the form's choices and words that depend on the plan
// and the settings: the trigger, symptom and coping choices, and the
// message ID to show for an ID (discreet mode's neutral words).
type checkinOptions struct {
	triggers, symptoms, coping func() []tagOption
	neutral                    func(id string) string
}

// checkinScreen is the full check-in form, for a new entry or an edit.
type checkinScreen struct {
	journal checkinJournal
	shell   checkinShell
	tr      *i18n.Translator
	now     func() time.Time
	draft   *draft // the form's draft, kept in the model
	opts    checkinOptions
	content fyne.CanvasObject

	title    *widget.Label
	when     *dateButton
	hour     *escSelect
	minute   *escSelect
	backdate *widget.Label
	mood     *moodPicker
	craving  *cravingInput
	sleep    *widget.Check
	hours    *widget.Entry
	quality  *escSelect
	passed   *widget.RadioGroup
	used     *widget.Check
	selfHarm *widget.Check
	note     *widget.Entry
	count    *widget.Label
	status   *widget.Label
	save     *widget.Button
	cancel   *widget.Button
	delete   *widget.Button
	triggers *tagChecks
	symptoms *tagChecks
	coping   *tagChecks
	sleepBox *fyne.Container
	body     *bodySection // the body log (checkin_body.go)

	scroll      *container.Scroll // the form, scrolled back to its top after a save
	moodPrompt  *widget.Label     // "choose how you feel", beside the mood when it is missing
	hoursPrompt *widget.Label     // what is wrong with the hours of sleep
	dayNotice   *widget.Label     // the day a check-in started before midnight will be saved under
	shownDay    time.Time         // the day the form showed for "now" (saveday.go)
	from        *historyPlace     // where in History the edit was opened, or nil
}

func (u *UI) triggerOptions() []tagOption {
	var opts []tagOption
	for _, id := range guide.Triggers() {
		opts = append(opts, tagOption{id, u.tr.T(id)})
	}
	own, _ := u.journal.Plan(data.PlanTrigger)
	for _, p := range own {
		opts = append(opts, tagOption{p.Tag(), p.Text})
	}
	return opts
}

func (u *UI) symptomOptions() []tagOption {
	var opts []tagOption
	for _, s := range u.guide.AllSymptoms() {
		opts = append(opts, tagOption{s.ID, u.tr.T(s.ID)})
	}
	return opts
}

func (u *UI) copingOptions() []tagOption {
	var opts []tagOption
	label := u.labeler()
	for _, id := range u.guide.CopingActions() {
		opts = append(opts, tagOption{id, label(id)})
	}
	own, _ := u.journal.Plan(data.PlanCoping)
	for _, p := range own {
		opts = append(opts, tagOption{p.Tag(), p.Text})
	}
	return opts
}

// newCheckinScreen builds the check-in form over d.
func newCheckinScreen(journal checkinJournal, shell checkinShell, tr *i18n.Translator, now func() time.Time, d *draft, opts checkinOptions) *checkinScreen {
	c := &checkinScreen{journal: journal, shell: shell, tr: tr, now: now, draft: d, opts: opts}

	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.when = newDateButton(tr, now, shell.window(), time.Time{}, tr.T("checkin.now"), false, func(t time.Time) { c.setDay(t) })
	c.hour = newEscSelect(twoDigits(24), func(string) { c.setClock() })
	c.minute = newEscSelect(twoDigits(60), func(string) { c.setClock() })
	nowBtn := widget.NewButton(tr.T("checkin.now"), func() { c.draft.at = time.Time{}; c.showWhen() })
	c.backdate = widget.NewLabel(tr.T("checkin.backdated"))
	c.backdate.Wrapping = fyne.TextWrapWord
	clock := container.NewHBox(c.hour, widget.NewLabel(":"), c.minute, nowBtn)
	when := container.NewVBox(container.NewHBox(c.when.button), clock, c.backdate)

	c.mood = newMoodPicker(tr, 0, func(m int) { c.draft.mood = m; c.moodPrompt.Hide() })
	c.moodPrompt = newPrompt()
	c.hoursPrompt = newPrompt()
	c.dayNotice = newPrompt()
	c.craving = newCravingInput(tr, 0, func(v int) { c.draft.craving = v })

	c.hours = widget.NewEntry()
	c.hours.PlaceHolder = tr.T("checkin.sleep_hours_placeholder")
	c.hours.OnChanged = func(s string) { c.draft.sleepHours = s }
	qualities := make([]string, data.MaxSleepQuality)
	for i := range qualities {
		qualities[i] = tr.T("sleep.quality." + strconv.Itoa(i+1))
	}
	c.quality = newEscSelect(qualities, func(s string) {
		c.draft.sleepQuality = 0
		for i, q := range qualities {
			if q == s {
				c.draft.sleepQuality = i + 1
			}
		}
	})
	c.quality.PlaceHolder = tr.T("checkin.sleep_quality_placeholder")
	c.sleepBox = container.NewGridWithColumns(2,
		field(tr.T("checkin.sleep_hours"), c.hours),
		field(tr.T("checkin.sleep_quality"), c.quality))
	c.sleep = widget.NewCheck(tr.T("checkin.sleep_record"), func(on bool) {
		c.draft.sleep = on
		if on {
			c.sleepBox.Show()
		} else {
			c.sleepBox.Hide()
		}
	})

	c.triggers = newTagChecks(opts.triggers(), func() map[string]bool { return c.draft.triggers })
	c.symptoms = newTagChecks(opts.symptoms(), func() map[string]bool { return c.draft.symptoms })
	c.coping = newTagChecks(opts.coping(), func() map[string]bool { return c.draft.coping })
	trigHint := widget.NewLabel(tr.T("checkin.triggers_hint"))
	trigHint.Wrapping = fyne.TextWrapWord

	answers := []string{tr.T("checkin.passed_yes"), tr.T("checkin.passed_no"), tr.T("checkin.passed_unsure")}
	c.passed = widget.NewRadioGroup(answers, func(s string) {
		c.draft.passed = 0
		for i, a := range answers[:2] {
			if a == s {
				c.draft.passed = i + 1
			}
		}
	})
	c.passed.Horizontal = true

	c.body = newBodySection(shell, tr, d)
	c.used = widget.NewCheck(tr.T(opts.neutral("checkin.used")), func(on bool) { c.draft.used = on; c.body.setUsed(on) })
	usedHint := widget.NewLabel(tr.T("checkin.used_hint"))
	usedHint.Wrapping = fyne.TextWrapWord
	c.selfHarm = widget.NewCheck(tr.T("checkin.self_harm"), func(on bool) { c.draft.selfHarm = on })

	c.count = widget.NewLabel("")
	c.note = widget.NewMultiLineEntry()
	c.note.Wrapping = fyne.TextWrapWord
	c.note.SetMinRowsVisible(4)
	c.note.PlaceHolder = tr.T("journal.note_placeholder")
	c.note.OnChanged = func(s string) { c.draft.note = s; c.showCount() }

	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), c.submit)
	c.save.Importance = widget.HighImportance
	c.cancel = widget.NewButton(tr.T("dialog.cancel"), c.cancelEdit)
	c.delete = widget.NewButtonWithIcon(tr.T("checkin.delete"), theme.DeleteIcon(), c.confirmDelete)
	c.delete.Importance = widget.DangerImportance

	heading := func(id string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(tr.T(id), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(
		c.title,
		field(tr.T("checkin.when"), container.NewVBox(when, c.dayNotice)),
		field(tr.T("journal.mood"), container.NewVBox(c.mood.content, c.moodPrompt)),
		field(tr.T("journal.craving"), c.craving.content),
		field(tr.T("checkin.passed"), c.passed),
		c.sleep, c.sleepBox, c.hoursPrompt,
		widget.NewSeparator(),
		heading("checkin.triggers"), trigHint, c.triggers.content,
		widget.NewSeparator(),
		heading("checkin.symptoms"), c.symptoms.content,
		widget.NewSeparator(),
		heading("checkin.coping"), c.coping.content,
		widget.NewSeparator(),
		c.used, usedHint, c.selfHarm,
		c.body.content,
		widget.NewSeparator(),
		heading("journal.note"), c.note, c.count,
	)
	actions := container.NewBorder(nil, nil, c.delete, container.NewHBox(c.cancel, c.save), c.status)
	c.scroll = container.NewVScroll(container.NewPadded(form))
	c.content = container.NewBorder(nil, container.NewPadded(actions), nil, nil, c.scroll)
	c.fill()
	return c
}

// fill shows the draft in the form's widgets.
func (c *checkinScreen) fill() {
	d := *c.draft // a copy: setting widgets calls back into the draft
	c.mood.Set(d.mood)
	c.craving.slider.SetValue(float64(d.craving))
	c.craving.value.SetText(c.tr.T("journal.craving_value", "Value", d.craving))
	c.sleep.SetChecked(d.sleep)
	if d.sleep {
		c.sleepBox.Show()
	} else {
		c.sleepBox.Hide()
	}
	c.hours.SetText(d.sleepHours)
	if d.sleepQuality > 0 {
		c.quality.SetSelectedIndex(d.sleepQuality - 1)
	} else {
		c.quality.ClearSelected()
	}
	if d.passed > 0 {
		c.passed.SetSelected(c.passed.Options[d.passed-1])
	} else {
		c.passed.SetSelected("")
	}
	c.used.SetChecked(d.used)
	c.selfHarm.SetChecked(d.selfHarm)
	c.note.SetText(d.note)
	*c.draft = d
	c.body.fill(d.used)
	c.triggers.show()
	c.symptoms.show()
	c.coping.show()
	c.showCount()
	c.showMode()
	c.showWhen()
}

// showMode labels the form for a new check-in or an edit.
func (c *checkinScreen) showMode() {
	tr := c.tr
	if c.draft.editing.ID == 0 {
		c.title.SetText(tr.T("journal.title"))
		c.save.SetText(tr.T("journal.save"))
		c.delete.Hide()
	} else {
		c.title.SetText(tr.T("checkin.editing", "When", tr.DateTime(c.draft.editing.At)))
		c.save.SetText(tr.T("checkin.save_changes"))
		c.delete.Show()
	}
}

// showWhen shows the draft's time, or now.
func (c *checkinScreen) showWhen() {
	d := c.draft
	at := d.at
	if at.IsZero() {
		at = c.now()
	}
	c.when.Set(at)
	if d.at.IsZero() {
		c.shownDay = at
	}
	c.hour.Selected, c.minute.Selected = fmt.Sprintf("%02d", at.Hour()), fmt.Sprintf("%02d", at.Minute())
	c.hour.Refresh()
	c.minute.Refresh()
	if !d.at.IsZero() && c.now().Sub(d.at) > data.BackdateAfter {
		c.backdate.Show()
	} else {
		c.backdate.Hide()
	}
}

// setDay moves the draft to another day, keeping its clock time.
func (c *checkinScreen) setDay(day time.Time) {
	d := c.draft
	at := d.at
	if at.IsZero() {
		at = c.now()
	}
	d.at = time.Date(day.Year(), day.Month(), day.Day(), at.Hour(), at.Minute(), 0, 0, at.Location())
	c.showWhen()
}

// setClock takes the hour and minute pickers into the draft.
func (c *checkinScreen) setClock() {
	d := c.draft
	h, err1 := strconv.Atoi(c.hour.Selected)
	m, err2 := strconv.Atoi(c.minute.Selected)
	if err1 != nil || err2 != nil {
		return
	}
	at := d.at
	if at.IsZero() {
		at = c.now()
	}
	if at.Hour() == h && at.Minute() == m {
		return
	}
	d.at = time.Date(at.Year(), at.Month(), at.Day(), h, m, 0, 0, at.Location())
	c.showWhen()
}

func (c *checkinScreen) showCount() {
	c.count.SetText(c.tr.T("checkin.note_count", "Count", utf8.RuneCountInString(c.draft.note), "Max", data.MaxNoteLength))
	if utf8.RuneCountInString(c.draft.note) > data.MaxNoteLength {
		c.count.Importance = widget.DangerImportance
	} else {
		c.count.Importance = widget.MediumImportance
	}
	c.count.Refresh()
}

// entry builds the entry the draft describes, or says what is wrong.
func (c *checkinScreen) entry() (data.Entry, string) {
	d := c.draft
	e := d.editing
	e.At = d.at
	if e.At.IsZero() {
		e.At = c.now()
	}
	e.Mood, e.Craving, e.Note, e.Used, e.SelfHarm = d.mood, d.craving, d.note, d.used, d.selfHarm
	e.SleepHours, e.SleepQuality = nil, nil
	if d.sleep {
		h, ok := parseHours(d.sleepHours)
		if !ok {
			return e, c.tr.T("error.sleep_hours")
		}
		e.SleepHours = h
		if d.sleepQuality > 0 {
			q := d.sleepQuality
			e.SleepQuality = &q
		}
	}
	e.CravingPassed = nil
	if d.passed > 0 {
		p := d.passed == 1
		e.CravingPassed = &p
	}
	e.Triggers = keys(d.triggers, c.opts.triggers())
	e.Symptoms = keys(d.symptoms, c.opts.symptoms())
	e.Coping = keys(d.coping, c.opts.coping())
	body, problem := c.body.entry(d.used)
	if problem != "" {
		return e, problem
	}
	e.Body = body
	return e, ""
}

// submit validates the draft and saves it as a new check-in or an edit.
func (c *checkinScreen) submit() {
	shell := c.shell
	if !c.prompted() {
		if c.draft.selfHarm {
			// Help does not wait for a complete form: thoughts of
			// self-harm are answered now; the form keeps what was filled
			// in, to save once the mood is chosen.
			shell.crisisBeforeSave()
		}
		return
	}
	e, problem := c.entry()
	if problem != "" {
		c.hoursPrompt.SetText(problem)
		c.hoursPrompt.Show()
		return
	}
	var err error
	if e.ID == 0 {
		err = c.journal.Add(&e)
	} else {
		err = c.journal.Update(&e)
	}
	if err != nil {
		if msg, ok := refusal(c.tr, err, c.draft.note); ok {
			// A refused value is a prompt beside Save, not an error.
			c.status.SetText(msg)
			return
		}
		shell.reportWrite(err, c.entryError)
		return
	}
	// The write returned: the check-in is durable. The form starts again
	// at its top; the note under it names the time of the save.
	from := c.from
	c.reset()
	c.scroll.ScrollToTop()
	shell.afterSave(e)
	c.shell.backToHistory(from)
}

// entryError turns a store error into a message for people.
func (c *checkinScreen) entryError(err error) string {
	if msg, ok := refusal(c.tr, err, c.draft.note); ok {
		return msg
	}
	return c.tr.T("error.save", "Detail", err.Error())
}

// reset empties the form for a new check-in.
func (c *checkinScreen) reset() {
	*c.draft = newDraft()
	c.from = nil
	c.fill()
	c.status.SetText("")
	c.moodPrompt.Hide()
	c.hoursPrompt.Hide()
	c.dayNotice.Hide()
}

// cancelEdit drops the draft; an edit opened from History goes back there.
func (c *checkinScreen) cancelEdit() {
	from := c.from
	c.reset()
	c.scroll.ScrollToTop()
	c.shell.backToHistory(from)
}

// edit opens a stored entry in the form, at its top; Save and Cancel go
// back to where History was.
func (c *checkinScreen) edit(e data.Entry) {
	from := c.shell.historyPlace(e.ID)
	c.reset()
	*c.draft = draftFrom(e)
	c.fill()
	c.from = from
	c.scroll.ScrollToTop()
	c.shell.selectSection(sectionCheckin)
}

func (c *checkinScreen) confirmDelete() {
	shell := c.shell
	id := c.draft.editing.ID
	shell.confirmDanger(c.tr.T("checkin.delete_title"), c.tr.T("checkin.delete_question"), c.tr.T("checkin.delete"), func() {
		gone, err := c.journal.Delete(id)
		if err != nil {
			shell.reportWrite(err, func(err error) string { return c.tr.T("error.save", "Detail", err.Error()) })
			return
		}
		c.reset()
		shell.offerUndo(gone)
	})
}
