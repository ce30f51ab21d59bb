// Package ui draws Steady: the window, its sections and forms. It is the
// only package that uses Fyne widgets. Screens are built from a small model
// (selected section, drafts, filters) and the Translator, so a language
// switch rebuilds them all at once without losing what the user was typing.
package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// Section IDs, in the order of the navigation.
const (
	SectionToday    = "today"
	SectionCheckin  = "checkin"
	SectionHistory  = "history"
	SectionInsights = "insights"
	SectionPlan     = "plan"
	SectionSymptoms = "symptoms"
	SectionManaging = "managing"
	SectionFAQ      = "faq"
	SectionHelp     = "help"
	SectionSettings = "settings"
)

// Options are what main tells the UI about the world outside it.
type Options struct {
	SystemRegion string // the system locale's country, e.g. "GB"; "" if none
	Version      string // shown in About
	ShowWelcome  bool   // show the first-run welcome after unlocking, if never finished
}

// model is what the screens are drawn from and what survives a rebuild.
type model struct {
	section     string
	draft       draft // the check-in form
	quick       quickDraft
	insightDays int
	filter      data.Filter
}

// UI is Steady's main window and what it shows.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	tr    *i18n.Translator
	guide guide.Guide
	model model
	opts  Options
	now   func() time.Time

	nav       *widget.List      // the sections, on the leading side
	titles    []string          // the shown title of each section
	ids       []string          // the section ID of each row of nav
	pages     []*fyne.Container // one slot per section, filled when first shown
	builders  []func() fyne.CanvasObject
	stack     *fyne.Container // holds the slots, one shown at a time
	language  *widget.Select
	today     *todayScreen
	checkin   *checkinScreen
	history   *historyScreen
	insights  *insightsScreen
	plan      *planScreen
	settings  *settingsScreen
	reminders *reminders
	welcome   *welcome // open first-run welcome, or nil

	// The lock (encrypted journals only).
	dir        string            // the data directory
	prefs      map[string]string // the vault header's preferences, while locked
	failures   int               // wrong passphrases in a row
	retryAt    time.Time         // no new attempt before this
	lockEntry  *widget.Entry     // the lock screen's passphrase field
	passDialog *passphraseForm   // the open passphrase dialog, for tests
	lastActive time.Time
	trayActive bool // the tray icon is showing: closing the window hides it
}

// New builds Steady's main window on a, showing the guide and the journal in
// store, in tr's current language.
func New(a fyne.App, store *data.Store, tr *i18n.Translator, opts Options) *UI {
	u := newUI(a, tr, store.Dir(), opts)
	u.store = store
	u.win.Resize(u.savedWindowSize())
	u.win.CenterOnScreen()
	u.rebuild()
	u.reminders.reset()
	return u
}

// newUI makes the window and what every start shares; the caller fills it
// (the journal, the lock screen or a startup error).
func newUI(a fyne.App, tr *i18n.Translator, dir string, opts Options) *UI {
	u := &UI{
		app:   a,
		tr:    tr,
		opts:  opts,
		dir:   dir,
		guide: guide.TheGuide(),
		now:   time.Now,
		model: model{section: SectionToday, draft: newDraft(), insightDays: 30},
	}
	u.win = a.NewWindow(tr.T("app.name"))
	u.reminders = &reminders{u: u}
	u.addShortcuts()
	tr.OnChange(func(language.Tag) { u.languageChanged() })
	return u
}

// Close saves and closes the journal, if it is open.
func (u *UI) Close() error {
	u.reminders.stop()
	if u.store == nil {
		return nil
	}
	err := u.store.Close()
	u.store = nil
	return err
}

