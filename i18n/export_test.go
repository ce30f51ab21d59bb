package i18n

import (
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// LocalizeStrict localizes a plural message in exactly one language, with no
// fallback, so a missing plural form is an error (for tests).
func (t *Translator) LocalizeStrict(tag language.Tag, id string, count int) (string, error) {
	if err := t.parse(tag); err != nil {
		return "", err
	}
	return goi18n.NewLocalizer(t.bundle, tag.String()).Localize(&goi18n.LocalizeConfig{
		MessageID: id, PluralCount: count, TemplateData: map[string]any{"Count": count},
	})
}
