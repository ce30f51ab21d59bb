package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Before it can measure a word, Fyne parses the faces of its text style:
// the theme's font, Fyne's own font as the fallback, the emoji font, and a
// system font found by a scan of the system's fonts, once per style, on
// the thread that first needs them. The first frame of Steady needs two
// styles, regular and bold (a bare window's label needs one). warmFonts
// parses the bold faces on another core while the main thread builds the
// window in the regular style: on two cores the start-up no longer waits
// for both one after the other. Fyne keeps the faces in a cache safe for
// use from any goroutine; the theme is read without a lock, so this runs
// only once the start-up theme is set (rebuild), and only in the app
// (Run), never while a test changes the theme.
func warmFonts() {
	go fyne.MeasureText("Steady", theme.TextSize(), fyne.TextStyle{Bold: true})
}
