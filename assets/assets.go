// Package assets holds the files Steady embeds in its binary: the app icon
// (SVG source and rendered PNGs) and, later, fonts.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is Steady's app icon (512 px PNG rendered from icon.svg by
// scripts/icons).
var Icon = fyne.NewStaticResource("steady.png", iconPNG)

//go:embed THIRD_PARTY_LICENSES.txt
var thirdParty string

// ThirdPartyLicenses is the licence text of every module compiled into
// Steady and of its fonts (made by scripts/licenses).
func ThirdPartyLicenses() string { return thirdParty }
