package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
)

// region returns the region whose helplines to show: the saved choice, else
// the system locale's country, else the fallback.
func (u *UI) region() guide.Region {
	if id, ok, _ := u.journal.Setting(data.SettingRegion); ok {
		return guide.RegionByID(id)
	}
	return guide.RegionByID(u.opts.SystemRegion)
}

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
	var d document
	d.heading(tr.T("help.title"))
	d.paragraph(tr.T("help.rule"))
	d.subheading(tr.T("help.signs_title"))
	signs := make([]string, len(guide.WarningSigns()))
	for i, id := range guide.WarningSigns() {
		signs[i] = tr.T(id)
	}
	d.list(signs)

	names := make([]string, len(guide.Regions()))
	for i, r := range guide.Regions() {
		names[i] = tr.T(r.NameID())
	}
	h.regions = widget.NewSelect(names, nil)
	h.regions.SetSelectedIndex(regionIndex(u.region().ID))
	h.regions.OnChanged = func(string) {
		r := guide.Regions()[h.regions.SelectedIndex()]
		if err := u.journal.SetSetting(data.SettingRegion, r.ID); err != nil {
			u.showError(tr.T("error.save", "Detail", err.Error()))
		}
		h.show()
	}
	h.lines = container.NewVBox()
	h.show()
	regionRow := container.NewBorder(nil, nil, widget.NewLabel(tr.T("help.region")), nil, h.regions)
	h.content = scrollPage(d.richText(), widget.NewSeparator(), regionRow, h.lines)
	return h
}

func regionIndex(id string) int {
	for i, r := range guide.Regions() {
		if r.ID == id {
			return i
		}
	}
	return len(guide.Regions()) - 1
}

// show lists the chosen region's numbers.
func (h *helpScreen) show() {
	u, tr := h.u, h.u.tr
	r := u.region()
	h.lines.Objects = nil
	emergency := widget.NewLabelWithStyle(tr.T("help.emergency_number", "Number", r.Emergency), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	emergency.Wrapping = fyne.TextWrapWord
	h.lines.Add(emergency)
	if r.EmergNote != "" {
		note := widget.NewLabel(tr.T(r.EmergNote))
		note.Wrapping = fyne.TextWrapWord
		h.lines.Add(note)
	}
	for _, l := range r.Lines {
		line := l
		desc := widget.NewLabel(tr.T(line.NoteID))
		desc.Wrapping = fyne.TextWrapWord
		copyBtn := widget.NewButtonWithIcon(line.Number, theme.ContentCopyIcon(), func() {
			u.app.Clipboard().SetContent(line.Number)
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

// getHelpButton opens the Get help section.
func (u *UI) getHelpButton() *widget.Button {
	b := widget.NewButtonWithIcon(u.tr.T("help.button"), theme.WarningIcon(), func() { u.selectSection(SectionHelp) })
	b.Importance = widget.WarningImportance
	return b
}
