package assets

import (
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/language"
)

// PDFFonts returns TrueType regular and bold faces that write a language's
// text into a PDF: the language's own faces (see Fonts) for Chinese,
// Japanese and Thai, and Fyne's built-in Noto Sans, which covers the Latin,
// Greek and Cyrillic scripts, for every other language. The bytes are
// shared: do not change them.
func PDFFonts(tag language.Tag) (regular, bold []byte) {
	if f, ok := faceFor(tag); ok {
		return f.regular.Content(), f.bold.Content()
	}
	return theme.DefaultTextFont().Content(), theme.DefaultTextBoldFont().Content()
}
