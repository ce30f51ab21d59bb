// Package ui draws Steady: the window, its sections and forms. It is the
// only package that uses Fyne widgets.
//
// Run is the entry point: the shell (shell.go) owns the window and holds
// one state at a time (locked, open or start-up error). While a journal is
// open, screens read and write it through the session (session.go) and
// refresh themselves from its change events. Screens are built from a small
// model (selected section, drafts, filters) and the Translator, so a
// language switch rebuilds them all at once without losing what the user
// was typing.
package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	sectionToday    = "today"
	sectionCheckin  = "checkin"
	sectionHistory  = "history"
	sectionInsights = "insights"
	sectionPlan     = "plan"
	sectionSymptoms = "symptoms"
	sectionManaging = "managing"
	sectionFAQ      = "faq"
	sectionHelp     = "help"
	sectionSettings = "settings"
)

// Options are what main tells the UI about the world outside it.
type Options struct {
	SystemRegion string // the system locale's country, e.g. "GB"; "" if none
	Version      string // shown in About
	ShowWelcome  bool   // show the first-run welcome after unlocking, if never finished
	// Language is the language asked for on the command line ("" for
	// none); it wins over the journal's saved choice and SystemLanguage.
	Language       string
	SystemLanguage string // the system locale, e.g. "en-GB"
}

// model is what the screens are drawn from and what survives a rebuild.
type model struct {
	section     string
	draft       draft      // the check-in form
	quick       quickDraft // Today's quick check-in
	quickDialog quickDraft // the quick check-in dialog (Ctrl+N)
	insightDays int
	filter      data.Filter
}

// UI is the shell: Steady's main window and what it shows, in exactly one
// state (see shell.go).
type UI struct {
	state      state
	startErr   error                        // the start-up error (stateStartupError)
	shortcuts  []keyed                      // the current state's canvas shortcuts
	opened     map[string]fyne.CanvasObject // the dialog each single action last showed (single.go)
	screenSubs []func()                     // cancels the built screens' subscriptions
	saveErr    dialog.Dialog                // the failed-save message on screen, or nil
	onAnnounce func(string)                 // tests: what just happened (see announce)

	app     fyne.App
	win     fyne.Window
	journal *session // the open journal; nil unless the state is open
	tr      *i18n.Translator
	guide   guide.Guide
	model   model
	opts    Options
	now     func() time.Time

	nav         *widget.List      // the sections, on the leading side
	titles      []string          // the shown title of each section
	ids         []string          // the section ID of each row of nav
	pages       []*fyne.Container // one slot per section, filled when first shown
	pageSubs    [][]func()        // each slot's screen's subscriptions (fillPage)
	builders    []func() fyne.CanvasObject
	stack       *fyne.Container // holds the slots, one shown at a time
	language    *escSelect
	today       *todayScreen
	checkin     *checkinScreen
	history     *historyScreen
	insights    *insightsScreen
	plan        *planScreen
	settings    *settingsScreen
	reminders   *reminders
	welcome     *welcome   // open first-run welcome, or nil
	quickDialog *quickForm // the last quick check-in dialog opened (Ctrl+N)
	care        care       // Get help, the crisis dialog and the region question (crisis.go)

	// The lock (encrypted journals only).
	dir        string            // the data directory
	prefs      map[string]string // the vault header's preferences, while locked
	chosen     map[string]bool   // prefs chosen on the lock screen, carried into the journal
	failures   int               // wrong passphrases in a row
	retryAt    time.Time         // no new attempt before this
	lockEntry  *widget.Entry     // the lock screen's passphrase field
	lockTheme  *escSelect        // the lock screen's theme picker
	passDialog *passphraseForm   // the open passphrase dialog, for tests
	lastActive time.Time         // the last activity, on the wall clock (idle.go)
	secrets    []*widget.Entry   // passphrase fields emptied on close and on lock (idle.go)
	dialogs    openDialogs       // dialogs Esc dismisses (esc.go)
	// pickFile replaces the file dialogs in tests (filedialog.go).
	pickFile   func(save bool, name string, then func(path string))
	exportForm *exportForm // the open encrypted-export dialog (export_encrypted.go), for tests
	askForm    *askForm    // the open passphrase question for a file, for tests
	trayActive bool        // the tray icon is showing: closing the window hides it
	// gcAfterStart is the collector's target to restore after the first
	// frame (relaxGCForStart in started.go), or 0.
	gcAfterStart int
}

