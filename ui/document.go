package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// document builds a page of guide text — headings, paragraphs and lists — as
// one word-wrapped RichText.
type document struct {
	segs []widget.RichTextSegment
}

func (d *document) heading(text string) {
	d.segs = append(d.segs, &widget.TextSegment{Text: text, Style: widget.RichTextStyleHeading})
}

func (d *document) subheading(text string) {
	d.segs = append(d.segs, &widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading})
}

// strong is a bold line of its own (RichTextStyleStrong is inline).
func (d *document) strong(text string) {
	style := widget.RichTextStyleStrong
	style.Inline = false
	d.segs = append(d.segs, &widget.TextSegment{Text: text, Style: style})
}

func (d *document) paragraph(text string) {
	d.segs = append(d.segs, &widget.TextSegment{Text: text, Style: widget.RichTextStyleParagraph})
}

func (d *document) list(items []string) {
	l := &widget.ListSegment{}
	for _, it := range items {
		l.Items = append(l.Items, &widget.TextSegment{Text: it, Style: widget.RichTextStyleParagraph})
	}
	d.segs = append(d.segs, l)
}

func (d *document) richText() *widget.RichText {
	rt := widget.NewRichText(d.segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// scrollPage puts page content in a vertical scroller with room around it.
func scrollPage(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(objs...)))
}

// field is a form field with its label above it, so long labels in any
// language never squeeze the field beside them.
func field(label string, obj fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, obj)
}

// wrapped is a word-wrapped label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrappedCheck is a check box whose label wraps (widget.Check's does not).
func wrappedCheck(label string, changed func(bool)) (*widget.Check, fyne.CanvasObject) {
	c := widget.NewCheck("", changed)
	// The box sits beside the label's first line.
	return c, container.NewBorder(nil, nil, container.NewVBox(c), nil, wrapped(label))
}
