package i18n_test

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/steadyapp/steady/i18n"
)

// stigma lists, per language, the words the glossary keeps out of Steady:
// "abuse", "addict" (the person; "addiction" itself is a health term the
// glossary allows), "junkie", "clean" and "dirty" for not using and using,
// and the legal or criminal framing of drug use (glossary rule 1). Each
// entry is a case-insensitive regular expression; \b only works for
// languages written with spaces.
var stigma = map[string][]string{
	"en":         {`\babus(e|er|ers|ing)\b`, `\baddicts?\b`, `\bjunkies?\b`, `\bclean\b`, `\bdirty\b`},
	"es":         {`\babus(o|os|ar|ador)\b`, `\badict[oa]s?\b`, `\bdrogadict`, `\blimpi[oa]s?\b`, `\bsuci[oa]s?\b`},
	"fr":         {`\babus\b`, `\btoxicomanes?\b`, `\bdrogu(é|ée|és|ées)(\P{L}|$)`, `\baccros?\b`, `\bclean\b`, `\bsales?\b`},
	"de":         {`missbrauch`, `\bs[üu]chtige[nr]?\b`, `\bjunkies?\b`, `\bclean\b`, `\bsauber\b`, `\bschmutzig`, `drogenabh[äa]ngige`},
	"pt-BR":      {`\babus(o|os|ar)\b`, `\bviciad[oa]s?\b`, `\bdrogad[oa]s?\b`, `\blimp[oa]s?\b`, `\bsuj[oa]s?\b`, `dependentes? químic`},
	"it":         {`\babus(o|i|are)\b`, `tossicodipendent`, `\bdrogat[oaie]\b`, `\bpulit[oaie]\b`, `\bsporc[oaie]\b`},
	"nl":         {`misbruik`, `\bverslaafden?\b`, `\bjunks?\b`, `\bjunkies?\b`, `\bclean\b`, `\bschoon\b`, `\bvies\b`},
	"pl":         {`nadużyw`, `narkoman`, `ćpun`, `\bczyst[yaeiu]\b`, `\bbrudn[yaei]\b`, `uzależnion[yaei]\b`},
	"zh-Hans":    {`滥用`, `吸毒`, `毒品`, `瘾君子`, `道友`, `干净`},
	"zh-Hant-TW": {`濫用`, `吸毒`, `毒品`, `癮君子`, `道友`, `乾淨`},
	"zh-Hant-HK": {`濫用`, `吸毒`, `毒品`, `癮君子`, `道友`, `乾淨`},
	"th":         {`ผู้เสพ`, `ขี้ยา`, `ติดยา`, `ใช้ยาในทางที่ผิด`, `สะอาด`},
	"vi":         {`lạm dụng`, `con nghiện`, `người nghiện`, `nghiện ma túy`, `\bsạch\b`},
	"id":         {`penyalahguna`, `pecandu`, `\bbersih\b`, `narkoba`},
	"ja":         {`乱用`, `中毒者`, `ジャンキー`, `クリーン`, `シャブ`},
}

// properNames are titles of sources that Steady cites by name; they are
// quoted, not Steady's own words, and are removed before the check.
var properNames = []string{
	"Facing Addiction in America",
	"Journal of Addiction Medicine",
}

// TestNoStigmatisingWords fails when any message of any language uses a
// word the glossary keeps out of the app.
func TestNoStigmatisingWords(t *testing.T) {
	tr := load(t)
	for _, l := range tr.Languages() {
		words, ok := stigma[l.Tag.String()]
		if !ok {
			t.Errorf("%s: no list of stigmatising words", l.Tag)
			continue
		}
		var res []*regexp.Regexp
		for _, w := range words {
			res = append(res, regexp.MustCompile(`(?i)`+w))
		}
		for _, m := range tr.Messages(l.Tag) {
			for form, v := range forms(m) {
				for _, n := range properNames {
					v = strings.ReplaceAll(v, n, "")
				}
				for _, re := range res {
					if w := re.FindString(v); w != "" {
						t.Errorf("%s %s (%s): %q", l.Tag, m.ID, form, w)
					}
				}
			}
		}
	}
}

