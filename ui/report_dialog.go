package ui

import (
	"errors"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
	"github.com/steadyapp/steady/ui/report"
)

// File → "Report for a clinician…" (issue 15): the user chooses a period,
// the report's language and whether to add their notes and plan (both off:
// the most personal parts), then where to save the PDF. The file is written
// owner-only and is not encrypted; Steady says so, and that it is theirs to
// share.

// reportPeriods are the periods on offer, in days; 0 is "choose dates".
var reportPeriods = []int{14, 30, 90, 0}

// reportShell is what the report dialog asks of the shell: the window it is
// shown on, a message once the file is written, and telling a test what
// happened.
type reportShell interface {
	window() fyne.Window
	showMessage(title, msg string)
	announce(what string)
}

var _ reportShell = (*UI)(nil)

// reportDialog is the open report dialog.
type reportDialog struct {
	shell   reportShell
	tr      *i18n.Translator
	journal *data.Store      // what the report reads
	now     func() time.Time // the clock
	region  string           // the saved region, for the helplines the report names

	dialog   *dialog.CustomDialog
	period   *widget.RadioGroup
	from, to *dateButton
	custom   *fyne.Container
	language *widget.Select
	notes    *widget.Check
	plan     *widget.Check
	save     *widget.Button
	problem  *widget.Label

	// pick asks where to save the file named name and calls then with the
	// chosen path (not called when cancelled). Fyne's save dialog; tests
	// replace it.
	pick func(name string, then func(path string))
}

// showReportDialog opens the report dialog (File menu).
func (u *UI) showReportDialog() { u.openReportDialog() }

// openReportDialog opens the report dialog on the open journal.
func (u *UI) openReportDialog() *reportDialog {
	if u.journal == nil {
		return nil
	}
	return newReportDialog(u, u.tr, u.journal.Store, u.clock(), u.setting(data.SettingRegion, ""))
}

// newReportDialog builds and shows the report dialog for journal.
func newReportDialog(shell reportShell, tr *i18n.Translator, journal *data.Store, clock func() time.Time, region string) *reportDialog {
	r := &reportDialog{shell: shell, tr: tr, journal: journal, now: clock, region: region}
	win := shell.window()
	r.pick = r.pickPath
	names := []string{tr.T("report_dialog.weeks2"), tr.T("report_dialog.days30"),
		tr.T("report_dialog.days90"), tr.T("report_dialog.custom")}
	now := clock()
	r.from = newDateButton(tr, clock, win, now.AddDate(0, 0, -29), tr.T("report_dialog.from"), false, func(time.Time) {})
	r.to = newDateButton(tr, clock, win, now, tr.T("report_dialog.to"), false, func(time.Time) {})
	r.custom = container.NewVBox(
		field(tr.T("report_dialog.from"), container.NewHBox(r.from.button)),
		field(tr.T("report_dialog.to"), container.NewHBox(r.to.button)))
	r.custom.Hide()
	period := newEscRadioGroup(names, func(s string) { // Esc closes the dialog (esc.go)
		if s == names[len(names)-1] {
			r.custom.Show()
		} else {
			r.custom.Hide()
		}
	})
	r.period = &period.RadioGroup
	r.period.Required = true
	r.period.SetSelected(names[0])

	langs := tr.Languages()
	langNames := make([]string, len(langs))
	for i, l := range langs {
		langNames[i] = l.Name
	}
	language := newEscSelect(langNames, nil) // Esc closes the dialog (esc.go)
	r.language = &language.Select
	for i, l := range langs {
		if l.Tag == tr.Language() {
			r.language.SetSelectedIndex(i)
		}
	}
	var notesRow, planRow fyne.CanvasObject
	notes, notesRow := wrappedEscCheck(tr.T("report_dialog.notes"), nil) // Esc closes the dialog (esc.go)
	plan, planRow := wrappedEscCheck(tr.T("report_dialog.plan"), nil)
	r.notes, r.plan = &notes.Check, &plan.Check
	r.problem = wrapped("")
	r.problem.Importance = widget.DangerImportance
	r.problem.Hide()

	content := container.NewVBox(
		wrapped(tr.T("report_dialog.intro")),
		field(tr.T("report_dialog.period"), period),
		r.custom,
		field(tr.T("report_dialog.language"), container.NewHBox(fitted(language))),
		field(tr.T("report_dialog.include"), container.NewVBox(notesRow, planRow)),
		wrapped(tr.T("report_dialog.plain")),
		r.problem,
	)
	r.dialog = dialog.NewCustomWithoutButtons(tr.T("report_dialog.title"), container.NewVScroll(content), win)
	cancel := newEscButton(tr.T("dialog.cancel"), nil, r.dialog.Hide)
	save := newEscButton(tr.T("report_dialog.save"), theme.DocumentSaveIcon(), r.choosePath)
	r.save = &save.Button
	r.save.Importance = widget.HighImportance
	r.dialog.SetButtons([]fyne.CanvasObject{cancel, save})
	size := win.Canvas().Size()
	r.dialog.Resize(fyne.NewSize(min(size.Width-32, 560), min(size.Height-32, 600)))
	r.dialog.Show()
	shell.announce("report dialog")
	return r
}

