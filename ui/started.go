package ui

import (
	"runtime/debug"
	"time"
)

// Fyne calls the app's started hook (Lifecycle().SetOnStarted) once its run
// loop starts. By then the window is mapped and its first frame painted: the
// desktop driver creates, shows and paints the window in win.Show, which
// showAndRun calls before app.Run. Work the first frame does not need waits
// for this event, so that on a small machine it does not compete with
// drawing the window.

// startupSettle is how long after Fyne's run loop starts Steady hands back
// the memory start-up no longer uses: by then the first frames are painted.
const startupSettle = time.Second

// hookStarted registers started as the app's started hook. Fyne keeps one
// hook: everything that waits for the first frame goes in started.
func (u *UI) hookStarted() {
	u.app.Lifecycle().SetOnStarted(u.started)
}

// started runs on Fyne's thread once the first frame is painted. It starts
// the open journal's background work, which start left for now
// (data.OpenDeferred): the check of every page, whose result watchDamage is
// waiting for, and the day's backup. Both read the whole journal; a write
// made before this starts the check itself and waits for it, so starting it
// late loses nothing. Then it gives the start-up memory back
// (returnStartupMemory) and announces "started".
func (u *UI) started() {
	if u.journal != nil {
		u.journal.StartBackground()
	}
	returnStartupMemory()
	u.announce("started")
}

// returnStartupMemory gives the system back, a moment after the first frame,
// the memory that building and painting it used and dropped. Laying out
// the first screen makes Fyne parse a copy of its emoji font and of a
// system fallback font for each text style, and go-text's system font scan
// reads whole font files: about 50 MB of Go heap that is garbage a moment
// later, but that the Go runtime would keep resident for minutes
// (docs/performance.md). One forced collection and scavenge, off the UI
// thread, costs a few milliseconds.
func returnStartupMemory() {
	time.AfterFunc(startupSettle, debug.FreeOSMemory)
}
