package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// historyFilterBar is the history's mood, craving, lapse and note-text
// filters. Each choice changes f at once and calls changed; they combine
// with each other and with the date and trigger filters.
type historyFilterBar struct {
	f       *data.Filter
	changed func()

	mood, craving, lapse *escSelect
	text                 *widget.Entry
	objects              []fyne.CanvasObject
}

// moodChoices are the mood filter's options after "any": low days, then
// each mood.
var moodChoices = []data.MoodSet{data.MoodsOf(1, 2), data.MoodsOf(1), data.MoodsOf(2), data.MoodsOf(3), data.MoodsOf(4), data.MoodsOf(5)}

// cravingChoices are the craving filter's options after "any".
var cravingChoices = []data.CravingSet{data.CravingBetween(0, 3), data.CravingBetween(4, 6), data.CravingBetween(7, 10)}

// lapseChoices are the lapse filter's options, "any" first.
var lapseChoices = []data.LapseFilter{data.LapseAny, data.LapseOnly, data.LapseNone}

func newHistoryFilterBar(tr *i18n.Translator, f *data.Filter, changed func()) *historyFilterBar {
	b := &historyFilterBar{f: f, changed: changed}
	moods := []string{tr.T("history_filter.any_mood"), tr.T("history_filter.low_moods")}
	for m := data.MinMood; m <= data.MaxMood; m++ {
		moods = append(moods, tr.T("mood."+strconv.Itoa(m)))
	}
	b.mood = newEscSelect(moods, nil)
	b.craving = newEscSelect([]string{tr.T("history_filter.any_craving"), tr.T("history_filter.craving_low"),
		tr.T("history_filter.craving_mid"), tr.T("history_filter.craving_high")}, nil)
	b.lapse = newEscSelect([]string{tr.T("history_filter.any_lapse"), tr.T("history_filter.lapse_only"),
		tr.T("history_filter.lapse_none")}, nil)
	b.text = widget.NewEntry()
	b.text.SetPlaceHolder(tr.T("history_filter.text"))
	b.text.ActionItem = widget.NewIcon(theme.SearchIcon())
	b.show()
	b.mood.OnChanged = func(string) {
		f.Moods = 0
		if i := b.mood.SelectedIndex(); i > 0 {
			f.Moods = moodChoices[i-1]
		}
		b.changed()
	}
	b.craving.OnChanged = func(string) {
		f.Cravings = 0
		if i := b.craving.SelectedIndex(); i > 0 {
			f.Cravings = cravingChoices[i-1]
		}
		b.changed()
	}
	b.lapse.OnChanged = func(string) {
		f.Lapse = lapseChoices[max(b.lapse.SelectedIndex(), 0)]
		b.changed()
	}
	b.text.OnChanged = func(s string) {
		f.Text = s
		b.changed()
	}
	// Each select as wide as its longest option, so none is cut short.
	b.objects = []fyne.CanvasObject{fitted(b.mood), fitted(b.craving), fitted(b.lapse), b.text}
	return b
}

// show sets the controls from the filter, without calling changed.
func (b *historyFilterBar) show() {
	f := b.f
	set := func(s *escSelect, i int) {
		h := s.OnChanged
		s.OnChanged = nil
		s.SetSelectedIndex(i)
		s.OnChanged = h
	}
	mood := 0
	for i, m := range moodChoices {
		if f.Moods == m {
			mood = i + 1
		}
	}
	set(b.mood, mood)
	craving := 0
	for i, c := range cravingChoices {
		if f.Cravings == c {
			craving = i + 1
		}
	}
	set(b.craving, craving)
	lapse := 0
	for i, l := range lapseChoices {
		if f.Lapse == l {
			lapse = i
		}
	}
	set(b.lapse, lapse)
	h := b.text.OnChanged
	b.text.OnChanged = nil
	b.text.SetText(f.Text)
	b.text.OnChanged = h
}
