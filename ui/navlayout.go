package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// sideBySide is the navigation beside the section on screen. The
// navigation lists each section with its icon and name; when the window is
// too narrow for the names and the section together (a long language at
// 600 px), it shows the icons alone, so the section keeps the width it
// needs and nothing is squeezed or scrolls sideways.
func (u *UI) sideBySide() fyne.CanvasObject {
	icons := widget.NewList(
		func() int { return len(u.ids) },
		func() fyne.CanvasObject { return widget.NewIcon(nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Icon).SetResource(u.sections()[i].icon)
		})
	syncing := false
	icons.OnSelected = func(i widget.ListItemID) {
		if !syncing {
			u.selectSection(u.ids[i])
		}
	}
	named := container.NewBorder(nil, nil, nil, widget.NewSeparator(), u.nav)
	compact := container.NewBorder(nil, nil, nil, widget.NewSeparator(), icons)
	side := container.New(&navLayout{named: named, compact: compact}, named, compact, u.stack)
	full := u.nav.OnSelected
	u.nav.OnSelected = func(i widget.ListItemID) {
		full(i)
		syncing = true
		icons.Select(i)
		syncing = false
		// The section now on screen may need more width than the last
		// one: choose between names and icons again.
		side.Refresh()
	}
	u.care.navIcons = icons
	return side
}

// navLayout places [named nav, icon nav, section]: the named navigation
// when the section still gets its minimum width beside it, else the icons.
type navLayout struct{ named, compact fyne.CanvasObject }

func (l *navLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	section := objs[2]
	nav, other := l.named, l.compact
	if l.named.MinSize().Width+section.MinSize().Width > size.Width {
		nav, other = l.compact, l.named
	}
	other.Hide()
	nav.Show()
	w := nav.MinSize().Width
	nav.Move(fyne.NewPos(0, 0))
	nav.Resize(fyne.NewSize(w, size.Height))
	section.Move(fyne.NewPos(w, 0))
	section.Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (l *navLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	section := objs[2].MinSize()
	nav := l.compact.MinSize()
	return fyne.NewSize(nav.Width+section.Width, max(nav.Height, section.Height))
}

// topThenRest puts top above rest. When the window is too short for both,
// top scrolls within at most half the height and rest keeps the other half
// (History's filters above its list at 600×400).
func topThenRest(top, rest fyne.CanvasObject) fyne.CanvasObject {
	scroll := container.NewVScroll(top)
	return container.New(&topRestLayout{top: top}, scroll, rest)
}

type topRestLayout struct{ top fyne.CanvasObject }

func (l *topRestLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := min(l.top.MinSize().Height, max(size.Height/2, size.Height-objs[1].MinSize().Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, h))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-h))
}

func (l *topRestLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	rest := objs[1].MinSize()
	return fyne.NewSize(max(l.top.MinSize().Width, rest.Width), rest.Height*2)
}