// newUI makes the window and what every start shares; the caller fills it
// (the journal, the lock screen or a startup error).
func newUI(a fyne.App, tr *i18n.Translator, dir string, opts Options) *UI {
	u := &UI{
		app:    withOwnClipboard(a), // clipboard.go: locking clears Steady's own copies
		tr:     tr,
		opts:   opts,
		dir:    dir,
		guide:  guide.TheGuide(),
		now:    time.Now,
		model:  model{section: sectionToday, draft: newDraft(), insightDays: 30},
		prefs:  map[string]string{},
		chosen: map[string]bool{},
	}
	u.win = a.NewWindow(tr.T("app.name"))
	u.reminders = newReminders(tr, u.journalSetting, u.clock(), func(n *fyne.Notification) { u.app.SendNotification(n) })
	u.watchKeys()
	tr.OnChange(func(language.Tag) { u.languageChanged() })
	return u
}

// languageChanged redraws everything in the new language.
func (u *UI) languageChanged() {
	switch u.state {
	case stateLocked:
		u.showLockScreen()
		return
	case stateStartupError:
		u.win.SetContent(u.startupError(u.startErr))
		return
	case stateNone:
		return
	}
	u.rebuild()
	if w := u.welcome; w != nil {
		w.dialog.Hide()
		u.showWelcome()
		u.welcome.show(w.page)
	}
}

type section struct {
	id    string
	title string // message ID
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

func (u *UI) sections() []section {
	return []section{
		{sectionToday, "tab.today", theme.HomeIcon(), u.buildToday},
		{sectionCheckin, "tab.checkin", theme.DocumentCreateIcon(), u.buildCheckin},
		{sectionHistory, "tab.history", theme.HistoryIcon(), u.buildHistory},
		{sectionInsights, "tab.insights", theme.GridIcon(), u.buildInsights},
		{sectionPlan, "tab.plan", theme.ListIcon(), u.buildPlan},
		{sectionSymptoms, "tab.symptoms", theme.InfoIcon(), func() fyne.CanvasObject { return newSymptomsScreen(u.tr, u.guide, u.getHelpButton()) }},
		{sectionManaging, "tab.managing", theme.ConfirmIcon(), func() fyne.CanvasObject { return newManagingScreen(u.tr, u.guide) }},
		{sectionFAQ, "tab.faq", theme.QuestionIcon(), func() fyne.CanvasObject { return newFAQScreen(u.tr, u.guide, u.getHelpButton()) }},
		{sectionHelp, "tab.help", theme.WarningIcon(), u.buildHelp},
		{sectionSettings, "tab.settings", theme.SettingsIcon(), u.buildSettings},
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
	u.pageSubs = make([][]func(), len(secs))
	u.builders = make([]func() fyne.CanvasObject, len(secs))
	icons := make([]fyne.Resource, len(secs))
	// Screens are built when first shown: start-up and a language switch
	// lay out only the section on screen. The screens being replaced stop
	// listening to the session.
	for _, cancel := range u.screenSubs {
		cancel()
	}
	u.screenSubs = nil
	// The check-in form and History offer the plan's triggers and coping
	// strategies: a changed plan rebuilds them.
	u.subscribe(func(e event) {
		if e == planChanged {
			u.rebuildForPlan()
		}
	})
	u.today, u.checkin, u.history, u.insights, u.plan, u.settings = nil, nil, nil, nil, nil, nil
	slots := make([]fyne.CanvasObject, len(secs))
	for i, s := range secs {
		u.ids[i], u.titles[i], icons[i] = s.id, u.tr.T(u.neutral(s.title)), s.icon
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
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel(longest)) // the icon is set with the row
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(icons[i])
			row.Objects[1].(*widget.Label).SetText(u.titles[i])
		})
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(i) }

	// Get help and the save note sit in the window's chrome, outside any
	// scroller, at every size (helpbar.go, savenote.go).
	bottom := container.NewVBox(u.newSaveNote().box, u.footer())
	return container.NewBorder(u.header(), bottom, nil, nil, u.sideBySide()) // navlayout.go
}

