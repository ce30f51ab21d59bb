package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"golang.org/x/text/language"
)

// The faces are subsets of Noto fonts made by scripts/fonts from the message
// files (see fonts/README.md); fonts_test.go checks they hold every
// character the translations use.
var (
	//go:embed fonts/NotoSansSC-Regular.ttf
	notoSansSCRegular []byte
	//go:embed fonts/NotoSansSC-Bold.ttf
	notoSansSCBold []byte
	//go:embed fonts/NotoSansTC-Regular.ttf
	notoSansTCRegular []byte
	//go:embed fonts/NotoSansTC-Bold.ttf
	notoSansTCBold []byte
	//go:embed fonts/NotoSansHK-Regular.ttf
	notoSansHKRegular []byte
	//go:embed fonts/NotoSansHK-Bold.ttf
	notoSansHKBold []byte
	//go:embed fonts/NotoSansJP-Regular.ttf
	notoSansJPRegular []byte
	//go:embed fonts/NotoSansJP-Bold.ttf
	notoSansJPBold []byte
	//go:embed fonts/NotoSansThai-Regular.ttf
	notoSansThaiRegular []byte
	//go:embed fonts/NotoSansThai-Bold.ttf
	notoSansThaiBold []byte
	//go:embed fonts/LanguageNames-Regular.ttf
	languageNamesRegular []byte
	//go:embed fonts/LanguageNames-Bold.ttf
	languageNamesBold []byte
)

// face is a regular and a bold font. The resources are made once so that
// Fyne's font cache, keyed by resource, finds them again.
type face struct{ regular, bold fyne.Resource }

func newFace(name string, regular, bold []byte) face {
	return face{
		regular: fyne.NewStaticResource(name+"-Regular.ttf", regular),
		bold:    fyne.NewStaticResource(name+"-Bold.ttf", bold),
	}
}

var (
	faceSC    = newFace("NotoSansSC", notoSansSCRegular, notoSansSCBold)
	faceTC    = newFace("NotoSansTC", notoSansTCRegular, notoSansTCBold)
	faceHK    = newFace("NotoSansHK", notoSansHKRegular, notoSansHKBold)
	faceJP    = newFace("NotoSansJP", notoSansJPRegular, notoSansJPBold)
	faceThai  = newFace("NotoSansThai", notoSansThaiRegular, notoSansThaiBold)
	faceNames = newFace("LanguageNames", languageNamesRegular, languageNamesBold)
)

// Fonts returns the regular and bold faces for a language, or ok=false when
// Fyne's built-in font covers it.
//
// Chinese written in simplified characters (zh, zh-Hans, zh-CN, zh-SG) gets
// Noto Sans SC; traditional characters get Noto Sans HK in Hong Kong and
// Macau (zh-Hant-HK, zh-HK, zh-MO) and Noto Sans TC elsewhere (zh-Hant,
// zh-Hant-TW, zh-TW); Japanese gets Noto Sans JP and Thai Noto Sans Thai.
// Each face also holds ASCII, Latin-1, common punctuation and the characters
// of every language's own name. Italic text has no face of its own: use the
// regular or bold one.
func Fonts(tag language.Tag) (regular, bold fyne.Resource, ok bool) {
	f, ok := faceFor(tag)
	if !ok {
		return nil, nil, false
	}
	return f.regular, f.bold, true
}

func faceFor(tag language.Tag) (face, bool) {
	base, _ := tag.Base()
	switch base.String() {
	case "ja":
		return faceJP, true
	case "th":
		return faceThai, true
	case "zh":
	default:
		return face{}, false
	}
	// Script and Region guess what the tag leaves out: zh → Hans,
	// zh-TW and zh-HK → Hant, zh-Hant → TW.
	if script, _ := tag.Script(); script.String() == "Hans" {
		return faceSC, true
	}
	switch region, _ := tag.Region(); region.String() {
	case "HK", "MO":
		return faceHK, true
	}
	return faceTC, true
}

// LanguageNameFonts returns tiny regular and bold faces holding only the
// characters of the languages' own names that Fyne's built-in font lacks
// (such as 日本語 and ไทย) and the space characters, with the line metrics
// of Fyne's built-in font. A theme for a language without faces of its own
// (Fonts ok=false) can return them from Font: Fyne falls back to its
// built-in font for every other character, so text looks the same and a
// language picker can show every language's name.
func LanguageNameFonts() (regular, bold fyne.Resource) {
	return faceNames.regular, faceNames.bold
}
