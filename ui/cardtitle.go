package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newTitledCard is a card whose title wraps. Fyne draws a card's own title on
// one line that never wraps, so a long title (Indonesian, Portuguese …) would
// make the whole page wider than a small window; this title wraps between
// words like the text below it.
func newTitledCard(title string, content fyne.CanvasObject) *widget.Card {
	heading := widget.NewRichText(&widget.TextSegment{Text: title, Style: widget.RichTextStyleSubHeading})
	heading.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(heading, content))
}
