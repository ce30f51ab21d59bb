package ui

import (
	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
)

// The shell builds each screen from the parts it needs: the session (or a
// narrower view of it), the translator, a navigator (the shell, seen only
// through that interface), the clock, and the few callbacks a screen cannot
// do without. No screen holds *UI.

// buildHistory builds History into u.history.
func (u *UI) buildHistory() fyne.CanvasObject {
	u.history = newHistoryScreen(u.journal, u, u.tr, u.now, &u.model.filter, u.triggerOptions)
	return u.history.content
}

// buildInsights builds Insights into u.insights.
func (u *UI) buildInsights() fyne.CanvasObject {
	u.insights = newInsightsScreen(u.journal, u, u.tr, u.now, &u.model.insightDays, u.labeler, u.bodyOn())
	return u.insights.content
}

// buildPlan builds My plan into u.plan.
func (u *UI) buildPlan() fyne.CanvasObject {
	u.plan = newPlanScreen(u.journal, u, u.tr)
	return u.plan.content
}

// rebuildForPlan rebuilds the check-in form's and History's choices after
// the plan changed, keeping the draft.
func (u *UI) rebuildForPlan() {
	u.rebuildPage(SectionCheckin, func() fyne.CanvasObject { u.checkin = newCheckinScreen(u); return u.checkin.content })
	u.rebuildPage(SectionHistory, u.buildHistory)
}

// window is the window dialogs are shown on.
func (u *UI) window() fyne.Window { return u.win }

// copyText puts s on the clipboard.
func (u *UI) copyText(s string) { u.app.Clipboard().SetContent(s) }

// editEntry opens a stored check-in in the check-in form.
func (u *UI) editEntry(e data.Entry) {
	u.screen(SectionCheckin)
	u.checkin.edit(e)
}
