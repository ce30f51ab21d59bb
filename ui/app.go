// Package ui draws Steady: the window, its sections and the check-in form.
// It is the only package that uses Fyne widgets. Screens are built from a
// small model (selected section, check-in draft) and the Translator, so a
// language switch rebuilds them all at once without losing what the user
// was typing.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// Section indexes, in the order of the navigation.
const (
	SectionSymptoms = iota
	SectionManaging
	SectionFAQ
	SectionJournal
)

// model is what the screens are drawn from and what survives a rebuild.
type model struct {
	section int
	draft   draft
}

// UI is Steady's main window and what it shows.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	tr    *i18n.Translator
	guide data.Guide
	model model

	tabs     *container.AppTabs
	journal  *journalScreen
	language *widget.Select
}

// New builds Steady's main window on a, showing the guide and the journal in
// store, in tr's current language.
func New(a fyne.App, store *data.Store, tr *i18n.Translator) *UI {
	u := &UI{
		app:   a,
		store: store,
		tr:    tr,
		guide: data.TheGuide(),
		model: model{draft: newDraft()},
	}
	u.win = a.NewWindow(tr.T("app.name"))
	u.win.Resize(fyne.NewSize(960, 700))
	u.win.SetContent(u.build())
	u.win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	tr.OnChange(func(language.Tag) { u.rebuild() })
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it quits.
func (u *UI) ShowAndRun() { u.win.ShowAndRun() }

// build makes the window's content from the model.
func (u *UI) build() fyne.CanvasObject {
	u.journal = newJournalScreen(u)
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.tr.T("tab.symptoms"), theme.InfoIcon(), newSymptomsScreen(u.tr, u.guide)),
		container.NewTabItemWithIcon(u.tr.T("tab.managing"), theme.ConfirmIcon(), newManagingScreen(u.tr, u.guide)),
		container.NewTabItemWithIcon(u.tr.T("tab.faq"), theme.QuestionIcon(), newFAQScreen(u.tr, u.guide)),
		container.NewTabItemWithIcon(u.tr.T("tab.journal"), theme.DocumentCreateIcon(), u.journal.content),
	)
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.tabs.SelectIndex(u.model.section)
	u.tabs.OnSelected = func(*container.TabItem) { u.model.section = u.tabs.SelectedIndex() }

	notice := widget.NewLabel(u.tr.T("notice.medical"))
	notice.Wrapping = fyne.TextWrapWord
	notice.Importance = widget.MediumImportance
	notice.TextStyle = fyne.TextStyle{Italic: true}

	return container.NewBorder(u.header(), notice, nil, nil, u.tabs)
}

// header is the bar above the sections: the name and the language picker.
func (u *UI) header() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(u.tr.T("app.name"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tagline := widget.NewLabel(u.tr.T("app.tagline"))
	tagline.Truncation = fyne.TextTruncateOff
	u.language = newLanguagePicker(u)
	return container.NewHBox(title, tagline, layout.NewSpacer(), u.language)
}

// rebuild redraws everything from the model, after a language switch.
func (u *UI) rebuild() {
	u.win.SetTitle(u.tr.T("app.name"))
	u.win.SetContent(u.build())
	u.win.SetMainMenu(u.mainMenu())
}

// SelectSection shows one of the sections (SectionSymptoms …).
func (u *UI) SelectSection(i int) {
	u.model.section = i
	u.tabs.SelectIndex(i)
}

// showError tells the user what went wrong, in their language, with
// Steady's own button label.
func (u *UI) showError(msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(u.tr.T("error.title"), u.tr.T("dialog.ok"), l, u.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}
