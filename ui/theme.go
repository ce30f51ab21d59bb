package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/assets"
	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// Theme choices, as stored in the settings (data.SettingTheme; data checks
// a lock screen's choice against the same three words).
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// textScales are the text sizes on offer (Fyne reads FYNE_SCALE only at
// start, so Steady scales its theme's sizes instead).
var textScales = [...]float32{1, 1.25, 1.5}

// steadyTheme is Fyne's theme with a calm teal accent, the user's light or
// dark choice, their text size, and fonts that hold the glyphs of the current
// language (Chinese, Japanese and Thai need their own).
type steadyTheme struct {
	variant       string // themeSystem, themeLight or themeDark
	scale         float32
	regular, bold fyne.Resource // nil: Fyne's own font covers the language
}

func newTheme(lang language.Tag, variant string, scale float32) *steadyTheme {
	t := &steadyTheme{variant: variant, scale: scale}
	if r, b, ok := assets.Fonts(lang); ok {
		t.regular, t.bold = r, b
	} else {
		// Fyne's own font lacks Chinese, Japanese and Thai; this face holds
		// just the characters of the languages' own names (for the language
		// picker) with the built-in font's metrics, and Fyne falls back to
		// its own font for everything else.
		t.regular, t.bold = assets.LanguageNameFonts()
	}
	if t.scale <= 0 {
		t.scale = 1
	}
	return t
}

var (
	tealLight = color.NRGBA{R: 0x1f, G: 0x6f, B: 0x78, A: 0xff}
	tealDark  = color.NRGBA{R: 0x5f, G: 0xb3, B: 0xa8, A: 0xff}
)

// Color implements fyne.Theme.
func (t *steadyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if v == theme.VariantLight {
			return tealLight
		}
		return tealDark
	case theme.ColorNameFocus:
		// Keyboard focus is violet, never the teal of a choice: tabbing
		// onto "Low" must not look like choosing it.
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x70, G: 0x48, B: 0xe8, A: 0x66}
		}
		return color.NRGBA{R: 0xb1, G: 0x97, B: 0xfc, A: 0x66}
	case theme.ColorNameSelection:
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x1f, G: 0x6f, B: 0x78, A: 0x40}
		}
		return color.NRGBA{R: 0x5f, G: 0xb3, B: 0xa8, A: 0x40}
	case theme.ColorNameInputBorder:
		// The outline of an unticked box or radio, and of an entry: 3:1
		// against the window at least (contrast_test.go).
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}
		}
		return color.NRGBA{R: 0x8e, G: 0x8e, B: 0x93, A: 0xff}
	}
	if v == theme.VariantLight {
		// Fyne's light success, warning, error and placeholder colours are
		// below 4.5:1 as text on white and under white button text.
		switch n {
		case theme.ColorNameSuccess:
			return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
		case theme.ColorNameWarning:
			return color.NRGBA{R: 0xb4, G: 0x53, B: 0x09, A: 0xff}
		case theme.ColorNameError:
			return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
		case theme.ColorNamePlaceHolder:
			return color.NRGBA{R: 0x5f, G: 0x63, B: 0x68, A: 0xff}
		case theme.ColorNameForegroundOnSuccess, theme.ColorNameForegroundOnWarning, theme.ColorNameForegroundOnError:
			return color.White
		}
	}
	switch n {
	case theme.ColorNameForegroundOnPrimary:
		if v == theme.VariantLight {
			return color.White
		}
		return color.NRGBA{R: 0x10, G: 0x1a, B: 0x1c, A: 0xff}
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme.
func (t *steadyTheme) Font(s fyne.TextStyle) fyne.Resource {
	if t.regular == nil || s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return t.bold
	}
	return t.regular
}

// Icon implements fyne.Theme.
func (t *steadyTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme.
func (t *steadyTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n) * t.scale
}

// same reports whether t and o would draw alike.
func (t *steadyTheme) same(o *steadyTheme) bool {
	return t.variant == o.variant && t.scale == o.scale && t.regular == o.regular && t.bold == o.bold
}

// themeShell is what the theme picker asks of the shell: the translator,
// the current choice, to keep a new one (in the open journal, or as a lock
// screen choice) and to apply it.
type themeShell interface {
	translator() *i18n.Translator
	setting(key, def string) string
	save(key, value string) bool // keeps a setting, reporting a failure
	applyTheme()
}

var _ themeShell = (*UI)(nil)

// newThemePicker offers the system, light and dark themes; a choice applies
// at once, on the lock screen too.
func newThemePicker(s themeShell) *escSelect {
	tr := s.translator()
	themes := []string{themeSystem, themeLight, themeDark}
	names := []string{tr.T("settings.theme_system"), tr.T("settings.theme_light"), tr.T("settings.theme_dark")}
	sel := newEscSelect(names, nil)
	current := s.setting(data.SettingTheme, themeSystem)
	for i, t := range themes {
		if t == current {
			sel.Selected = names[i]
		}
	}
	sel.OnChanged = func(v string) {
		for i, n := range names {
			if n == v && s.save(data.SettingTheme, themes[i]) {
				s.applyTheme()
			}
		}
	}
	return sel
}
