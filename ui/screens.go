package ui

import (
	"net/url"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
)

// The shell builds each screen from the parts it needs: the session (or a
// narrower view of it), the translator, a navigator (the shell, seen only
// through that interface), the clock, and the few callbacks a screen cannot
// do without. No screen holds *UI.

// buildToday builds Today into u.today. The body log's card is built first,
// so its subscription comes before Today's, as it always did.
func (u *UI) buildToday() fyne.CanvasObject {
	soon := u.soonBox()
	u.today = newTodayScreen(u.journal, u, u.tr, u.clock(), todayParts{
		soon:         soon,
		rideOut:      u.rideOutButton(),
		getHelp:      u.getHelpButton(),
		showProgress: u.showProgress,
		discreet:     u.discreet,
		quickDraft:   &u.model.quick,
	})
	return u.today.content
}

// buildCheckin builds the check-in form into u.checkin.
func (u *UI) buildCheckin() fyne.CanvasObject {
	u.checkin = newCheckinScreen(u.journal, u, u.tr, u.clock(), &u.model.draft, checkinOptions{
		triggers: u.triggerOptions,
		symptoms: u.symptomOptions,
		coping:   u.copingOptions,
		neutral:  u.neutral,
	})
	return u.checkin.content
}

// buildHistory builds History into u.history.
func (u *UI) buildHistory() fyne.CanvasObject {
	u.history = newHistoryScreen(u.journal, u, u.tr, u.clock(), &u.model.filter, u.triggerOptions)
	return u.history.content
}

// buildInsights builds Insights into u.insights.
func (u *UI) buildInsights() fyne.CanvasObject {
	u.insights = newInsightsScreen(u.journal, u, u.tr, u.clock(), &u.model.insightDays, u.labeler, u.bodyOn())
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
	u.rebuildPage(sectionCheckin, u.buildCheckin)
	u.rebuildPage(sectionHistory, u.buildHistory)
}

// buildHelp builds Get help (the section; showHelpDialog builds its own).
func (u *UI) buildHelp() fyne.CanvasObject { return newHelpScreen(u.tr, u).content }

// buildSettings builds Settings into u.settings.
func (u *UI) buildSettings() fyne.CanvasObject {
	u.settings = newSettingsScreen(u.journal, u, u.tr, settingsParts{
		language:   newLanguagePicker(u),
		theme:      newThemePicker(u),
		bodyRow:    u.bodySettingRow(),
		captureRow: u.captureRow(),
	})
	return u.settings.content
}

// rebuildHelp builds Get help again, if it was built (a new region).
func (u *UI) rebuildHelp() { u.rebuildPage(sectionHelp, u.buildHelp) }

// resetReminders arms the reminders again from the settings.
func (u *UI) resetReminders() { u.reminders.reset() }

// openFolder shows dir in the system's file manager.
func (u *UI) openFolder(dir string) error {
	return u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)})
}

// clock is the shell's clock, read at each call: a screen built before a
// test sets u.now follows it, as it did when screens read u.now themselves.
func (u *UI) clock() func() time.Time { return func() time.Time { return u.now() } }

// window is the window dialogs are shown on.
func (u *UI) window() fyne.Window { return u.win }

// copyText puts s on the clipboard.
func (u *UI) copyText(s string) { u.app.Clipboard().SetContent(s) }

// editEntry opens a stored check-in in the check-in form.
func (u *UI) editEntry(e data.Entry) {
	u.screen(sectionCheckin)
	u.checkin.edit(e)
}
