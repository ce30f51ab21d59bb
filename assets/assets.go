// Package assets holds the files Steady embeds in its binary: the app icon
// (SVG source and rendered PNGs) and, later, fonts.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icons/steady-256.png
var iconPNG []byte

// Icon is Steady's app icon as its windows show it (256 px PNG rendered
// from icon.svg by scripts/icons). Fyne decodes it and hands every pixel
// to the window system as the window is created (on X11, 8 bytes a pixel:
// 0.5 MB at 256 px, 2 MB at 512), so it is the largest size a window's icon
// is drawn at, not the 512 px icon the packages install.
var Icon = fyne.NewStaticResource("steady.png", iconPNG)

//go:embed THIRD_PARTY_LICENSES.txt
var thirdParty string

// ThirdPartyLicenses is the licence text of every module compiled into
// Steady and of its fonts (made by scripts/licenses).
func ThirdPartyLicenses() string { return thirdParty }
