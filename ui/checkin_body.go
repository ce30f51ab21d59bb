package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// The body section of the check-in (issue 15): the bladder diary, pain by
// site, how a lapse happened and a line for medicines, tests and
// appointments. It is optional: collapsed until first opened, remembered
// open or closed, and it can be turned off in Settings. Every field may be
// left empty, which means "not recorded" (not "none").

// Settings the body section keeps (in the journal, like every setting).
const (
	// settingBodyLog is "0" when the body section is turned off.
	settingBodyLog = "body_log"
	// settingBodyOpen is "1" while the body section is open, "0" once closed.
	settingBodyOpen = "body_open"
)

// bodyOn reports whether the check-in shows the body section.
func (u *UI) bodyOn() bool { return u.setting(settingBodyLog, "1") != "0" }

// bodyDraft is the body section of a draft: the counts as typed, the rest
// as they will be stored.
type bodyDraft struct {
	day, night string    // times passed urine, as typed
	body       data.Body // what will be stored
	loaded     data.Body // what the entry being edited had
}

// bodyDraftFrom fills the body section from a stored log (nil: empty).
func bodyDraftFrom(b *data.Body) bodyDraft {
	var d bodyDraft
	if b == nil {
		return d
	}
	d.body, d.loaded = *b, *b
	if b.UrinationsDay != nil {
		d.day = strconv.Itoa(*b.UrinationsDay)
	}
	if b.UrinationsNight != nil {
		d.night = strconv.Itoa(*b.UrinationsNight)
	}
	return d
}

// bodySection is the body section's widgets.
type bodySection struct {
	shell   bodyShell
	tr      *i18n.Translator
	form    *draft          // the check-in form's draft; its body part is the section's
	content *fyne.Container // hidden when turned off in Settings
	toggle  *widget.Button  // opens and closes the fields
	fields  *fyne.Container

	day, night, medical       *widget.Entry
	urgency, leaks, blood     *widget.RadioGroup
	urinePain, bladder, flank *escSelect
	upper                     *escSelect
	retention, fever          *widget.Check
	forPain, alcohol, benzos  *widget.Check
	opioids                   *widget.Check
	lapse                     *fyne.Container // the questions about a lapse
	filling                   bool            // fill is setting the widgets
}

// draft is the body section of the draft being written.
func (s *bodySection) draft() *bodyDraft { return &s.form.body }

// painOptions are the choices of a pain picker: "not recorded", 0 … MaxPain.
func (s *bodySection) painOptions() []string {
	opts := []string{s.tr.T("checkin.body.not_recorded")}
	for i := 0; i <= data.MaxPain; i++ {
		opts = append(opts, strconv.Itoa(i))
	}
	return opts
}

// painPicker picks a pain score; the first choice clears it.
func (s *bodySection) painPicker(field func(*data.Body) **int) *escSelect {
	var sel *escSelect
	sel = newEscSelect(s.painOptions(), func(string) {
		if s.filling {
			return
		}
		p := field(&s.draft().body)
		if i := sel.SelectedIndex(); i >= 1 {
			v := i - 1
			*p = &v
		} else {
			*p = nil
		}
	})
	sel.PlaceHolder = s.tr.T("checkin.body.not_recorded")
	return sel
}

// scale is a row of radio buttons for one of the body log's scales; tapping
// the chosen one again clears it.
func (s *bodySection) scale(prefix string, values []string, field func(*data.Body) *string) *widget.RadioGroup {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = s.tr.T(prefix + v)
	}
	r := widget.NewRadioGroup(names, func(chosen string) {
		if s.filling {
			return
		}
		p := field(&s.draft().body)
		*p = ""
		for i, n := range names {
			if n == chosen {
				*p = values[i]
			}
		}
	})
	r.Horizontal = true
	return r
}

// yesCheck is a tick box for a yes/no field: ticked records yes; unticked
// records nothing, or "no" when the entry being edited said no.
func (s *bodySection) yesCheck(label string, field func(*data.Body) **bool) (*widget.Check, fyne.CanvasObject) {
	return wrappedCheck(label, func(on bool) {
		if s.filling {
			return
		}
		p := field(&s.draft().body)
		switch {
		case on:
			v := true
			*p = &v
		case *field(&s.draft().loaded) != nil:
			v := false
			*p = &v
		default:
			*p = nil
		}
	})
}

// bodyShell is what the body section asks of the shell: its settings
// (turned on, left open) and to listen for their changes.
type bodyShell interface {
	setting(key, def string) string
	save(key, value string) bool
	bodyOn() bool
	subscribe(f func(event)) (cancel func())
}

