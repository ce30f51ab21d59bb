package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// techniques shows the guide's ways of riding out a craving (urge surfing,
// DEADS), each as a card with its explanation and, in smaller type, its
// source.
func techniques(tr *i18n.Translator, g guide.Guide) []fyne.CanvasObject {
	if len(g.Techniques) == 0 {
		return nil
	}
	var d document
	d.heading(tr.T(g.TechniquesTitleID))
	objs := []fyne.CanvasObject{d.richText()}
	for _, t := range g.Techniques {
		body := widget.NewLabel(tr.T(t.BodyID))
		body.Wrapping = fyne.TextWrapWord
		source := widget.NewLabel(tr.T(t.SourceID))
		source.Wrapping = fyne.TextWrapWord
		source.TextStyle.Italic = true
		source.SizeName = theme.SizeNameCaptionText
		objs = append(objs, newTitledCard(tr.T(t.TitleID), container.NewVBox(body, source)))
	}
	return objs
}
