package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
)

// welcomePages is how many screens the first-run welcome has.
const welcomePages = 3

// welcome is the short first-run welcome: (1) language and the
// not-medical-advice notice, (2) an optional quit date, (3) where the data is
// kept. Skippable at every step; never shown again once finished or skipped,
// unless asked for from Settings.
type welcome struct {
	u      *UI
	page   int
	dialog *dialog.CustomDialog
	body   *fyne.Container
	back   *widget.Button
	next   *widget.Button
	skip   *widget.Button
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
	w := &welcome{u: u}
	u.welcome = w
	w.body = container.NewStack()
	w.step = widget.NewLabel("")
	w.back = widget.NewButton(u.tr.T("welcome.back"), func() { w.show(w.page - 1) })
	w.next = widget.NewButton("", func() {
		if w.page == welcomePages-1 {
			w.finish()
			return
		}
		w.show(w.page + 1)
	})
	w.next.Importance = widget.HighImportance
	w.skip = widget.NewButton(u.tr.T("welcome.skip"), w.finish)
	buttons := container.NewHBox(w.skip, layout.NewSpacer(), w.step, w.back, w.next)
	// Get help from the welcome too: it closes the welcome (not marked as
	// seen) and shows Get help (helpbar.go).
	help := u.getHelpButton()
	help.OnTapped = func() { w.dialog.Hide(); u.welcome = nil; u.getHelp() }
	top := container.NewHBox(layout.NewSpacer(), help)
	w.dialog = dialog.NewCustomWithoutButtons(u.tr.T("welcome.title"), container.NewBorder(top, buttons, nil, nil, w.body), u.win)
	w.dialog.Resize(fyne.NewSize(600, 420))
	w.show(0)
	w.dialog.Show()
}

func (w *welcome) show(page int) {
	u, tr := w.u, w.u.tr
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
			container.NewHBox(widget.NewLabel(tr.T("settings.language")), fitted(newLanguagePicker(u))), notice)
	case 1:
		quit, has, _ := u.journal.QuitDate()
		if !has {
			quit = time.Time{}
		}
		date := newDateButton(u.tr, u.clock(), u.win, quit, tr.T("today.quit_date_set"), true, func(d time.Time) {
			if err := u.journal.SetQuitDate(d); err != nil {
				u.reportWrite(err, u.saveError)
			}
		})
		content = container.NewVBox(para("welcome.quit"), container.NewHBox(date.button), para("welcome.quit_later"))
	default:
		items := []fyne.CanvasObject{para("welcome.private"), para("welcome.where", "Path", u.journal.Path())}
		if !u.journal.Encrypted() {
			items = append(items, para("settings.passphrase_off"),
				container.NewHBox(widget.NewButton(tr.T("settings.passphrase_set"), func() { u.passphraseDialog(false) })))
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
	w.u.save(data.SettingWelcomeDone, "1")
	w.dialog.Hide()
	w.u.welcome = nil
}
