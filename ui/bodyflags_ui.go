package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// "Soon" signs in the body log (issue 15): visible blood, bladder pain on
// several days of the last week, symptoms lasting weeks after the quit
// date. They get a calm note under the saved check-in — "see a GP or
// urology service" and why — never the urgent-help dialog, which is for the
// "now" signs (crisis.go's urgent names them).

// soonFlags returns the "soon" flags of the body log as of u.now().
func (u *UI) soonFlags() ([]data.Flag, error) {
	now := u.now()
	// The rules look back PainDaysWindow calendar days; a local date is at
	// most 14 hours from UTC.
	from := now.AddDate(0, 0, -data.PainDaysWindow-1).Add(-14 * time.Hour)
	entries, err := u.journal.BodyEntries(from, now.Add(14*time.Hour))
	if err != nil {
		return nil, err
	}
	quit, ok, err := u.journal.QuitDate()
	if err != nil {
		return nil, err
	}
	if !ok {
		quit = time.Time{}
	}
	var out []data.Flag
	for _, f := range data.BodyFlags(entries, quit, now) {
		if f.Level == data.FlagSoon {
			out = append(out, f)
		}
	}
	return out, nil
}

// soonNote is the calm note naming each "soon" sign and why it matters.
func (u *UI) soonNote(flags []data.Flag) fyne.CanvasObject {
	tr := u.tr
	box := container.NewVBox(heading(tr.T("body.soon.title")))
	for _, f := range flags {
		name := wrapped(tr.T(f.SignID()))
		name.TextStyle.Bold = true
		box.Add(name)
		box.Add(wrapped(tr.T(f.WhyID())))
	}
	return box
}

// showSoonFlags adds the "soon" note under a saved check-in that has a
// body log, when its history raises a "soon" sign.
func (u *UI) showSoonFlags(e data.Entry) {
	n := u.care.note
	if n == nil || e.Body.IsZero() {
		return
	}
	flags, err := u.soonFlags()
	if err != nil || len(flags) == 0 {
		return
	}
	n.gentle.Add(u.soonNote(flags))
	n.gentle.Refresh()
	n.box.Refresh()
	u.announce("soon note")
}

// soonBox is Today's reminder of the "soon" signs: a calm card while the
// body log raises one, nothing otherwise. It reads the journal again after
// every change to the check-ins or the quit date.
func (u *UI) soonBox() fyne.CanvasObject {
	box := container.NewVBox()
	show := func() {
		box.Objects = nil
		if flags, err := u.soonFlags(); err == nil && len(flags) > 0 {
			box.Add(widget.NewCard("", "", u.soonNote(flags)))
		}
		box.Refresh()
	}
	show()
	u.subscribe(func(e event) {
		if e.isEntry() || e == settingsChanged {
			show()
		}
	})
	return box
}
