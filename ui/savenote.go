package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// The save note sits just above the window's footer, outside any scroller,
// so it is seen whichever form saved (the check-in, Today's quick check-in,
// the Ctrl+N dialog, the companion). It names the time of the save ("Saved
// at 14:32"), and is visibly new on every save. After a hard check-in (a low
// mood or a strong craving, nothing urgent) it adds a gentle note: the
// user's own coping ideas and people from My plan, "Ride out a craving" and
// Get help — no page switch, no dialog, no emergency number.

// lowMood is the highest mood that counts as low for the gentle note.
const lowMood = data.MinMood + 1

// saveNote is the note under the open journal's sections.
type saveNote struct {
	box    *fyne.Container // shown after a save, hidden when closed
	saved  *widget.Label   // "Saved at 14:32."
	gentle *fyne.Container // the gentle note, shown after a hard check-in
	last   string          // the previous confirmation, to show a repeat as new
	repeat int
}

// newSaveNote builds the (hidden) note.
func (u *UI) newSaveNote() *saveNote {
	n := &saveNote{saved: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	n.saved.Wrapping = fyne.TextWrapWord
	n.gentle = container.NewVBox()
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), n.hide)
	closeBtn.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), closeBtn, n.saved)
	n.box = container.NewVBox(widget.NewSeparator(), top, n.gentle)
	n.box.Hide()
	u.care.note = n
	return n
}

// hide closes the note.
func (n *saveNote) hide() { n.box.Hide() }

// gentleFor reports whether a saved check-in gets the gentle note: a low
// mood or a strong craving, and nothing that needs urgent help.
func gentleFor(e data.Entry) bool {
	if hard, _ := urgent(e); hard {
		return false
	}
	return (e.Mood >= data.MinMood && e.Mood <= lowMood) || e.Craving >= cravingOffer
}

// showSaved shows the confirmation for a check-in saved now, and the gentle
// note when gentle is true.
func (u *UI) showSaved(e data.Entry, gentle bool) {
	n := u.care.note
	if n == nil {
		return
	}
	tr := u.tr
	text := tr.T("save.saved_at", "Time", tr.Time(u.now()))
	if text == n.last {
		n.repeat++
		text = tr.T("save.saved_again", "Time", tr.Time(u.now()), "Count", n.repeat+1)
	} else {
		n.last, n.repeat = text, 0
	}
	n.saved.SetText(text)
	n.gentle.Objects = nil
	if gentle {
		n.fillGentle(u, e)
	}
	n.gentle.Refresh()
	n.box.Show()
	n.box.Refresh()
	u.announce("saved note")
}

// fillGentle writes the gentle note: a kind word, the user's own ideas and
// people, and "Ride out a craving" after a strong one. Get help is the
// button right under the note, in the footer (one, not two).
func (n *saveNote) fillGentle(u *UI, e data.Entry) {
	tr := u.tr
	lines := []string{tr.T("save.gentle")}
	if u.journal != nil {
		if coping, _ := u.journal.Plan(data.PlanCoping); len(coping) > 0 {
			lines = append(lines, tr.T("save.gentle_coping", "Ideas", joinTexts(coping, 3)))
		}
	}
	if people := u.planPeople(); len(people) > 0 {
		lines = append(lines, tr.T("save.gentle_people", "People", joinTexts(people, 3)))
	}
	// One label: the note stays short in a small window.
	n.gentle.Add(wrapped(strings.Join(lines, "\n")))
	if e.Craving >= cravingOffer && !e.Used {
		n.gentle.Add(container.NewHBox(u.rideOutButtonFor(e.Craving)))
	}
}

// joinTexts lists the texts of up to max plan items.
func joinTexts(items []data.PlanItem, max int) string {
	var out []string
	for i, p := range items {
		if i == max {
			break
		}
		out = append(out, p.Text)
	}
	return strings.Join(out, ", ")
}
