// Package i18n loads Steady's translations and serves them in the user's
// language. English is the source; every other language has exactly the same
// message IDs. The message files are embedded in the binary.
package i18n

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var localeFS embed.FS

// Source is the language every other is translated from.
var Source = language.English

// Language is one language Steady speaks.
type Language struct {
	Tag  language.Tag
	Name string // the language's own name for itself, e.g. "Español"
}

// Translator serves messages in the current language. Change the language
// with Set; listeners registered with OnChange are told. A Translator is meant
// to be used from the UI goroutine.
//
// Only the source language and the current one are parsed: the other message
// files are parsed when first used, which keeps start-up short.
type Translator struct {
	bundle    *goi18n.Bundle
	fsys      fs.FS
	paths     map[language.Tag]string // every message file, read when parsed
	files     map[language.Tag]*goi18n.MessageFile
	languages []Language
	matcher   language.Matcher

	current   language.Tag
	thai      bool // current is Thai: messages get line-break marks
	localizer *goi18n.Localizer
	listeners []func(language.Tag)
}

// New loads the embedded message files and starts in English.
func New() (*Translator, error) {
	return Load(localeFS, "locales")
}

// nativeName finds a message file's [language] name without parsing the
// whole file (TestNativeNamesMatchFiles checks it against the parser).
var nativeName = regexp.MustCompile(`(?m)^\[language\]\s*\nname\s*=\s*"([^"]+)"`)

// Load finds every *.toml message file in dir of fsys. The file names are
// language tags (en.toml, es.toml, zh-Hant-TW.toml). The source language
// must be among them. Of each other file only the head, with the language's
// own name, is read now; the rest when the language is first used, and no
// file's text is kept once parsed.
func Load(fsys fs.FS, dir string) (*Translator, error) {
	paths, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("load translations: %w", err)
	}
	b := goi18n.NewBundle(Source)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	t := &Translator{bundle: b, fsys: fsys, paths: map[language.Tag]string{},
		files: map[language.Tag]*goi18n.MessageFile{}}
	native := map[language.Tag]string{}
	for _, p := range paths {
		tag, err := language.Parse(strings.TrimSuffix(path.Base(p), ".toml"))
		if err != nil {
			return nil, fmt.Errorf("load translations %s: file name is not a language tag: %w", p, err)
		}
		name, err := readNativeName(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("load translations %s: %w", p, err)
		}
		t.paths[tag], native[tag] = p, name
	}
	if _, ok := t.paths[Source]; !ok {
		return nil, fmt.Errorf("load translations: no %s messages in %s", Source, dir)
	}
	if err := t.parse(Source); err != nil {
		return nil, err
	}
	for _, tag := range order(t.paths) {
		t.languages = append(t.languages, Language{Tag: tag, Name: native[tag]})
	}
	tags := make([]language.Tag, len(t.languages))
	for i, l := range t.languages {
		tags[i] = l.Tag
	}
	t.matcher = language.NewMatcher(tags)
	t.use(Source)
	return t, nil
}

// parse adds one language's messages to the bundle, once.
func (t *Translator) parse(tag language.Tag) error {
	if _, done := t.files[tag]; done {
		return nil
	}
	buf, err := fs.ReadFile(t.fsys, t.paths[tag])
	if err != nil {
		return fmt.Errorf("load translations: %w", err)
	}
	name := path.Base(t.paths[tag])
	mf, err := t.bundle.ParseMessageFileBytes(buf, name)
	if err != nil {
		return fmt.Errorf("load translations %s: %w", name, err)
	}
	t.files[tag] = mf
	return nil
}

// nativeHead is how much of a message file readNativeName reads first: its
// [language] table comes right after the opening comment.
const nativeHead = 4 << 10

// readNativeName returns the [language] name of the message file p, reading
// only its head when the name is there, the whole file when it is not.
func readNativeName(fsys fs.FS, p string) (string, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, nativeHead))
	if err != nil {
		return "", err
	}
	// A name cut off by the end of the head has no closing quote there,
	// so it does not match, and the whole file is read.
	if m := nativeName.FindSubmatch(head); m != nil {
		return string(m[1]), nil
	}
	whole, err := fs.ReadFile(fsys, p)
	if err != nil {
		return "", err
	}
	m := nativeName.FindSubmatch(whole)
	if m == nil {
		return "", errors.New("no [language] name")
	}
	return string(m[1]), nil
}

// order puts the source first, then the other languages by tag.
func order(files map[language.Tag]string) []language.Tag {
	tags := []language.Tag{Source}
	var rest []string
	byName := map[string]language.Tag{}
	for tag := range files {
		if tag != Source {
			rest = append(rest, tag.String())
			byName[tag.String()] = tag
		}
	}
	slices.Sort(rest)
	for _, n := range rest {
		tags = append(tags, byName[n])
	}
	return tags
}

