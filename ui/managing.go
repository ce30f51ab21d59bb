package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// newManagingScreen shows the guide's strategies for managing withdrawal,
// each as a card with its explanation.
func newManagingScreen(tr *i18n.Translator, g guide.Guide) fyne.CanvasObject {
	var d document
	d.heading(tr.T(g.ManagingTitleID))
	d.paragraph(tr.T(g.ManagingIntroID))
	objs := []fyne.CanvasObject{d.richText()}
	for _, s := range g.Strategies {
		body := widget.NewLabel(tr.T(s.BodyID))
		body.Wrapping = fyne.TextWrapWord
		objs = append(objs, newTitledCard(tr.T(s.TitleID), body))
	}
	objs = append(objs, techniques(tr, g)...)
	return scrollPage(objs...)
}
