package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// quickDraft is the quick check-in: just mood and craving.
type quickDraft struct {
	mood    int
	craving int
}

// quickForm is the quick check-in: tap a mood, optionally move the craving
// slider, tap Save. One sits on Today and one in the Ctrl+N dialog; each has
// its own draft, so what a form shows is always what its Save saves.
type quickForm struct {
	journal *session
	nav     navigator
	tr      *i18n.Translator
	now     func() time.Time
	draft   *quickDraft // this form's draft, kept in the model
	mood    *moodPicker
	craving *cravingInput
	save    *widget.Button
	content fyne.CanvasObject
	onSaved func()
}

// newQuickForm builds a quick check-in over draft; onSaved (may be nil) is
// called after a check-in was saved.
func newQuickForm(journal *session, nav navigator, tr *i18n.Translator, now func() time.Time, draft *quickDraft, onSaved func()) *quickForm {
	q := &quickForm{journal: journal, nav: nav, tr: tr, now: now, draft: draft, onSaved: onSaved}
	q.mood = newMoodPicker(tr, draft.mood, func(v int) { draft.mood = v })
	q.craving = newCravingInput(tr, draft.craving, func(v int) { draft.craving = v })
	save := newEscButton(tr.T("journal.save"), theme.DocumentSaveIcon(), q.submit)
	q.save = &save.Button
	q.save.Importance = widget.HighImportance
	q.content = container.NewVBox(
		field(tr.T("journal.mood"), q.mood.content),
		field(tr.T("journal.craving"), q.craving.content),
		container.NewHBox(layout.NewSpacer(), save),
	)
	return q
}

// submit saves the draft as a check-in. It returns once the check-in is
// durable; a refusal or a failed save is reported and the draft is kept.
func (q *quickForm) submit() {
	e := data.Entry{At: q.now(), Mood: q.draft.mood, Craving: q.draft.craving}
	if err := q.journal.Add(&e); err != nil {
		q.nav.reportWrite(err, func(err error) string {
			if msg, ok := refusal(q.tr, err, ""); ok {
				return msg
			}
			return q.tr.T("error.save", "Detail", err.Error())
		})
		return
	}
	*q.draft = quickDraft{}
	q.mood.Set(0)
	q.craving.slider.SetValue(0)
	if q.onSaved != nil {
		q.onSaved()
	}
	q.nav.afterSave(e)
}

// showQuickCheckin opens the quick check-in from anywhere (Ctrl+N). It
// exists only in the open state.
func (u *UI) showQuickCheckin() {
	if u.state != stateOpen {
		return
	}
	var d dialog.Dialog
	q := newQuickForm(u.journal, u, u.tr, u.now, &u.model.quickDialog, func() { d.Hide() })
	d = newEscDialog(u.tr.T("journal.title"), u.tr.T("dialog.cancel"), q.content, u.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
	u.quickDialog = q
	u.care.quickTop = u.win.Canvas().Overlays().Top() // Esc asks before dropping a choice (safedialogs.go)
}