// languageChanged redraws everything in the new language.
func (u *UI) languageChanged() {
	if u.store == nil {
		u.showLockScreen()
		return
	}
	u.rebuild()
	if w := u.welcome; w != nil {
		w.dialog.Hide()
		u.showWelcome()
		u.welcome.show(w.page)
	}
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window, the first-run welcome if it was never
// finished, and runs the app until it quits.
func (u *UI) ShowAndRun() {
	u.win.SetCloseIntercept(u.closeWindow)
	u.applyTray()
	u.app.Lifecycle().SetOnEnteredForeground(u.touch)
	u.touch()
	u.watchIdle()
	u.win.Show()
	if u.store != nil {
		u.showWelcomeIfNew()
	}
	u.app.Run()
}

type section struct {
	id    string
	title string // message ID
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

func (u *UI) sections() []section {
	return []section{
		{SectionToday, "tab.today", theme.HomeIcon(), func() fyne.CanvasObject { u.today = newTodayScreen(u); return u.today.content }},
		{SectionCheckin, "tab.checkin", theme.DocumentCreateIcon(), func() fyne.CanvasObject { u.checkin = newCheckinScreen(u); return u.checkin.content }},
		{SectionHistory, "tab.history", theme.HistoryIcon(), func() fyne.CanvasObject { u.history = newHistoryScreen(u); return u.history.content }},
		{SectionInsights, "tab.insights", theme.GridIcon(), func() fyne.CanvasObject { u.insights = newInsightsScreen(u); return u.insights.content }},
		{SectionPlan, "tab.plan", theme.ListIcon(), func() fyne.CanvasObject { u.plan = newPlanScreen(u); return u.plan.content }},
		{SectionSymptoms, "tab.symptoms", theme.InfoIcon(), func() fyne.CanvasObject { return newSymptomsScreen(u, u.guide) }},
		{SectionManaging, "tab.managing", theme.ConfirmIcon(), func() fyne.CanvasObject { return newManagingScreen(u.tr, u.guide) }},
		{SectionFAQ, "tab.faq", theme.QuestionIcon(), func() fyne.CanvasObject { return newFAQScreen(u, u.guide) }},
		{SectionHelp, "tab.help", theme.WarningIcon(), func() fyne.CanvasObject { return newHelpScreen(u).content }},
		{SectionSettings, "tab.settings", theme.SettingsIcon(), func() fyne.CanvasObject { u.settings = newSettingsScreen(u); return u.settings.content }},
	}
}

// build makes the window's content from the model. The sections are listed
// down the leading side, one row each with its icon, so every section stays
// visible however long its name is in the current language.
func (u *UI) build() fyne.CanvasObject {
	secs := u.sections()
	u.ids = make([]string, len(secs))
	u.titles = make([]string, len(secs))
	u.pages = make([]*fyne.Container, len(secs))
	u.builders = make([]func() fyne.CanvasObject, len(secs))
	icons := make([]fyne.Resource, len(secs))
	// Screens are built when first shown: start-up and a language switch
	// lay out only the section on screen.
	u.today, u.checkin, u.history, u.insights, u.plan, u.settings = nil, nil, nil, nil, nil, nil
	slots := make([]fyne.CanvasObject, len(secs))
	for i, s := range secs {
		u.ids[i], u.titles[i], icons[i] = s.id, u.tr.T(s.title), s.icon
		u.pages[i] = container.NewStack()
		u.builders[i] = s.build
		slots[i] = u.pages[i]
	}
	u.stack = container.NewStack(slots...)
	longest := ""
	for _, t := range u.titles {
		if len([]rune(t)) > len([]rune(longest)) {
			longest = t
		}
	}
	u.nav = widget.NewList(
		func() int { return len(u.ids) },
		func() fyne.CanvasObject {
			// The template holds the longest title so the list is wide enough.
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longest))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(icons[i])
			row.Objects[1].(*widget.Label).SetText(u.titles[i])
		})
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(i) }
	u.show(u.sectionIndex(u.model.section))
	u.nav.Select(u.sectionIndex(u.model.section))

	notice := widget.NewLabel(u.tr.T("notice.medical"))
	notice.Wrapping = fyne.TextWrapWord
	notice.TextStyle = fyne.TextStyle{Italic: true}

	nav := container.NewBorder(nil, nil, nil, widget.NewSeparator(), u.nav)
	return container.NewBorder(u.header(), notice, nav, nil, u.stack)
}

// ensure builds section i's screen if it has not been built yet.
func (u *UI) ensure(i int) {
	if len(u.pages[i].Objects) == 0 {
		u.pages[i].Objects = []fyne.CanvasObject{u.builders[i]()}
		u.pages[i].Refresh()
	}
}

