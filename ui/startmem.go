package ui

import (
	"runtime/debug"
	"time"
)

// startupSettle is how long after Fyne's run loop starts Steady hands back
// the memory start-up no longer uses: by then the first frames are painted.
const startupSettle = time.Second

// returnStartupMemory gives the system back the memory that building and
// painting the first frame used and dropped. Laying out the first screen
// makes Fyne parse a copy of its emoji font and of a system fallback font
// for each text style, and go-text's system font scan reads whole font
// files: about 50 MB of Go heap that is garbage a moment later, but that
// the Go runtime would keep resident for minutes (docs/performance.md).
// One forced collection and scavenge, off the UI thread, costs a few
// milliseconds.
func (u *UI) returnStartupMemory() {
	u.app.Lifecycle().SetOnStarted(func() {
		time.AfterFunc(startupSettle, debug.FreeOSMemory)
	})
}
