package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// newFAQScreen shows the guide's questions, each with its answer below it
// (headings wrap, where an accordion's titles would be cut short), then the
// guide's conclusion, with getHelp (the Get help button) under them.
func newFAQScreen(tr *i18n.Translator, g guide.Guide, getHelp fyne.CanvasObject) fyne.CanvasObject {
	var d document
	d.heading(tr.T(g.FAQTitleID))
	for _, q := range g.Questions {
		d.subheading(tr.T(q.QuestionID))
		d.paragraph(tr.T(q.AnswerID))
	}
	d.paragraph(tr.T(g.ConclusionID))
	d.paragraph(tr.T("guide.source"))
	return scrollPage(d.richText(), container.NewHBox(getHelp))
}