// TestStigmaListsCatch makes sure the lists above are not toothless: each
// language's list finds a sample of the words it exists to catch.
func TestStigmaListsCatch(t *testing.T) {
	samples := map[string]string{
		"en": "an addict", "es": "adicto", "fr": "toxicomane", "de": "Missbrauch",
		"pt-BR": "viciado", "it": "tossicodipendente", "nl": "verslaafde", "pl": "narkoman",
		"zh-Hans": "吸毒", "zh-Hant-TW": "毒品", "zh-Hant-HK": "濫用", "th": "ผู้เสพ",
		"vi": "con nghiện", "id": "pecandu", "ja": "乱用",
	}
	for tag, s := range samples {
		found := false
		for _, w := range stigma[tag] {
			if regexp.MustCompile(`(?i)` + w).MatchString(s) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: list does not catch %q", tag, s)
		}
	}
}

// promise holds, per language, phrases that say more than the sources: the
// bladder warning must not make recovery depend on treatment ("if not
// treated early") and must say that stopping ketamine is what helps; the note
// for the later weeks must not promise that symptoms pass (the article says
// they can persist for several months).
var promise = map[string]struct {
	bladderNot []string // "if not treated early"
	bladderHas string   // "stopped" / "stop using"
	laterNot   []string // "and it does pass"
}{
	"en":         {[]string{"not treated", "treated early"}, "stopped", []string{"does pass", "it passes", "will pass"}},
	"es":         {[]string{"no se trata"}, "se deja", []string{"termina pasando", "pasará", "y pasa"}},
	"fr":         {[]string{"pas traitée"}, "arrêtée", []string{"finit par passer", "passera"}},
	"de":         {[]string{"nicht früh behandelt"}, "abgesetzt", []string{"geht vorbei", "vergeht"}},
	"pt-BR":      {[]string{"não for tratada"}, "interrompida", []string{"e passa", "vai passar"}},
	"it":         {[]string{"non vengono curati"}, "smetti", []string{"e passa", "passerà"}},
	"nl":         {[]string{"niet vroeg wordt behandeld"}, "stopt", []string{"gaat echt voorbij", "gaat voorbij"}},
	"pl":         {[]string{"nie zostanie wcześnie podjęte leczenie", "leczenie"}, "przestaniesz", []string{"to mija", "minie"}},
	"zh-Hans":    {[]string{"如不及早治疗", "治疗"}, "停用", []string{"终究会过去", "会过去"}},
	"zh-Hant-TW": {[]string{"沒有及早治療", "治療"}, "停用", []string{"終究會過去", "會過去"}},
	"zh-Hant-HK": {[]string{"如不及早治療", "治療"}, "停用", []string{"終會過去", "會過去"}},
	"th":         {[]string{"หากไม่ได้รับการรักษา"}, "หยุดใช้", []string{"จะผ่านไปได้", "จะหายไป"}},
	"vi":         {[]string{"không được điều trị"}, "ngừng", []string{"rồi sẽ qua", "sẽ qua"}},
	"id":         {[]string{"tidak diobati"}, "dihentikan", []string{"akan berlalu"}},
	"ja":         {[]string{"治療しないと"}, "やめる", []string{"過ぎていきます", "必ず"}},
}

// TestWarningsSayNoMoreThanTheSources checks the bladder warning and the
// note for the weeks after the first against the sources (shared/data/body.md,
// helplines.md; the article on withdrawal symptoms).
func TestWarningsSayNoMoreThanTheSources(t *testing.T) {
	tr := load(t)
	for _, l := range tr.Languages() {
		p, ok := promise[l.Tag.String()]
		if !ok {
			t.Errorf("%s: no promise phrases", l.Tag)
			continue
		}
		msgs := byID(tr.Messages(l.Tag))
		bladder, later := msgs["help.sign.bladder"].Other, msgs["phase.later"].Other
		for _, s := range p.bladderNot {
			if strings.Contains(bladder, s) {
				t.Errorf("%s help.sign.bladder ties recovery to treatment (%q): %s", l.Tag, s, bladder)
			}
		}
		if !strings.Contains(bladder, p.bladderHas) {
			t.Errorf("%s help.sign.bladder does not say that stopping ketamine helps (%q): %s", l.Tag, p.bladderHas, bladder)
		}
		for _, s := range p.laterNot {
			if strings.Contains(later, s) {
				t.Errorf("%s phase.later promises that it passes (%q): %s", l.Tag, s, later)
			}
		}
	}
	if tr.Supported(language.English) && i18n.Source != language.English {
		t.Error("the source language changed; revisit the English phrases")
	}
}