// ensure builds section i's screen if it has not been built yet.
func (u *UI) ensure(i int) {
	if len(u.pages[i].Objects) == 0 {
		u.fillPage(i, u.builders[i])
	}
}

// fillPage puts what build makes in section i's slot. The screen it
// replaces, if any, stops listening to the session; the subscriptions made
// while building belong to the new screen.
func (u *UI) fillPage(i int, build func() fyne.CanvasObject) {
	for _, cancel := range u.pageSubs[i] {
		cancel()
	}
	start := len(u.screenSubs)
	content := build()
	u.pageSubs[i] = append([]func(){}, u.screenSubs[start:]...)
	page := u.pages[i]
	page.Objects = []fyne.CanvasObject{content}
	// A new screen needs laying out in its slot and drawing, not a
	// refresh: refreshing every widget of it again makes Fyne measure each
	// text and decode each icon once more. Before the slot's first layout
	// there is nothing to do: the window lays the screen out at its own
	// width.
	if !page.Size().IsZero() {
		page.Layout.Layout(page.Objects, page.Size())
		canvas.Refresh(page)
	}
}

// refreshLaidOut refreshes o once it has been laid out, and does nothing
// before: a screen refreshed before its first layout would be laid out at
// no width, every wrapped label broken at its narrowest, only for the
// window to lay it out again at its own width a moment later.
func refreshLaidOut(o fyne.CanvasObject) {
	if !o.Size().IsZero() {
		o.Refresh()
	}
}

// rebuildPage builds section id's screen again (after the plan or the
// passphrase changed), if it was built.
func (u *UI) rebuildPage(id string, build func() fyne.CanvasObject) {
	i := u.sectionIndex(id)
	if len(u.pages[i].Objects) > 0 {
		u.fillPage(i, build)
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
	// Everything in the window is about to be replaced, so it leaves first:
	// a new theme (each language has its own fonts) is applied to whatever
	// the window holds, laying out and measuring every text of every
	// section built so far, only for all of it to be dropped a moment
	// later. The new screens are built after the theme is set, as they
	// read its sizes and colours.
	u.win.SetContent(layout.NewSpacer())
	u.applyTheme()
	u.applyTray()
	u.win.SetTitle(u.tr.T("app.name"))
	u.applyCapture() // capture.go
	u.win.SetContent(u.build())
	// The section on screen is built once the window has laid the shell
	// out, at the width it will be drawn at: Fyne lays new content out at
	// its minimum size first, which for a screen of wrapped text means
	// breaking every line at its narrowest.
	u.selectSection(u.model.section)
	u.win.SetMainMenu(u.mainMenu())
}

// selectSection shows one of the sections (sectionToday …).
func (u *UI) selectSection(id string) {
	u.nav.Select(u.sectionIndex(id)) // calls show
	u.show(u.sectionIndex(id))
}

// refreshSection re-reads the journal for the section coming on screen:
// events keep the screens current, but what Today says depends on the day.
func (u *UI) refreshSection() {
	switch u.model.section {
	case sectionToday:
		u.today.refresh()
	case sectionHistory:
		u.history.reload()
	case sectionInsights:
		u.insights.refresh()
	}
}

// subscribe makes f hear the session's events until the screens are
// rebuilt (a language switch), the journal is closed, or cancel is called.
func (u *UI) subscribe(f func(event)) (cancel func()) {
	cancel = u.journal.subscribe(f)
	u.screenSubs = append(u.screenSubs, cancel)
	return cancel
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
	d := newEscDialog(title, u.tr.T("dialog.ok"), l, u.win)
	d.Resize(fyne.NewSize(440, 0))
	u.showDialog(d)
}

// confirm asks a yes/no question with Steady's own button labels.
func (u *UI) confirm(title, msg, yes string, then func()) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := newEscConfirm(title, yes, u.tr.T("dialog.cancel"), l, func(ok bool) {
		if ok {
			then()
		}
	}, u.win)
	d.Resize(fyne.NewSize(440, 0))
	u.showDialog(d)
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
				items, _ := u.journal.Plan("")
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
