package i18n

import "embed"

// FyneTranslations holds translations of Fyne's own strings (the file dialog
// and the text-field menu) for the languages Fyne does not ship, as
// fyne/base.<locale>.json; load them with lang.AddTranslationsFS. Fyne shows
// these in the system language.
//
//go:embed fyne/*.json
var FyneTranslations embed.FS
