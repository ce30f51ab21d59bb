package report

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
	"golang.org/x/text/language"
)

func TestSummarize(t *testing.T) {
	z := time.FixedZone("", 2*3600)
	at := func(day, hour int) time.Time { return time.Date(2026, 10, day, hour, 0, 0, 0, z) }
	yes, no := true, false
	sleep := 6.0
	pain := func(v int) *data.Body { return &data.Body{PainBladder: &v} }
	entries := []data.Entry{
		{At: at(9, 9), Mood: 5, Craving: 1, Body: pain(3)}, // before the period: flags only
		{At: at(10, 9), Mood: 2, Craving: 7, SleepHours: &sleep, Triggers: []string{"trigger.stress"},
			Coping: []string{"coping.walk"}, CravingPassed: &yes, Symptoms: []string{"symptom.sleep.insomnia"}, Body: pain(4)},
		{At: at(10, 20), Mood: 4, Craving: 3, Triggers: []string{"trigger.stress", "trigger.pain"},
			Coping: []string{"coping.walk"}, CravingPassed: &no, Symptoms: []string{"symptom.sleep.insomnia"},
			Note: "evening", Body: &data.Body{Medical: "GP at 4", Blood: data.BloodRed}},
		{At: at(11, 1), Mood: 1, Craving: 9, Used: true, Coping: []string{"coping.walk"}, Body: pain(5)},
		{At: at(13, 9), Mood: 3, Craving: 2, Symptoms: []string{"symptom.sleep.insomnia"}},
		{At: at(14, 9), Mood: 3, Craving: 2}, // after the period
	}
	s := summarize(entries, at(10, 0), at(13, 0), time.Time{}, at(11, 1))
	if s.checkins != 4 || len(s.days) != 4 || !s.first.Equal(time.Date(2026, 10, 10, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("checkins %d, days %d, first %v", s.checkins, len(s.days), s.first)
	}
	d := s.daily[0]
	if d.mood != 3 || d.craving != 7 || d.sleep != 6 || d.lapse {
		t.Errorf("day 1 %+v", d)
	}
	if !s.daily[1].lapse || s.daily[1].craving != 9 || !math.IsNaN(s.daily[2].mood) || !math.IsNaN(s.daily[1].sleep) {
		t.Errorf("days 2, 3: %+v %+v", s.daily[1], s.daily[2])
	}
	if len(s.lapses) != 1 || !s.lapses[0].At.Equal(at(11, 1)) {
		t.Errorf("lapses %v", s.lapses)
	}
	if want := []data.TagCount{{Tag: "trigger.stress", Count: 2}, {Tag: "trigger.pain", Count: 1}}; !slices.Equal(s.triggers, want) {
		t.Errorf("triggers %v", s.triggers)
	}
	if want := []copingStat{{tag: "coping.walk", times: 3, passed: 1, notYet: 1}}; !slices.Equal(s.coping, want) {
		t.Errorf("coping %+v", s.coping)
	}
	// Symptoms count days, not check-ins.
	if want := []data.TagCount{{Tag: "symptom.sleep.insomnia", Count: 2}}; !slices.Equal(s.symptoms, want) {
		t.Errorf("symptoms %v", s.symptoms)
	}
	if len(s.medical) != 1 || len(s.notes) != 1 {
		t.Errorf("medical %d, notes %d", len(s.medical), len(s.notes))
	}
	if s.body[0].PainBladder != 4 || s.body[0].Blood != data.BloodRed || s.body[1].PainBladder != 5 || s.body[2].Recorded() {
		t.Errorf("body %+v", s.body[:3])
	}
	// Pain on 9, 10 and 11 October: the rule holds on the 11th (the 9th is
	// before the period but counts); visible blood on the 10th.
	want := []flagRun{
		{level: data.FlagSoon, sign: data.SignBlood, first: s.days[0], last: s.days[0], days: 1},
		{level: data.FlagSoon, sign: data.SignPainDays, first: s.days[1], last: s.days[1], days: 1},
	}
	if !slices.Equal(s.flags, want) {
		t.Errorf("flags %+v, want %+v", s.flags, want)
	}
}

func TestRuns(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 10, d, 9, 0, 0, 0, time.UTC) }
	date := func(d int) time.Time { return time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC) }
	f := func(d int, sign string, l data.FlagLevel) data.Flag {
		return data.Flag{Level: l, Sign: sign, At: day(d)}
	}
	flags := []data.Flag{
		f(1, data.SignPainDays, data.FlagSoon), f(2, data.SignPainDays, data.FlagSoon), f(2, data.SignClots, data.FlagNow),
		f(4, data.SignPainDays, data.FlagSoon), // a day without it in between: same run
		f(8, data.SignPainDays, data.FlagSoon), // three days without: a new run
		f(8, data.SignPainDays, data.FlagSoon), // the same day twice counts once
	}
	got := runs(flags)
	want := []flagRun{
		{level: data.FlagSoon, sign: data.SignPainDays, first: date(1), last: date(4), days: 3},
		{level: data.FlagNow, sign: data.SignClots, first: date(2), last: date(2), days: 1},
		{level: data.FlagSoon, sign: data.SignPainDays, first: date(8), last: date(8), days: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("runs\n got %+v\nwant %+v", got, want)
	}
}

// TestWrap checks line breaking in every script the report writes: no
// line wider than asked, no text lost, no line starting with a combining
// mark, and Chinese and Japanese broken between characters.
func TestWrap(t *testing.T) {
	tests := []struct {
		lang, text string
		width      float64
	}{
		{"en", "Bladder symptoms more than 4 weeks after the quit date", 30},
		{"de", "Blasenbeschwerden mehr als 4 Wochen nach dem Aufhördatum", 25},
		{"ja", "ケタミンをやめて 4 週間を過ぎても続く膀胱の症状は、泌尿器科で診てもらう必要があります。", 30},
		{"zh-Hant-TW", "停用愷他命 4 週後仍有的膀胱症狀，應由泌尿科評估。", 20},
		{"th", "อาการทางกระเพาะปัสสาวะที่ยังมีอยู่เกิน 4 สัปดาห์หลังหยุดใช้เคตามีน", 25},
		{"vi", "Triệu chứng bàng quang kéo dài hơn 4 tuần sau khi ngừng ketamin", 25},
		{"en", "Supercalifragilisticexpialidociousnesses", 12}, // one word wider than the line
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			tag := language.MustParse(tt.lang)
			d := newDoc(translator(t, tag), Options{Language: tag, Now: time.Now()}, nil)
			d.font(false, sizeText)
			lines := d.wrap(tt.text, tt.width)
			if len(lines) < 2 {
				t.Fatalf("%d line(s) for %q at %v mm", len(lines), tt.text, tt.width)
			}
			for _, l := range lines {
				if w := d.pdf.GetStringWidth(l); w > tt.width+0.01 {
					t.Errorf("line %q is %.1f mm, wider than %v", l, w, tt.width)
				}
				if r := []rune(l); len(r) > 0 && strings.ContainsRune("ัิีึืฺุู็่้๊๋์", r[0]) {
					t.Errorf("line %q starts with a combining mark", l)
				}
			}
			if got, want := strings.Join(lines, ""), strings.ReplaceAll(tt.text, " ", ""); strings.ReplaceAll(got, " ", "") != want {
				t.Errorf("text changed:\n got %q\nwant %q", got, want)
			}
		})
	}
}
