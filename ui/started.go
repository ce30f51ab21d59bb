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
// late loses nothing. Then, a second later, it restores the collector's
// usual target and gives the start-up memory back (returnStartupMemory),
// and it announces "started".
func (u *UI) started() {
	if u.journal != nil {
		u.journal.StartBackground()
	}
	returnStartupMemory(u.gcAfterStart)
	u.announce("started")
}

// startupGCPercent is the Go collector's target (GOGC) while the first
// frame is built: the heap may grow to five times what was live after the
// last collection before the next one. Building and painting the first
// screen allocates about 60 MB that is garbage moments later (mostly
// Fyne's parsed fonts, see returnStartupMemory); at the default 100 the
// collector ran seven times before the window was mapped, each time on the
// second of two cores that the window system also needs. The memory is
// handed back one second after the first frame either way.
const startupGCPercent = 400

// relaxGCForStart sets startupGCPercent and returns the target to restore
// once the first frame is painted (started), or 0 when it left the target
// alone: the collector is off (GOGC=off) or already runs less often.
func relaxGCForStart() (restore int) {
	was := debug.SetGCPercent(startupGCPercent)
	if was <= 0 || was >= startupGCPercent {
		debug.SetGCPercent(was)
		return 0
	}
	return was
}

// returnStartupMemory gives the system back, a moment after the first frame,
// the memory that building and painting it used and dropped. Laying out
// the first screen makes Fyne parse a copy of its emoji font and of a
// system fallback font for each text style, and go-text's system font scan
// reads whole font files: about 50 MB of Go heap that is garbage a moment
// later, but that the Go runtime would keep resident for minutes
// (docs/performance.md). One forced collection and scavenge, off the UI
// thread, costs a few milliseconds. gcPercent, if positive, is the
// collector's target to restore first (relaxGCForStart).
func returnStartupMemory(gcPercent int) {
	time.AfterFunc(startupSettle, func() { settleGC(gcPercent) })
}

// settleGC restores the collector's target gcPercent, if positive, then
// collects and returns the freed memory to the system.
func settleGC(gcPercent int) {
	if gcPercent > 0 {
		debug.SetGCPercent(gcPercent)
	}
	debug.FreeOSMemory()
}
