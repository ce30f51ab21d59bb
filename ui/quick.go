package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// quickDraft is the quick check-in: just mood and craving.
type quickDraft struct {
	mood    int
	craving int
}

// quickForm is the quick check-in: tap a mood, optionally move the craving
// slider, tap Save. It sits on Today and in the Ctrl+N dialog.
type quickForm struct {
	u       *UI
	mood    *moodPicker
	craving *cravingInput
	save    *widget.Button
	content fyne.CanvasObject
	onSaved func()
}

func newQuickForm(u *UI, onSaved func()) *quickForm {
	q := &quickForm{u: u, onSaved: onSaved}
	m := &u.model.quick
	q.mood = newMoodPicker(u.tr, m.mood, func(v int) { m.mood = v })
	q.craving = newCravingInput(u.tr, m.craving, func(v int) { m.craving = v })
	q.save = widget.NewButtonWithIcon(u.tr.T("journal.save"), theme.DocumentSaveIcon(), q.submit)
	q.save.Importance = widget.HighImportance
	q.content = container.NewVBox(
		field(u.tr.T("journal.mood"), q.mood.content),
		field(u.tr.T("journal.craving"), q.craving.content),
		container.NewHBox(layout.NewSpacer(), q.save),
	)
	return q
}

func (q *quickForm) submit() {
	u := q.u
	e := data.Entry{At: u.now(), Mood: u.model.quick.mood, Craving: u.model.quick.craving}
	if err := u.store.Add(&e); err != nil {
		u.showError(u.entryError(err))
		return
	}
	u.model.quick = quickDraft{}
	q.mood.Set(0)
	q.craving.slider.SetValue(0)
	u.journalChanged()
	if q.onSaved != nil {
		q.onSaved()
	}
	u.afterSave(e)
}

// showQuickCheckin opens the quick check-in from anywhere (Ctrl+N).
func (u *UI) showQuickCheckin() {
	var d dialog.Dialog
	q := newQuickForm(u, func() { d.Hide() })
	d = dialog.NewCustom(u.tr.T("journal.title"), u.tr.T("dialog.cancel"), q.content, u.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}