func (t *Translator) use(tag language.Tag) {
	t.current = tag
	base, _ := tag.Base()
	t.thai = base.String() == "th"
	t.localizer = goi18n.NewLocalizer(t.bundle, tag.String(), Source.String())
}

// Languages returns the languages Steady speaks, the source first.
func (t *Translator) Languages() []Language { return t.languages }

// Language returns the current language.
func (t *Translator) Language() language.Tag { return t.current }

// Supported reports whether tag is one of the languages exactly.
func (t *Translator) Supported(tag language.Tag) bool {
	_, ok := t.paths[tag]
	return ok
}

// Set switches to tag, which must be one of Languages, and tells the
// listeners. Setting the current language again does nothing.
func (t *Translator) Set(tag language.Tag) error {
	if !t.Supported(tag) {
		return fmt.Errorf("set language %q: not supported", tag)
	}
	if tag == t.current {
		return nil
	}
	if err := t.parse(tag); err != nil {
		return fmt.Errorf("set language %q: %w", tag, err)
	}
	t.use(tag)
	for _, f := range t.listeners {
		f(tag)
	}
	return nil
}

// OnChange registers f to be called after every language change.
func (t *Translator) OnChange(f func(language.Tag)) {
	t.listeners = append(t.listeners, f)
}

// T returns the message with the given ID in the current language, filling
// its template with the optional data (key, value pairs). An unknown ID comes
// back as itself, so a mistake shows on screen instead of an empty label.
// Thai messages come with BreakMark between words (see Breakable); pass text
// that leaves Steady, such as a file's column names, through Unbreakable.
func (t *Translator) T(id string, kv ...any) string {
	return t.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: pairs(kv)})
}

// N returns the plural message with the given ID for count, with {{.Count}}
// set to count and the optional data.
func (t *Translator) N(id string, count int, kv ...any) string {
	data := pairs(kv)
	if data == nil {
		data = map[string]any{}
	}
	data["Count"] = count
	return t.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
}

func (t *Translator) localize(cfg *goi18n.LocalizeConfig) string {
	s, err := t.localizer.Localize(cfg)
	if err != nil && s == "" {
		return cfg.MessageID
	}
	if t.thai {
		s = Breakable(s) // see thai.go
	}
	return s
}

func pairs(kv []any) map[string]any {
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}

// Messages returns the messages of one language, for checks and tools; nil
// for an unknown language or one whose file does not parse.
func (t *Translator) Messages(tag language.Tag) []*goi18n.Message {
	if !t.Supported(tag) || t.parse(tag) != nil {
		return nil
	}
	return t.files[tag].Messages
}

// Match returns the supported language that best fits a system locale such
// as "es-MX", "zh_TW.UTF-8" or "C". Locales with no language (C, POSIX,
// empty) and unknown languages give the source language.
func (t *Translator) Match(locale string) language.Tag {
	locale = strings.TrimSpace(locale)
	if i := strings.IndexAny(locale, ".@"); i >= 0 {
		locale = locale[:i]
	}
	locale = strings.ReplaceAll(locale, "_", "-")
	switch strings.ToUpper(locale) {
	case "", "C", "POSIX":
		return Source
	}
	want, err := language.Parse(locale)
	if err != nil {
		return Source
	}
	_, idx, conf := t.matcher.Match(want)
	if conf == language.No {
		return Source
	}
	return t.languages[idx].Tag
}

// Pick chooses the language to start in: an explicit choice (a command-line
// flag), then the user's saved choice, then the best match for the system
// locale. Empty or unsupported choices are skipped.
func (t *Translator) Pick(explicit, saved, systemLocale string) language.Tag {
	for _, s := range []string{explicit, saved} {
		if s == "" {
			continue
		}
		if tag, err := language.Parse(s); err == nil && t.Supported(tag) {
			return tag
		}
		if tag := t.Match(s); tag != Source || strings.HasPrefix(strings.ToLower(s), "en") {
			return tag
		}
	}
	return t.Match(systemLocale)
}

// RegionOf returns the country of a system locale such as "en_GB.UTF-8"
// ("GB"), or "" when it names none.
func RegionOf(locale string) string {
	if i := strings.IndexAny(locale, ".@"); i >= 0 {
		locale = locale[:i]
	}
	tag, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(locale), "_", "-"))
	if err != nil {
		return ""
	}
	r, conf := tag.Region()
	if conf != language.Exact {
		return ""
	}
	return r.String()
}
