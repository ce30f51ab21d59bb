package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// newSymptomsScreen shows the guide's introduction and every withdrawal
// symptom, by category, with getHelp (the Get help button) under them.
func newSymptomsScreen(tr *i18n.Translator, g guide.Guide, getHelp fyne.CanvasObject) fyne.CanvasObject {
	var d document
	d.heading(tr.T(g.SymptomsTitleID))
	for _, id := range g.IntroIDs {
		d.paragraph(tr.T(id))
	}
	d.subheading(tr.T(g.UnderstandingTitle))
	for _, id := range g.UnderstandingIDs {
		d.paragraph(tr.T(id))
	}
	d.subheading(tr.T(g.CommonTitleID))
	for _, c := range g.Categories {
		if c.Single {
			// The category is itself one symptom: the guide lists no items.
			d.list([]string{tr.T(c.TitleID)})
			continue
		}
		d.strong(tr.T(c.TitleID))
		items := make([]string, len(c.Symptoms))
		for i, s := range c.Symptoms {
			items[i] = tr.T(s.ID)
		}
		d.list(items)
	}
	d.paragraph(tr.T(g.SymptomsClosingID))
	return scrollPage(d.richText(), container.NewHBox(getHelp))
}
