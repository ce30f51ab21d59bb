package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// welcomePages is how many screens the first-run welcome has.
const welcomePages = 3

// welcomeShell is what the welcome asks of the shell: the language picker's
// needs, the window, reporting a failed write, Get help, the passphrase
// dialog, keeping a setting, and forgetting the welcome once it closes.
type welcomeShell interface {
	languageShell
	window() fyne.Window
	reportWrite(err error, msg func(error) string)
	getHelp()
	passphraseDialog(change bool)
	save(key, value string) bool // keeps a setting, reporting a failure
	welcomeClosed()
	showDialog(d dialog.Dialog) // Esc closes it for now, as a dialog (esc.go)
}

var _ welcomeShell = (*UI)(nil)

// welcomeJournal is what the welcome reads and writes of the open journal.
type welcomeJournal interface {
	QuitDate() (time.Time, bool, error)
	SetQuitDate(d time.Time) error
	Path() string
	Encrypted() bool
}

// welcome is the short first-run welcome: (1) language and the
// not-medical-advice notice, (2) an optional quit date, (3) where the data is
// kept. Skippable at every step; never shown again once finished or skipped,
// unless asked for from Settings.
type welcome struct {
	shell   welcomeShell
	journal welcomeJournal
	tr      *i18n.Translator
	now     func() time.Time

	page   int
	dialog *dialog.CustomDialog
	body   *fyne.Container
	back   *escButton
	next   *escButton
	skip   *escButton
	step   *widget.Label
}

// showWelcomeIfNew shows the welcome on the first start.
func (u *UI) showWelcomeIfNew() {
	if _, done, _ := u.journal.Setting(data.SettingWelcomeDone); !done {
		u.showWelcome()
	}
}

// showWelcome opens the welcome at its first screen.
func (u *UI) showWelcome() {
	if u.journal == nil {
		return
	}
	u.welcome = newWelcome(u, u.journal, u.tr, u.clock(), u.getHelpEscButton())
}

// welcomeClosed forgets the welcome: it was finished, skipped or left for
// Get help.
func (u *UI) welcomeClosed() { u.welcome = nil }

// newWelcome builds and shows the welcome. help is the Get help button; from
// the welcome it closes the welcome (not marked as seen) and shows Get help.
func newWelcome(shell welcomeShell, journal welcomeJournal, tr *i18n.Translator, now func() time.Time,
	help *escButton) *welcome {
	w := &welcome{shell: shell, journal: journal, tr: tr, now: now}
	w.body = container.NewStack()
	w.step = widget.NewLabel("")
	w.back = newEscButton(tr.T("welcome.back"), nil, func() { w.show(w.page - 1) })
	w.next = newEscButton("", nil, func() {
		if w.page == welcomePages-1 {
			w.finish()
			return
		}
		w.show(w.page + 1)
	})
	w.next.Importance = widget.HighImportance
	w.skip = newEscButton(tr.T("welcome.skip"), nil, w.finish)
	buttons := container.NewHBox(w.skip, layout.NewSpacer(), w.step, w.back, w.next)
	help.OnTapped = func() { w.dialog.Hide(); shell.welcomeClosed(); shell.getHelp() }
	top := container.NewHBox(layout.NewSpacer(), help)
	w.dialog = dialog.NewCustomWithoutButtons(tr.T("welcome.title"), container.NewBorder(top, buttons, nil, nil, w.body), shell.window())
	w.dialog.Resize(fyne.NewSize(600, 420))
	w.show(0)
	w.dialog.SetOnClosed(shell.welcomeClosed) // also after Esc: not seen, shown again next time
	shell.showDialog(w.dialog)
	return w
}

func (w *welcome) show(page int) {
	tr := w.tr
	w.page = page
	var content fyne.CanvasObject
	para := func(id string, kv ...any) *widget.Label {
		l := widget.NewLabel(tr.T(id, kv...))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	switch page {
	case 0:
		notice := para("notice.medical")
		notice.TextStyle = fyne.TextStyle{Bold: true}
		content = container.NewVBox(para("welcome.intro"),
			container.NewHBox(widget.NewLabel(tr.T("settings.language")), fitted(newLanguagePicker(w.shell))), notice)
	case 1:
		quit, has, _ := w.journal.QuitDate()
		if !has {
			quit = time.Time{}
		}
		date := newDateButton(tr, w.now, w.shell.window(), quit, tr.T("today.quit_date_set"), true, func(d time.Time) {
			if err := w.journal.SetQuitDate(d); err != nil {
				w.shell.reportWrite(err, func(err error) string { return tr.T("error.save", "Detail", err.Error()) })
			}
		})
		content = container.NewVBox(para("welcome.quit"), container.NewHBox(date.button), para("welcome.quit_later"))
	default:
		items := []fyne.CanvasObject{para("welcome.private"), para("welcome.where", "Path", w.journal.Path())}
		if !w.journal.Encrypted() {
			items = append(items, para("settings.passphrase_off"),
				container.NewHBox(newEscButton(tr.T("settings.passphrase_set"), nil, func() { w.shell.passphraseDialog(false) })))
		}
		content = container.NewVBox(items...)
	}
	w.body.Objects = []fyne.CanvasObject{container.NewVScroll(content)}
	w.body.Refresh()
	w.step.SetText(tr.T("welcome.step", "Step", page+1, "Steps", welcomePages))
	w.back.Hidden = page == 0
	if page == welcomePages-1 {
		w.next.SetText(tr.T("welcome.start"))
	} else {
		w.next.SetText(tr.T("welcome.next"))
	}
	// The last step offers Start, not also Skip (both would finish).
	w.skip.Hidden = page == welcomePages-1
	w.skip.Refresh()
	w.back.Refresh()
}

// finish closes the welcome and remembers that it was seen.
func (w *welcome) finish() {
	w.shell.save(data.SettingWelcomeDone, "1")
	w.dialog.Hide()
	w.shell.welcomeClosed()
}
