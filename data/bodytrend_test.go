package data

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestBodyTrend(t *testing.T) {
	tokyo := time.FixedZone("", 9*3600)
	last := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	entries := []Entry{
		// 18 Nov: two check-ins; the highest of each number, the worst of each scale.
		{At: time.Date(2026, 11, 18, 8, 0, 0, 0, time.UTC), Mood: 3,
			Body: &Body{UrinationsDay: ptr(4), UrinationsNight: ptr(3), UrinePain: ptr(6), Urgency: UrgencyStrong,
				Blood: BloodPink}},
		{At: time.Date(2026, 11, 18, 21, 0, 0, 0, time.UTC), Mood: 3,
			Body: &Body{UrinationsDay: ptr(12), UrinePain: ptr(2), Urgency: UrgencySome, Leaks: LeaksSome,
				Blood: BloodNone, PainFlank: ptr(5)}},
		// 19 Nov in Tokyo is still 18 Nov in UTC: it counts on the 19th.
		{At: time.Date(2026, 11, 19, 2, 0, 0, 0, tokyo), Mood: 2, Used: true},
		// 20 Nov: a lapse with a body log.
		{At: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Mood: 1, Used: true,
			Body: &Body{PainUpper: ptr(7), ForPain: ptr(true)}},
		// Outside the range.
		{At: time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC), Mood: 3, Body: &Body{PainUpper: ptr(1)}},
		{At: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), Mood: 3, Body: &Body{PainUpper: ptr(1)}},
	}
	days := BodyTrend(entries, last, 4)
	if len(days) != 4 {
		t.Fatalf("%d days", len(days))
	}
	for i, want := range []string{"2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"} {
		if got := days[i].Date.Format("2006-01-02"); got != want || days[i].Date.Location() != time.UTC {
			t.Errorf("day %d is %s, want %s", i, got, want)
		}
	}
	empty := BodyDay{Date: days[0].Date, UrinationsDay: -1, UrinationsNight: -1, UrinePain: -1, PainBladder: -1,
		PainFlank: -1, PainUpper: -1}
	if days[0] != empty || days[0].Recorded() {
		t.Errorf("empty day %+v", days[0])
	}
	want18 := BodyDay{Date: days[1].Date, Logged: 2, UrinationsDay: 12, UrinationsNight: 3, UrinePain: 6,
		PainBladder: -1, PainFlank: 5, PainUpper: -1, Urgency: UrgencyStrong, Leaks: LeaksSome, Blood: BloodPink}
	if days[1] != want18 {
		t.Errorf("18 Nov\n got %+v\nwant %+v", days[1], want18)
	}
	if !days[2].Lapse || days[2].Logged != 0 || !days[2].Recorded() {
		t.Errorf("19 Nov %+v", days[2])
	}
	if !days[3].Lapse || days[3].PainUpper != 7 || days[3].Logged != 1 {
		t.Errorf("20 Nov %+v", days[3])
	}

	if got := SeriesUrinePain.Points(days); !slices.Equal(got, []int{-1, 6, -1, -1}) {
		t.Errorf("urine pain %v", got)
	}
	if got := SeriesPainUpper.Points(days); !slices.Equal(got, []int{-1, -1, -1, 7}) {
		t.Errorf("upper pain %v", got)
	}
	if got := SeriesUrinationsNight.Average(days); got != (BodyAverage{Mean: 3, Days: 1}) {
		t.Errorf("night average %+v", got)
	}
	if got := SeriesPainBladder.Average(days); got != (BodyAverage{}) {
		t.Errorf("bladder average over no data %+v", got)
	}
	if SeriesUrinationsDay.Max() != MaxUrinationsDay || SeriesPainFlank.Max() != MaxPain {
		t.Error("series scales")
	}
	if BodyTrend(entries, last, 0) != nil {
		t.Error("a trend of no days")
	}
	if n := len(BodyTrend(nil, last, 90)); n != 90 {
		t.Errorf("90-day trend of nothing has %d days", n)
	}
}

func TestStoreEntries(t *testing.T) {
	s, _ := openTemp(t)
	base := time.Now().Add(-72 * time.Hour).Truncate(time.Minute)
	var all []Entry
	for i := range 2500 { // more than one page
		all = append(all, Entry{At: base.Add(time.Duration(i) * time.Minute), Mood: 3})
	}
	all[2100].Body = &Body{PainBladder: ptr(4)}
	if err := s.AddAll(all); err != nil {
		t.Fatal(err)
	}
	from, to := base.Add(10*time.Minute), base.Add(2200*time.Minute)
	got, err := s.Entries(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2190 || !got[0].At.Equal(from) || !got[len(got)-1].At.Equal(to.Add(-time.Minute)) {
		t.Fatalf("%d entries, %v … %v", len(got), got[0].At, got[len(got)-1].At)
	}
	for i := 1; i < len(got); i++ {
		if !got[i].At.After(got[i-1].At) {
			t.Fatalf("not oldest first at %d", i)
		}
	}
	if got[2090].Body == nil || *got[2090].Body.PainBladder != 4 {
		t.Errorf("body log not read: %+v", got[2090])
	}
}

func TestStoreBodyEntries(t *testing.T) {
	s, _ := openTemp(t)
	base := time.Now().Add(-96 * time.Hour).Truncate(time.Minute)
	var all []Entry
	for i := range 4600 {
		e := Entry{At: base.Add(time.Duration(i) * time.Minute), Mood: 1 + i%5, Used: i%7 == 0}
		if i%2 == 0 || i == 4599 { // 2 301 body logs: more than one page of them
			e.Body = &Body{PainBladder: ptr(i % 11), Fever: ptr(i%3 == 0)}
		}
		all = append(all, e)
	}
	if err := s.AddAll(all); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		from, to time.Time
		want     int
	}{
		{"all", base, base.Add(4600 * time.Minute), 2301},
		{"from an entry without one", base.Add(time.Minute), base.Add(4600 * time.Minute), 2300},
		{"to excludes its own minute", base, base.Add(4598 * time.Minute), 2299},
		{"none logged", base.Add(4597 * time.Minute), base.Add(4598 * time.Minute), 0},
		{"empty period", base.Add(-time.Hour), base, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.BodyEntries(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Fatalf("%d entries, want %d", len(got), tt.want)
			}
			every, err := s.Entries(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			var logged []Entry
			for _, e := range every {
				if e.Body != nil {
					logged = append(logged, e)
				}
			}
			if !reflect.DeepEqual(got, logged) {
				t.Fatal("not the period's entries that have a body log, oldest first, as Entries reads them")
			}
			// What the flags are drawn from: the same flags as from every check-in.
			now := tt.to.Add(-time.Minute)
			a, b := BodyFlags(got, base, now), BodyFlags(every, base, now)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("flags %v, from every check-in %v", a, b)
			}
			if tt.want > 100 && len(a) == 0 {
				t.Error("no flags raised: the journal should raise some")
			}
		})
	}
}
