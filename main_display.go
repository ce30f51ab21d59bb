package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/steadyapp/steady/i18n"
)

// Fyne's desktop driver (GLFW) needs a display. Without one it does not
// return an error: it logs one and then panics deep inside the first window
// it makes. Steady says instead, in the user's language, that no screen was
// found and how to start it, and exits with status 2 — before anything has
// touched the data folder.

// exitNoDisplay is the exit status when there is no display.
const exitNoDisplay = 2

// noDisplayPanic reports whether r, recovered from a panic, is GLFW saying
// it was never initialised: it found no display to connect to.
func noDisplayPanic(r any) bool {
	return fmt.Sprintf("%T", r) == "*glfw.Error" && strings.HasPrefix(fmt.Sprint(r), "NotInitialized")
}

// sayNoDisplay writes the message id (nodisplay.unset or nodisplay.failed)
// to w, with the display that was tried, without Steady's line-break marks
// (a terminal breaks lines itself).
func sayNoDisplay(w io.Writer, tr *i18n.Translator, id, display string) {
	fmt.Fprintln(w, "steady:", i18n.Unbreakable(tr.T(id, "Display", display)))
}
