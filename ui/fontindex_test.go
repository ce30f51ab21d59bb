package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The index is built beside Fyne's own text measuring, which asks go-text
// for the same index: under -race this shows the two share it safely, and
// that text is still measured (with the index ready or not yet).
func TestFontIndexBesideMeasuring(t *testing.T) {
	newTestApp(t)
	done := indexFonts()
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}}
	for _, st := range styles {
		if w := fyne.MeasureText("Steady ไทย 日本語", theme.TextSize(), st).Width; w <= 0 {
			t.Errorf("%+v: measured %v wide", st, w)
		}
	}
	<-done
	if w := fyne.MeasureText("Steady", theme.TextSize(), fyne.TextStyle{Monospace: true}).Width; w <= 0 {
		t.Errorf("after the index: measured %v wide", w)
	}
}
