package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/assets"
	"github.com/steadyapp/steady/data/guide"
)

// showAbout shows the version, licences, the guide's source, the privacy
// promise and the not-medical-advice notice.
func (u *UI) showAbout() {
	tr := u.tr
	para := func(s string, bold bool) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = bold
		return l
	}
	content := container.NewVBox(
		para(tr.T("app.name")+" — "+tr.T("about.version", "Version", u.opts.Version), true),
		para(tr.T("notice.medical"), false),
		para(tr.T("privacy.body1"), false),
		para(tr.T("about.report.body"), false), // what the report for a clinician holds (issue 15)
		para(tr.T("about.source", "Date", guide.HelplinesChecked), false),
		para(tr.T("about.licence"), false),
	)
	licences := newEscButton(tr.T("about.licences"), nil, func() {
		text := widget.NewLabel(assets.ThirdPartyLicenses())
		text.TextStyle.Monospace = true
		ld := newEscDialog(tr.T("about.licences"), tr.T("dialog.close"), container.NewScroll(text), u.win)
		ld.Resize(fyne.NewSize(700, 500))
		u.showDialog(ld)
	})
	content.Add(container.NewHBox(licences))
	d := newEscDialog(tr.T("about.title"), tr.T("dialog.close"), container.NewVScroll(content), u.win)
	d.Resize(fyne.NewSize(560, 460))
	u.showDialog(d)
}

// showPrivacy shows the privacy page in a dialog.
func (u *UI) showPrivacy() {
	// The dialog's title names the page: its text without the heading.
	var d0 document
	for _, id := range []string{"privacy.body1", "privacy.body2", "privacy.body3", "privacy.body4"} {
		d0.paragraph(u.tr.T(id))
	}
	d := newEscDialog(u.tr.T("privacy.title"), u.tr.T("dialog.close"), container.NewVScroll(d0.richText()), u.win)
	d.Resize(fyne.NewSize(560, 440))
	u.showDialog(d)
}

// closeTopDialog hides the dialog on top, for the Escape key (Fyne's
// dialogs do not handle it themselves).
func (u *UI) closeTopDialog() bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	if u.escapeQuick() || u.dismissTop(top) {
		return true
	}
	top.Hide()
	return true
}
