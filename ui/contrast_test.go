package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"
)

// textPairs are the theme's text colours and the backgrounds Fyne draws
// them on: a label on the window, an entry, a menu, a dialog; a button's
// text on its importance's colour; a coloured label (danger, warning,
// success, a link, a high-importance label) on the window.
var textPairs = []struct{ fg, bg fyne.ThemeColorName }{
	{theme.ColorNameForeground, theme.ColorNameBackground},
	{theme.ColorNameForeground, theme.ColorNameInputBackground},
	{theme.ColorNameForeground, theme.ColorNameMenuBackground},
	{theme.ColorNameForeground, theme.ColorNameOverlayBackground},
	{theme.ColorNameForeground, theme.ColorNameButton},
	{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
	{theme.ColorNameForegroundOnError, theme.ColorNameError},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
	{theme.ColorNameError, theme.ColorNameBackground},
	{theme.ColorNameWarning, theme.ColorNameBackground},
	{theme.ColorNameSuccess, theme.ColorNameBackground},
	{theme.ColorNamePrimary, theme.ColorNameBackground},
	{theme.ColorNameHyperlink, theme.ColorNameBackground},
	{theme.ColorNameError, theme.ColorNameOverlayBackground},
	{theme.ColorNameSuccess, theme.ColorNameOverlayBackground},
}

// graphicPairs are the shapes a person must see (WCAG non-text, 3:1): the
// outline of an unticked box or radio, an entry's border.
var graphicPairs = []struct{ fg, bg fyne.ThemeColorName }{
	{theme.ColorNameInputBorder, theme.ColorNameBackground},
	{theme.ColorNameInputBorder, theme.ColorNameOverlayBackground},
	{theme.ColorNameInputBorder, theme.ColorNameInputBackground},
}

// over is c drawn over bg (c may be translucent).
func over(c, bg color.Color) color.NRGBA {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a) + 0.5) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func TestThemeContrast(t *testing.T) {
	a := newTestApp(t)
	for _, variant := range []string{themeLight, themeDark} {
		th := newTheme(language.English, variant, 1)
		a.Settings().SetTheme(th)
		v := a.Settings().ThemeVariant()
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		window := col(theme.ColorNameBackground)
		check := func(kind string, fg, bg fyne.ThemeColorName, min float64) {
			back := over(col(bg), window)
			if c := contrast(over(col(fg), back), back); c < min {
				t.Errorf("%s: %s %s on %s: %.2f, want ≥ %.1f", variant, kind, fg, bg, c, min)
			}
		}
		for _, p := range textPairs {
			check("text", p.fg, p.bg, 4.5)
		}
		for _, p := range graphicPairs {
			check("outline", p.fg, p.bg, 3)
		}
		// Focus is not selection: a focused control must look unlike a
		// chosen one, and the focus mark must be seen on the window.
		focus := over(col(theme.ColorNameFocus), window)
		selected := over(col(theme.ColorNameSelection), window)
		if d := hueDistance(focus, selected); d < 60 {
			t.Errorf("%s: focus %v and selection %v differ by %.0f° of hue, want ≥ 60", variant, focus, selected, d)
		}
		if d := hueDistance(focus, over(col(theme.ColorNamePrimary), window)); d < 60 {
			t.Errorf("%s: focus %v looks like the primary colour (a chosen mood): %.0f°", variant, focus, d)
		}
		if c := contrast(focus, window); c < 1.4 {
			t.Errorf("%s: focus mark %v barely differs from the window: %.2f", variant, focus, c)
		}
		// A chart line on the window (chart.go makes theme colours readable).
		for _, n := range []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess} {
			if c := contrast(readable(col(n), window), window); c < 3 {
				t.Errorf("%s: chart line %s: %.2f", variant, n, c)
			}
		}
	}
}

// hueDistance is the difference in hue of a and b, in degrees (0 … 180).
func hueDistance(a, b color.NRGBA) float64 {
	d := hue(a) - hue(b)
	for d < 0 {
		d += 360
	}
	if d > 180 {
		d = 360 - d
	}
	return d
}

func hue(c color.NRGBA) float64 {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := max(r, g, b), min(r, g, b)
	if mx == mn {
		return 0
	}
	var h float64
	switch mx {
	case r:
		h = (g - b) / (mx - mn)
	case g:
		h = 2 + (b-r)/(mx-mn)
	default:
		h = 4 + (r-g)/(mx-mn)
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h
}
