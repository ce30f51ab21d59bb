package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data/guide"
)

// helpScreen is "Get help now": the warning signs that need a doctor or an
// emergency number now, and the emergency number and helplines of the
// user's region.
type helpScreen struct {
	u       *UI
	content fyne.CanvasObject
	lines   *fyne.Container
	regions *widget.Select
}

func newHelpScreen(u *UI) *helpScreen {
	h := &helpScreen{u: u}
	tr := u.tr
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
	if u.regionKnown() {
		selected = u.region().ID
	}
	h.regions = regionPicker(tr, selected, func(r guide.Region) {
		if err := u.setRegion(r.ID); err != nil {
			u.reportWrite(err, u.saveError)
		}
		h.show()
	})
	h.lines = container.NewVBox()
	h.show()
	regionRow := container.NewBorder(nil, nil, widget.NewLabel(tr.T("help.region")), nil, h.regions)
	notice := wrapped(tr.T("notice.medical"))
	notice.TextStyle = fyne.TextStyle{Italic: true}
	h.content = scrollPage(top.richText(), regionRow, h.lines, widget.NewSeparator(), d.richText(), u.bodySignsHelp(), widget.NewSeparator(), notice)
	return h
}

// show lists the chosen region's numbers.
func (h *helpScreen) show() {
	u, tr := h.u, h.u.tr
	r := u.region()
	h.lines.Objects = nil
	if !u.regionKnown() || r.ID == guide.RegionOther {
		// Never a number that may be wrong where the user is.
		local := widget.NewLabelWithStyle(tr.T("crisis.emergency_local"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		local.Wrapping = fyne.TextWrapWord
		h.lines.Add(local)
		if !u.regionKnown() {
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
		copyBtn := widget.NewButtonWithIcon(line.Number, theme.ContentCopyIcon(), func() {
			u.app.Clipboard().SetContent(line.Number)
			u.announce("copied " + line.Number)
			u.showMessage(tr.T("plan.copied_title"), tr.T("plan.copied", "Phone", line.Number))
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
