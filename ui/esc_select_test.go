package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// paintedDriver answers CanvasForObject as Fyne's desktop driver does for a
// widget: with the canvas of the window showing it, and nil for one no
// window shows yet (glfw records it only when it paints it). Fyne's test
// driver returns the last window's canvas for any object. Only containers
// are walked (building a widget's renderer here would ask for canvases
// again): enough for a Select placed in a container.
type paintedDriver struct{ fyne.Driver }

// CanvasForObject implements fyne.Driver.
func (d paintedDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	for _, w := range d.AllWindows() {
		c := w.Canvas()
		roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
		if slices.ContainsFunc(roots, func(r fyne.CanvasObject) bool { return holds(r, o) }) {
			return c
		}
	}
	return nil
}

// holds reports whether o is root or inside root's containers.
func holds(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	if c, ok := root.(*fyne.Container); ok {
		return slices.ContainsFunc(c.Objects, func(in fyne.CanvasObject) bool { return holds(in, o) })
	}
	return false
}

// paintedApp is a Fyne app whose driver is a paintedDriver.
type paintedApp struct {
	fyne.App
	driver paintedDriver
}

// Driver implements fyne.App.
func (a paintedApp) Driver() fyne.Driver { return a.driver }

// TestSelectOpensOnlyOnACanvas: a Select tapped (or opened from the
// keyboard) before Fyne knows its canvas — window content swapped, the new
// content not yet painted — does nothing; Fyne's own Select panicked there
// (nil canvas in NewPopUpMenu, found by random clicks on the real window).
// Once the same Select is on a window, it opens its list.
func TestSelectOpensOnlyOnACanvas(t *testing.T) {
	a := newTestApp(t)
	t.Cleanup(func() { fyne.SetCurrentApp(a) })
	fyne.SetCurrentApp(paintedApp{App: a, driver: paintedDriver{a.Driver()}})

	for _, tc := range []struct {
		name string
		open func(*escSelect)
	}{
		{"tap", func(s *escSelect) { s.Tapped(&fyne.PointEvent{}) }},
		{"space", func(s *escSelect) { s.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) }},
		{"down", func(s *escSelect) { s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }},
		{"up", func(s *escSelect) { s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := a.NewWindow("steady")
			defer w.Close()
			w.SetContent(container.NewVBox())
			w.Resize(fyne.NewSize(300, 300))
			s := newEscSelect([]string{"one", "two"}, nil)

			tc.open(s) // used to panic: no canvas yet
			if top := w.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("a Select on no canvas opened %T", top)
			}

			w.SetContent(container.NewVBox(s))
			tc.open(s)
			if w.Canvas().Overlays().Top() == nil {
				t.Fatal("the Select on the window did not open its list")
			}
		})
	}
}