// newBodySection builds the body section over form's body draft.
func newBodySection(shell bodyShell, tr *i18n.Translator, form *draft) *bodySection {
	s := &bodySection{shell: shell, tr: tr, form: form}

	count := func() *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = tr.T("checkin.body.not_recorded")
		return e
	}
	s.day, s.night = count(), count()
	// The draft is replaced as a whole on reset and edit: each change goes
	// to the current one.
	s.day.OnChanged = func(v string) {
		if !s.filling {
			s.draft().day = v
		}
	}
	s.night.OnChanged = func(v string) {
		if !s.filling {
			s.draft().night = v
		}
	}
	s.urgency = s.scale("body.urgency.", data.Urgencies(), func(b *data.Body) *string { return &b.Urgency })
	s.leaks = s.scale("body.leaks.", data.LeakLevels(), func(b *data.Body) *string { return &b.Leaks })
	s.blood = s.scale("body.blood.", data.BloodLevels(), func(b *data.Body) *string { return &b.Blood })
	s.urinePain = s.painPicker(func(b *data.Body) **int { return &b.UrinePain })
	s.bladder = s.painPicker(func(b *data.Body) **int { return &b.PainBladder })
	s.flank = s.painPicker(func(b *data.Body) **int { return &b.PainFlank })
	s.upper = s.painPicker(func(b *data.Body) **int { return &b.PainUpper })

	var retentionRow, feverRow, forPainRow, alcoholRow, benzosRow, opioidsRow fyne.CanvasObject
	s.retention, retentionRow = s.yesCheck(tr.T("checkin.body.retention"), func(b *data.Body) **bool { return &b.Retention })
	s.fever, feverRow = s.yesCheck(tr.T("checkin.body.fever"), func(b *data.Body) **bool { return &b.Fever })
	s.forPain, forPainRow = s.yesCheck(tr.T("checkin.body.for_pain"), func(b *data.Body) **bool { return &b.ForPain })
	s.alcohol, alcoholRow = s.yesCheck(tr.T("checkin.body.with_alcohol"), func(b *data.Body) **bool { return &b.WithAlcohol })
	s.benzos, benzosRow = s.yesCheck(tr.T("checkin.body.with_benzos"), func(b *data.Body) **bool { return &b.WithBenzos })
	s.opioids, opioidsRow = s.yesCheck(tr.T("checkin.body.with_opioids"), func(b *data.Body) **bool { return &b.WithOpioids })

	s.medical = widget.NewEntry()
	s.medical.PlaceHolder = tr.T("checkin.body.medical_placeholder")
	s.medical.OnChanged = func(v string) {
		if !s.filling {
			s.draft().body.Medical = v
		}
	}

	hint := wrapped(tr.T("checkin.body.hint"))
	sub := func(id string) fyne.CanvasObject { return heading(tr.T(id)) }
	s.lapse = container.NewVBox(sub("checkin.body.lapse_title"), forPainRow, alcoholRow, benzosRow, opioidsRow)
	s.fields = container.NewVBox(
		hint,
		sub("checkin.body.bladder_title"),
		newColumns(2,
			field(tr.T("checkin.body.day"), s.day),
			field(tr.T("checkin.body.night"), s.night)),
		field(tr.T("body.short.urgency"), s.urgency),
		field(tr.T("body.short.leaks"), s.leaks),
		field(tr.T("body.short.blood"), s.blood),
		field(tr.T("body.short.urine_pain"), container.NewHBox(fitted(s.urinePain))),
		retentionRow, feverRow,
		sub("checkin.body.pain_title"),
		newColumns(3,
			field(tr.T("body.short.bladder"), fitted(s.bladder)),
			field(tr.T("body.short.flank"), fitted(s.flank)),
			field(tr.T("body.short.upper"), fitted(s.upper))),
		s.lapse,
		field(tr.T("checkin.body.medical"), s.medical),
	)
	s.toggle = widget.NewButtonWithIcon(tr.T("checkin.body.title"), theme.MenuExpandIcon(), func() {
		s.setOpen(!s.fields.Visible(), true)
	})
	s.toggle.Alignment = widget.ButtonAlignLeading
	s.toggle.Importance = widget.LowImportance
	s.content = container.NewVBox(widget.NewSeparator(), s.toggle, s.fields)
	s.setOpen(shell.setting(settingBodyOpen, "0") == "1", false)
	s.showOn()
	shell.subscribe(func(e event) {
		if e == settingsChanged || e == journalReplaced {
			s.showOn()
		}
	})
	return s
}

