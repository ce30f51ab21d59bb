package data

import (
	"slices"
	"testing"
)

func TestPageFiltersCombine(t *testing.T) {
	entries := []Entry{
		ck(on(10, 9), 1, 9, withNote("Rough night, called Sam")),       // 0
		ck(on(10, 15), 2, 7, withUse(), withNote("used at the party")), // 1
		ck(on(11, 9), 3, 4, withNote("walked it off")),                 // 2
		ck(on(11, 15), 4, 2, withNote("100% better, café")),            // 3
		ck(on(12, 9), 5, 0), // 4
		ck(on(12, 15), 2, 8, withUse(), withNote("CALLED sam after")), // 5
		ck(on(13, 9), 1, 10, withNote("under_score")),                 // 6
	}
	s := statsStore(t, statsNow, entries)
	tests := []struct {
		name string
		f    Filter
		want []int // indexes into entries, newest first
	}{
		{"everything", Filter{}, []int{6, 5, 4, 3, 2, 1, 0}},
		{"low moods", Filter{Moods: MoodsOf(1, 2)}, []int{6, 5, 1, 0}},
		{"craving 7 to 10", Filter{Cravings: CravingBetween(7, 10)}, []int{6, 5, 1, 0}},
		{"craving exactly 0", Filter{Cravings: CravingBetween(0, 0)}, []int{4}},
		{"lapses", Filter{Lapse: LapseOnly}, []int{5, 1}},
		{"no lapses", Filter{Lapse: LapseNone}, []int{6, 4, 3, 2, 0}},
		{"text, any case", Filter{Text: "called sam"}, []int{5, 0}},
		{"text with a percent sign", Filter{Text: "100%"}, []int{3}},
		{"text with an underscore", Filter{Text: "r_s"}, []int{6}},
		{"underscore is not a wildcard", Filter{Text: "k_d"}, nil},
		{"mood and lapse", Filter{Moods: MoodsOf(2), Lapse: LapseOnly}, []int{5, 1}},
		{"mood, craving and text", Filter{Moods: MoodsOf(1, 2), Cravings: CravingBetween(8, 10), Text: "sam"}, []int{5, 0}},
		{"lapse and text", Filter{Lapse: LapseNone, Text: "sam"}, []int{0}},
		{"craving and no lapse", Filter{Cravings: CravingBetween(7, 10), Lapse: LapseNone}, []int{6, 0}},
		{"nothing matches", Filter{Moods: MoodsOf(5), Lapse: LapseOnly}, nil},
		{"with dates", Filter{From: on(11, 0), To: on(13, 0), Moods: MoodsOf(2, 3, 4)}, []int{5, 3, 2}},
		{"blank text keeps all", Filter{Text: "  ", Moods: MoodsOf(5)}, []int{4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Two-entry pages, to check the filters hold across pages.
			got := filtered(t, s, entries, tt.f)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSets(t *testing.T) {
	m := MoodsOf(1, 5, 0, 9)
	if !m.Has(1) || !m.Has(5) || m.Has(3) || m.Has(0) || m.Has(9) {
		t.Errorf("MoodsOf(1, 5, 0, 9) = %b", m)
	}
	c := CravingBetween(-3, 2)
	for v := -1; v <= 11; v++ {
		if want := v >= 0 && v <= 2; c.Has(v) != want {
			t.Errorf("CravingBetween(-3, 2).Has(%d) = %v", v, c.Has(v))
		}
	}
	if CravingBetween(0, 10) != CravingSet(1<<11-1) || CravingBetween(5, 4) != 0 {
		t.Error("CravingBetween bounds")
	}
}