// options returns the report's options as chosen.
func (r *reportDialog) options() report.Options {
	now := r.now()
	opt := report.Options{Now: now, Region: r.region,
		Notes: r.notes.Checked, Plan: r.plan.Checked, Language: r.tr.Language()}
	if i := r.language.SelectedIndex(); i >= 0 {
		opt.Language = r.tr.Languages()[i].Tag
	}
	if days := reportPeriods[max(r.periodIndex(), 0)]; days > 0 {
		opt.From, opt.To = report.LastDays(now, days)
	} else {
		opt.From, opt.To = r.from.value, r.to.value
	}
	return opt
}

func (r *reportDialog) periodIndex() int {
	for i, o := range r.period.Options {
		if o == r.period.Selected {
			return i
		}
	}
	return -1
}

// periodOK reports whether the chosen period can be reported, in the way
// report.Generate checks it.
func periodOK(from, to time.Time) bool {
	if from.IsZero() || to.IsZero() {
		return false
	}
	days := data.DaysBetween(from, to)
	return days >= 0 && days < report.MaxDays
}

// choosePath checks the period, then asks where to save the report.
func (r *reportDialog) choosePath() {
	tr := r.tr
	opt := r.options()
	if !periodOK(opt.From, opt.To) {
		r.problem.SetText(tr.T("report_dialog.error_period", "Max", report.MaxDays))
		r.problem.Show()
		return
	}
	r.problem.Hide()
	r.pick("steady-report-"+r.now().Format("2006-01-02")+".pdf", func(path string) { r.write(opt, path) })
}

// write makes the report at path and says what happened.
func (r *reportDialog) write(opt report.Options, path string) {
	tr := r.tr
	if err := report.WriteFile(r.journal, opt, path); err != nil {
		msg := tr.T("report_dialog.error", "Detail", err.Error())
		if errors.Is(err, report.ErrPeriod) {
			msg = tr.T("report_dialog.error_period", "Max", report.MaxDays)
		}
		r.problem.SetText(msg)
		r.problem.Show()
		r.shell.announce("report failed")
		return
	}
	r.dialog.Hide()
	r.shell.showMessage(tr.T("report_dialog.done_title"), tr.T("report_dialog.done", "Path", path))
	r.shell.announce("report saved")
}

// pickPath asks with Fyne's save dialog.
func (r *reportDialog) pickPath(name string, then func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			r.problem.SetText(r.tr.T("report_dialog.error", "Detail", err.Error()))
			r.problem.Show()
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // report.WriteFile replaces it, owner-only and atomically
		then(path)
	}, r.shell.window())
	d.SetFileName(name)
	knowFileTypes() // filedialog.go: the dialog then reads no listed file
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(name)}))
	d.Show()
}

// reportLanguage is the tag of a language name in the picker, for tests.
func (r *reportDialog) reportLanguage() language.Tag { return r.options().Language }
