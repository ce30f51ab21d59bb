package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Get help is one click away in every state, in a fixed place of the
// window's chrome that never scrolls away: the footer of the open journal,
// the top bar of the lock screen, the button row of the start-up error. The
// helplines and warning signs need no journal (they come from data/guide),
// so outside the open state Get help opens over the window in a dialog.

// getHelpButton is the Get help button: a warning icon and the words, never
// clipped (its text is short in every language and it sits outside any
// scroller).
func (u *UI) getHelpButton() *widget.Button {
	b := widget.NewButtonWithIcon(u.tr.T("help.button"), theme.WarningIcon(), u.getHelp)
	b.Importance = widget.WarningImportance
	return b
}

// getHelp shows Get help: the section while a journal is open, else a
// dialog over the lock screen or the start-up error.
func (u *UI) getHelp() {
	if u.state == stateOpen && u.nav != nil {
		u.selectSection(sectionHelp)
		u.announce("get help")
		return
	}
	u.showHelpDialog()
}

// showHelpDialog shows the warning signs and the region's numbers in a
// dialog, without a journal.
func (u *UI) showHelpDialog() {
	if u.care.helpDialog != nil {
		u.care.helpDialog.Hide()
	}
	h := newHelpScreen(u.tr, u)
	d := newEscDialog(u.tr.T("help.title"), u.tr.T("dialog.close"), h.content, u.win)
	d.SetOnClosed(func() { u.care.helpDialog, u.care.helpScreen = nil, nil })
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(max(size.Width-32, 300), max(size.Height-32, 240)))
	u.care.helpDialog, u.care.helpScreen = d, h
	u.showDialog(d)
	u.announce("get help")
}

// footer is the open journal's bottom bar: Get help and the medical notice
// beside it. The notice is a disclaimer and a pointer to help, so it is
// never cut: in a narrow window it wraps onto a second (or third) line
// rather than ending in "…" (it is also shown in full on the Get help page).
func (u *UI) footer() fyne.CanvasObject {
	notice := widget.NewLabel(u.tr.T("notice.medical"))
	notice.Wrapping = fyne.TextWrapWord
	// Not italic: each text style on the first frame costs Fyne its own
	// parsed fonts, about 8 MB for italic alone (docs/performance.md).
	notice.SizeName = theme.SizeNameCaptionText
	u.care.footerHelp = u.getHelpButton()
	return container.NewBorder(widget.NewSeparator(), nil, u.care.footerHelp, nil, notice)
}
