// Package i18n loads Steady's translations and serves them in the user's
// language. English is the source; every other language has exactly the same
// message IDs. The message files are embedded in the binary.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
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
type Translator struct {
	bundle    *goi18n.Bundle
	files     map[language.Tag]*goi18n.MessageFile
	languages []Language
	matcher   language.Matcher

	current   language.Tag
	localizer *goi18n.Localizer
	listeners []func(language.Tag)
}

// New loads the embedded message files and starts in English.
func New() (*Translator, error) {
	return Load(localeFS, "locales")
}

// Load reads every *.toml message file in dir of fsys. The file names are
// language tags (en.toml, es.toml, zh-Hant-TW.toml). The source language
// must be among them.
func Load(fsys fs.FS, dir string) (*Translator, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("load translations: %w", err)
	}
	b := goi18n.NewBundle(Source)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	t := &Translator{bundle: b, files: map[language.Tag]*goi18n.MessageFile{}}
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load translations: %w", err)
		}
		mf, err := b.ParseMessageFileBytes(buf, path.Base(name))
		if err != nil {
			return nil, fmt.Errorf("load translations %s: %w", name, err)
		}
		t.files[mf.Tag] = mf
	}
	if _, ok := t.files[Source]; !ok {
		return nil, fmt.Errorf("load translations: no %s messages in %s", Source, dir)
	}
	for _, tag := range order(t.files) {
		t.languages = append(t.languages, Language{Tag: tag, Name: t.in(tag, "language.name")})
	}
	tags := make([]language.Tag, len(t.languages))
	for i, l := range t.languages {
		tags[i] = l.Tag
	}
	t.matcher = language.NewMatcher(tags)
	t.use(Source)
	return t, nil
}

// order puts the source first, then the other languages by tag.
func order(files map[language.Tag]*goi18n.MessageFile) []language.Tag {
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

func (t *Translator) in(tag language.Tag, id string) string {
	s, err := goi18n.NewLocalizer(t.bundle, tag.String()).Localize(&goi18n.LocalizeConfig{MessageID: id})
	if err != nil {
		return tag.String()
	}
	return s
}

func (t *Translator) use(tag language.Tag) {
	t.current = tag
	t.localizer = goi18n.NewLocalizer(t.bundle, tag.String(), Source.String())
}

// Languages returns the languages Steady speaks, the source first.
func (t *Translator) Languages() []Language { return t.languages }

// Language returns the current language.
func (t *Translator) Language() language.Tag { return t.current }

// Supported reports whether tag is one of the languages exactly.
func (t *Translator) Supported(tag language.Tag) bool {
	_, ok := t.files[tag]
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

// Messages returns the raw messages of one language, for checks and tools.
func (t *Translator) Messages(tag language.Tag) []*goi18n.Message {
	if mf, ok := t.files[tag]; ok {
		return mf.Messages
	}
	return nil
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
