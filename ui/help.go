package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// helpScreen is "Get help now": the warning signs that need a doctor or an
// emergency number now, and the emergency number and helplines of the
// user's region.
type helpScreen struct {
	shell   helpShell
	tr      *i18n.Translator
	content fyne.CanvasObject
	lines   *fyne.Container
	regions *escSelect
}

// helpShell is what Get help asks of the shell. Get help also opens in a
// dialog while no journal is open, so it needs no session: the region is
// kept by the shell (in the journal, or as a lock-screen preference).
type helpShell interface {
	region() guide.Region
	regionKnown() bool
	setRegion(id string) error
	reportWrite(err error, msg func(error) string)
	showMessage(title, msg string)
	copyText(s string)
	announce(what string) // tests: a number was copied
}

// newHelpScreen builds Get help.
func newHelpScreen(tr *i18n.Translator, shell helpShell) *helpScreen {
	h := &helpScreen{shell: shell, tr: tr}
	// The numbers come first, so they are on screen at the smallest size;
	// the warning signs follow.
	var top, d document
	top.heading(tr.T("help.title"))
	top.paragraph(tr.T("help.rule"))
	d.subheading(tr.T("help.signs_title"))
	signs := make([]string, len(guide.WarningSigns()))
	for i, id := range guide.WarningSigns() {
		signs[i] = tr.T(id)
	}
	d.list(signs)

	selected := ""
	if shell.regionKnown() {
		selected = shell.region().ID
	}
	h.regions = regionPicker(tr, selected, func(r guide.Region) {
		if err := shell.setRegion(r.ID); err != nil {
			shell.reportWrite(err, func(err error) string { return tr.T("error.save", "Detail", err.Error()) })
		}
		h.show()
	})
	h.lines = container.NewVBox()
	h.show()
	regionRow := container.NewBorder(nil, nil, widget.NewLabel(tr.T("help.region")), nil, h.regions)
	notice := wrapped(tr.T("notice.medical"))
	notice.TextStyle = fyne.TextStyle{Italic: true}
	h.content = scrollPage(top.richText(), regionRow, h.lines, widget.NewSeparator(), d.richText(), bodySignsHelp(tr), widget.NewSeparator(), notice)
	return h
}

// show lists the chosen region's numbers.
func (h *helpScreen) show() {
	shell, tr := h.shell, h.tr
	r := shell.region()
	h.lines.Objects = nil
	if !shell.regionKnown() || r.ID == guide.RegionOther {
		// Never a number that may be wrong where the user is.
		local := widget.NewLabelWithStyle(tr.T("crisis.emergency_local"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		local.Wrapping = fyne.TextWrapWord
		h.lines.Add(local)
		if !shell.regionKnown() {
			h.lines.Add(wrapped(tr.T("region.ask.body")))
		}
		h.lines.Refresh()
		return
	}
	emergency := widget.NewLabelWithStyle(tr.T("help.emergency_number", "Number", r.Emergency), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	emergency.Wrapping = fyne.TextWrapWord
	h.lines.Add(emergency)
	if r.EmergNote != "" {
		note := widget.NewLabel(tr.T(r.EmergNote))
		note.Wrapping = fyne.TextWrapWord
		h.lines.Add(note)
	}
	// Crisis lines first: someone in crisis should not have to read on.
	lines := r.CrisisLines()
	for _, l := range r.Lines {
		if !l.Crisis {
			lines = append(lines, l)
		}
	}
	for _, l := range lines {
		line := l
		desc := widget.NewLabel(tr.T(line.NoteID))
		desc.Wrapping = fyne.TextWrapWord
		copyBtn := newEscButton(line.Number, theme.ContentCopyIcon(), func() {
			shell.copyText(line.Number)
			shell.announce("copied " + line.Number)
			shell.showMessage(tr.T("plan.copied_title"), tr.T("plan.copied", "Phone", line.Number))
		})
		h.lines.Add(widget.NewCard(line.Name, "", container.NewBorder(nil, nil, nil, copyBtn, desc)))
	}
	if len(r.Lines) == 0 {
		none := widget.NewLabel(tr.T("help.no_lines"))
		none.Wrapping = fyne.TextWrapWord
		h.lines.Add(none)
	}
	if r.Source != "" {
		src := widget.NewLabel(tr.T("help.source", "Source", r.Source, "Date", guide.HelplinesChecked))
		src.Wrapping = fyne.TextWrapWord
		h.lines.Add(src)
	}
	h.lines.Refresh()
}