// setOpen opens or closes the fields; remember keeps the choice for the
// next check-in.
func (s *bodySection) setOpen(open, remember bool) {
	if open {
		s.fields.Show()
		s.toggle.SetIcon(theme.MenuDropDownIcon())
	} else {
		s.fields.Hide()
		s.toggle.SetIcon(theme.MenuExpandIcon())
	}
	if remember {
		v := "0"
		if open {
			v = "1"
		}
		if s.shell.setting(settingBodyOpen, "") != v {
			s.shell.save(settingBodyOpen, v)
		}
	}
	s.content.Refresh()
}

// showOn shows or hides the whole section as Settings say. A stored body
// log is still shown when editing, so turning the section off loses
// nothing.
func (s *bodySection) showOn() {
	if s.shell.bodyOn() || !s.form.editing.Body.IsZero() {
		s.content.Show()
	} else {
		s.content.Hide()
	}
}

// setUsed shows the questions about a lapse only for a check-in that
// records use; unticking "used" clears their answers.
func (s *bodySection) setUsed(used bool) {
	if used {
		s.lapse.Show()
		return
	}
	s.lapse.Hide()
	b := &s.draft().body
	b.ForPain, b.WithAlcohol, b.WithBenzos, b.WithOpioids = nil, nil, nil, nil
	s.filling = true
	for _, c := range []*widget.Check{s.forPain, s.alcohol, s.benzos, s.opioids} {
		c.SetChecked(false)
	}
	s.filling = false
}

// fill shows the draft's body section in the widgets.
func (s *bodySection) fill(used bool) {
	d := *s.draft()
	s.filling = true
	defer func() { s.filling = false }()
	b := d.body
	s.day.SetText(d.day)
	s.night.SetText(d.night)
	s.medical.SetText(b.Medical)
	setScale := func(r *widget.RadioGroup, prefix, v string) {
		if v == "" {
			r.SetSelected("")
			return
		}
		r.SetSelected(s.tr.T(prefix + v))
	}
	setScale(s.urgency, "body.urgency.", b.Urgency)
	setScale(s.leaks, "body.leaks.", b.Leaks)
	setScale(s.blood, "body.blood.", b.Blood)
	for _, p := range []struct {
		sel *escSelect
		v   *int
	}{{s.urinePain, b.UrinePain}, {s.bladder, b.PainBladder}, {s.flank, b.PainFlank}, {s.upper, b.PainUpper}} {
		if p.v == nil {
			p.sel.ClearSelected()
		} else {
			p.sel.SetSelectedIndex(*p.v + 1)
		}
	}
	for _, c := range []struct {
		check *widget.Check
		v     *bool
	}{{s.retention, b.Retention}, {s.fever, b.Fever}, {s.forPain, b.ForPain},
		{s.alcohol, b.WithAlcohol}, {s.benzos, b.WithBenzos}, {s.opioids, b.WithOpioids}} {
		c.check.SetChecked(c.v != nil && *c.v)
	}
	*s.draft() = d
	if used {
		s.lapse.Show()
	} else {
		s.lapse.Hide()
	}
	if !b.IsZero() && !s.fields.Visible() {
		s.setOpen(true, false) // an edited log is shown, not hidden
	}
	s.showOn()
}

// parseCount reads a number of times as typed; empty is not recorded.
func parseCount(s string, max int) (*int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > max {
		return nil, false
	}
	return &n, true
}

// entry returns the body log the section describes (nil for nothing), or
// a translated message saying what is wrong.
func (s *bodySection) entry(used bool) (*data.Body, string) {
	tr := s.tr
	d := s.draft()
	b := d.body
	var ok bool
	if b.UrinationsDay, ok = parseCount(d.day, data.MaxUrinationsDay); !ok {
		return nil, tr.T("checkin.body.count_error", "Max", data.MaxUrinationsDay)
	}
	if b.UrinationsNight, ok = parseCount(d.night, data.MaxUrinationsNight); !ok {
		return nil, tr.T("checkin.body.count_error", "Max", data.MaxUrinationsNight)
	}
	b.Medical = strings.TrimSpace(b.Medical)
	if utf8.RuneCountInString(b.Medical) > data.MaxBodyMedical {
		return nil, tr.T("checkin.body.medical_long", "Max", data.MaxBodyMedical)
	}
	if !used {
		b.ForPain, b.WithAlcohol, b.WithBenzos, b.WithOpioids = nil, nil, nil, nil
	}
	if b.IsZero() {
		return nil, ""
	}
	return &b, ""
}

// bodySettingRow is Settings' switch for the body section.
func (u *UI) bodySettingRow() fyne.CanvasObject {
	check, row := wrappedCheck(u.tr.T("settings.body.log"), nil)
	check.Checked = u.bodyOn()
	check.OnChanged = func(on bool) {
		v := "0"
		if on {
			v = "1"
		}
		u.save(settingBodyLog, v)
	}
	return row
}
