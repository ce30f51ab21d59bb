package ui

import "github.com/go-text/typesetting/fontscan"

// Before Fyne measures its first word it brings go-text's index of the
// system's fonts up to date (the fallback for letters the theme's fonts
// lack): it reads the index file kept in the user's cache folder, looks at
// every system font folder for changes, loads one font to check that one
// is usable, and writes the index back. That is about 30 ms of a 200 ms
// start on the bench's machine, and Fyne does it on the main thread, after
// the window system is set up, when the first screen is built.
//
// The index is one per process (fontscan builds it once, under a sync.Once,
// whichever font map asks first), so indexFonts asks for it on another
// goroutine as the app starts: the index is then built on the second core
// while the main thread sets up the window system and opens the journal,
// and Fyne finds it ready. It is the same work with the same cache folder
// Fyne would use (fyne.io/fyne/v2/internal/painter's loadSystemFonts), so
// nothing else changes: no file is written that Fyne would not write.
//
// If the index cannot be built (no fonts at all), fontscan's once is spent
// and Fyne's own font map is left empty, which Fyne handles as it handles
// a missing index: no system fallback, the theme's fonts only.
//
// done is closed when the index is ready (tests wait on it).
func indexFonts() (done <-chan struct{}) {
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		// "": the user's cache folder, as Fyne's desktop driver asks.
		_ = fontscan.NewFontMap(quietFontLog{}).UseSystemFonts("")
	}()
	return ch
}

// quietFontLog drops fontscan's progress messages, as Fyne's font map does.
type quietFontLog struct{}

func (quietFontLog) Printf(string, ...any) {}
