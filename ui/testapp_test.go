package ui

import (
	"testing"
	"time"
	_ "unsafe" // for go:linkname, below

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// newTestApp is test.NewTempApp that also, when the test ends, empties
// Fyne's caches of widget renderers and of the canvas each object is on.
//
// Fyne keeps every widget's renderer in a global cache until it has not been
// used for a minute, and only its drivers' paint loops throw expired ones
// away; the test driver never paints, so without this every test's window
// (and through the widgets' callbacks its UI, journal and translator) stayed
// in memory until the package's tests ended: 1.5 GB of live heap by the
// last test, every garbage collection scanning all of it. With it, the live
// heap stays under 70 MB and the package's tests take 75 s instead of 109 s.
// The ui package's tests do not run in parallel, so a test that ends takes
// no other test's renderers with it.
func newTestApp(t testing.TB) fyne.App {
	a := test.NewTempApp(t)
	t.Cleanup(forgetRenderers)
	return a
}

// Fyne exports no way to empty these caches; the linker reaches its own
// clean-up functions. If Fyne renames them, the tests fail to link, loudly.

//go:linkname destroyExpiredRenderers fyne.io/fyne/v2/internal/cache.destroyExpiredRenderers
func destroyExpiredRenderers(now time.Time)

//go:linkname destroyExpiredCanvases fyne.io/fyne/v2/internal/cache.destroyExpiredCanvases
func destroyExpiredCanvases(now time.Time)

// forgetRenderers destroys every cached renderer and forgets every object's
// canvas, as Fyne's own clean-up does for those expired by the time given.
func forgetRenderers() {
	later := time.Now().Add(100 * 365 * 24 * time.Hour)
	destroyExpiredRenderers(later)
	destroyExpiredCanvases(later)
}
