package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// newFAQScreen shows the guide's questions as an accordion (the first one
// open), followed by the guide's conclusion.
func newFAQScreen(tr *i18n.Translator, g data.Guide) fyne.CanvasObject {
	var head document
	head.heading(tr.T(g.FAQTitleID))

	acc := widget.NewAccordion()
	acc.MultiOpen = true
	for _, q := range g.Questions {
		answer := widget.NewLabel(tr.T(q.AnswerID))
		answer.Wrapping = fyne.TextWrapWord
		acc.Append(widget.NewAccordionItem(tr.T(q.QuestionID), answer))
	}
	acc.Open(0)

	var tail document
	tail.paragraph(tr.T(g.ConclusionID))
	tail.paragraph(tr.T("guide.source"))
	return scrollPage(head.richText(), acc, tail.richText())
}