// screen builds the section with the given ID if needed.
func (u *UI) screen(id string) { u.ensure(u.sectionIndex(id)) }

// show displays section i and refreshes what it reads from the journal.
func (u *UI) show(i int) {
	u.touch()
	fresh := len(u.pages[i].Objects) == 0
	u.ensure(i)
	for j, p := range u.pages {
		if j == i {
			p.Show()
		} else {
			p.Hide()
		}
	}
	if u.model.section != u.ids[i] {
		u.model.section = u.ids[i]
		if !fresh {
			u.refreshSection()
		}
	}
}

func (u *UI) sectionIndex(id string) int {
	for i, s := range u.ids {
		if s == id {
			return i
		}
	}
	return 0
}

// header is the bar above the sections: the name, the quick check-in and
// the language picker.
func (u *UI) header() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(u.tr.T("app.name"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quick := widget.NewButtonWithIcon(u.tr.T("quick.button"), theme.ContentAddIcon(), u.showQuickCheckin)
	u.language = newLanguagePicker(u)
	return container.NewHBox(title, layout.NewSpacer(), quick, fitted(u.language))
}

// rebuild redraws everything from the model: at start and after a language
// switch.
func (u *UI) rebuild() {
	u.applyTheme()
	u.applyTray()
	u.win.SetTitle(u.tr.T("app.name"))
	u.win.SetContent(u.build())
	u.win.SetMainMenu(u.mainMenu())
}

// SelectSection shows one of the sections (SectionToday …).
func (u *UI) SelectSection(id string) {
	u.nav.Select(u.sectionIndex(id)) // calls show
	u.show(u.sectionIndex(id))
}

// refreshSection re-reads the journal for the section on screen.
func (u *UI) refreshSection() {
	switch u.model.section {
	case SectionToday:
		u.today.refresh()
	case SectionHistory:
		u.history.reload()
	case SectionInsights:
		u.insights.refresh()
	}
}

// journalChanged is called after any change to the journal.
func (u *UI) journalChanged() {
	u.today.refresh()
	u.history.reload()
	u.insights.refresh()
}

// showError tells the user what went wrong, in their language, with
// Steady's own button label.
func (u *UI) showError(msg string) {
	u.showMessage(u.tr.T("error.title"), msg)
}

// showMessage shows a short message with an OK button.
func (u *UI) showMessage(title, msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, u.tr.T("dialog.ok"), l, u.win)
	d.Resize(fyne.NewSize(440, 0))
	d.Show()
}

// confirm asks a yes/no question with Steady's own button labels.
func (u *UI) confirm(title, msg, yes string, then func()) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, yes, u.tr.T("dialog.cancel"), l, func(ok bool) {
		if ok {
			then()
		}
	}, u.win)
	d.Resize(fyne.NewSize(440, 0))
	d.Show()
}

// labeler returns a function giving the text of a tag recorded in a
// check-in: a catalog ID's translation, or the text of the user's own plan
// item. It reads the plan once, so it is cheap to call for every tag of an
// export.
func (u *UI) labeler() func(tag string) string {
	var own map[string]string
	return func(tag string) string {
		switch {
		case strings.HasPrefix(tag, data.PlanTagPrefix):
			if own == nil {
				own = map[string]string{}
				items, _ := u.store.Plan("")
				for _, p := range items {
					own[p.Tag()] = p.Text
				}
			}
			if text, ok := own[tag]; ok {
				return text
			}
			return u.tr.T("plan.removed_item")
		case strings.HasPrefix(tag, "strategy."):
			return u.tr.T(tag + ".title")
		}
		return u.tr.T(tag)
	}
}

// whenSaved runs done once what was just written is on disk: at once for a
// plain journal, after the background save for an encrypted one (which
// runs off the UI thread). A failed save is reported instead.
func (u *UI) whenSaved(done func()) {
	st := u.store
	if st == nil || !st.Encrypted() {
		done()
		return
	}
	go func() {
		err := st.Sync()
		fyne.Do(func() {
			if err != nil {
				u.showError(u.tr.T("error.save", "Detail", err.Error()))
				return
			}
			done()
		})
	}()
}
