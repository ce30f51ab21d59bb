package data

import (
	"slices"
	"testing"
	"time"
)

// day is a check-in time n days before the test's now, at 09:00.
var flagNow = time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)

func daysAgo(n int) time.Time {
	d := flagNow.AddDate(0, 0, -n)
	return time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, time.UTC)
}

func bodyEntry(n int, b Body) Entry { return Entry{At: daysAgo(n), Mood: 3, Body: &b} }

func signs(flags []Flag) []string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = f.Level.String() + ":" + f.Sign
	}
	return out
}

func TestCheckinFlags(t *testing.T) {
	tests := []struct {
		name string
		body *Body
		want []string
	}{
		{"no body log", nil, []string{}},
		{"nothing of note", &Body{UrinePain: ptr(2), Blood: BloodNone, PainFlank: ptr(3), Fever: ptr(false)}, []string{}},
		{"clots", &Body{Blood: BloodClots}, []string{"now:clots"}},
		{"cannot pass urine", &Body{Retention: ptr(true)}, []string{"now:retention"}},
		{"could pass urine", &Body{Retention: ptr(false)}, []string{}},
		{"fever with flank pain", &Body{Fever: ptr(true), PainFlank: ptr(4)}, []string{"now:fever_flank"}},
		{"fever without flank pain", &Body{Fever: ptr(true), PainFlank: ptr(0)}, []string{}},
		{"fever, flank pain not recorded", &Body{Fever: ptr(true)}, []string{}},
		{"flank pain without fever", &Body{Fever: ptr(false), PainFlank: ptr(9)}, []string{}},
		{"severe bladder pain", &Body{PainBladder: ptr(SeverePain)}, []string{"now:severe_pain"}},
		{"severe upper belly pain", &Body{PainUpper: ptr(10)}, []string{"now:severe_pain"}},
		{"bladder pain below severe", &Body{PainBladder: ptr(SeverePain - 1), PainUpper: ptr(SeverePain - 1)}, []string{}},
		{"pink urine", &Body{Blood: BloodPink}, []string{"soon:blood"}},
		{"red urine", &Body{Blood: BloodRed}, []string{"soon:blood"}},
		{"several at once, most urgent first", &Body{Blood: BloodClots, Retention: ptr(true), Fever: ptr(true),
			PainFlank: ptr(2), PainUpper: ptr(9)}, []string{"now:retention", "now:clots", "now:fever_flank", "now:severe_pain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Entry{At: daysAgo(0), Mood: 3, Body: tt.body}
			got := CheckinFlags(e)
			if !slices.Equal(append([]string{}, signs(got)...), tt.want) {
				t.Errorf("flags %v, want %v", signs(got), tt.want)
			}
			if HasNow(got) != slices.ContainsFunc(tt.want, func(s string) bool { return s[:4] == "now:" }) {
				t.Errorf("HasNow = %v", HasNow(got))
			}
			for _, f := range got {
				if !f.At.Equal(e.At) || f.SignID() != "body.flag."+f.Sign+".name" || f.WhyID() != "body.flag."+f.Sign+".why" {
					t.Errorf("flag %+v", f)
				}
			}
		})
	}
}

func TestBodyFlags(t *testing.T) {
	pain := Body{PainBladder: ptr(3)}
	burning := Body{UrinePain: ptr(2)}
	none := Body{PainBladder: ptr(0), UrinePain: ptr(0), Urgency: UrgencyNone, Leaks: LeaksNone, Blood: BloodNone}
	quit := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC) // 80 days before flagNow
	recentQuit := flagNow.AddDate(0, 0, -20)
	tests := []struct {
		name    string
		entries []Entry
		quit    time.Time
		want    []string
		days    int // Days of the last flag, when it is a rule over days
	}{
		{"empty journal", nil, quit, nil, 0},
		{"pain on 3 of the last 7 days", []Entry{bodyEntry(0, pain), bodyEntry(3, burning), bodyEntry(6, pain)},
			time.Time{}, []string{"soon:pain_days"}, 3},
		{"pain on 2 of the last 7 days", []Entry{bodyEntry(0, pain), bodyEntry(6, pain)}, time.Time{}, nil, 0},
		{"three check-ins with pain on the same 2 days", []Entry{bodyEntry(1, pain), bodyEntry(1, burning),
			bodyEntry(2, pain)}, time.Time{}, nil, 0},
		{"the third day of pain is 7 days ago, outside the window", []Entry{bodyEntry(0, pain), bodyEntry(1, pain),
			bodyEntry(7, pain)}, time.Time{}, nil, 0},
		{"pain on 5 days of the window", []Entry{bodyEntry(0, pain), bodyEntry(1, pain), bodyEntry(2, pain),
			bodyEntry(4, pain), bodyEntry(5, pain), bodyEntry(9, pain)}, time.Time{}, []string{"soon:pain_days"}, 5},
		{"no pain recorded as 0", []Entry{bodyEntry(0, none), bodyEntry(1, none), bodyEntry(2, none)}, quit, nil, 0},
		{"symptoms 80 days after quitting", []Entry{bodyEntry(1, Body{Urgency: UrgencyStrong})}, quit,
			[]string{"soon:lasting"}, 79},
		{"symptoms 20 days after quitting", []Entry{bodyEntry(1, Body{Urgency: UrgencyStrong})}, recentQuit, nil, 0},
		{"no quit date", []Entry{bodyEntry(1, Body{Leaks: LeaksPads})}, time.Time{}, nil, 0},
		{"symptoms long after quitting, but not in the last week", []Entry{bodyEntry(10, Body{Leaks: LeaksSome})},
			quit, nil, 0},
		{"night-time: twice counts, once does not", []Entry{bodyEntry(0, Body{UrinationsNight: ptr(2)})}, quit,
			[]string{"soon:lasting"}, 80},
		{"night-time once only", []Entry{bodyEntry(0, Body{UrinationsNight: ptr(1)})}, quit, nil, 0},
		{"clots yesterday stand; blood 8 days ago does not", []Entry{bodyEntry(1, Body{Blood: BloodClots}),
			bodyEntry(8, Body{Blood: BloodRed})}, time.Time{}, []string{"now:clots"}, 0},
		{"an entry after now is ignored", []Entry{{At: flagNow.Add(time.Hour), Mood: 3,
			Body: &Body{Retention: ptr(true)}}}, time.Time{}, nil, 0},
		{"now before soon", []Entry{bodyEntry(0, Body{Blood: BloodRed, PainBladder: ptr(9)}), bodyEntry(1, pain),
			bodyEntry(2, pain)}, quit, []string{"now:severe_pain", "soon:blood", "soon:pain_days", "soon:lasting"}, 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := BodyFlags(tt.entries, tt.quit, flagNow)
			if !slices.Equal(signs(got), append([]string{}, tt.want...)) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Fatalf("flags %v, want %v", signs(got), tt.want)
			}
			if tt.days != 0 && got[len(got)-1].Days != tt.days {
				t.Errorf("Days = %d, want %d", got[len(got)-1].Days, tt.days)
			}
		})
	}
}

func TestBodyFlagsLocalDays(t *testing.T) {
	// Three check-ins on three local dates that are two UTC dates: the rule
	// counts the dates the user lived.
	tokyo := time.FixedZone("", 9*3600)
	now := time.Date(2026, 11, 20, 20, 0, 0, 0, tokyo)
	entries := []Entry{
		{At: time.Date(2026, 11, 18, 23, 30, 0, 0, tokyo), Mood: 3, Body: &Body{PainBladder: ptr(2)}},
		{At: time.Date(2026, 11, 19, 0, 30, 0, 0, tokyo), Mood: 3, Body: &Body{PainBladder: ptr(2)}},
		{At: time.Date(2026, 11, 20, 7, 0, 0, 0, tokyo), Mood: 3, Body: &Body{PainBladder: ptr(2)}},
	}
	if got := signs(BodyFlags(entries, time.Time{}, now)); !slices.Equal(got, []string{"soon:pain_days"}) {
		t.Errorf("flags %v", got)
	}
}

func TestFlagHistory(t *testing.T) {
	pain := Body{PainBladder: ptr(4)}
	quit := flagNow.AddDate(0, 0, -40)
	entries := []Entry{
		bodyEntry(20, pain), // before the period: counts towards the window only
		bodyEntry(19, pain),
		bodyEntry(18, pain), // the period starts on day 18: pain on 3 days → flag on day 18
		bodyEntry(17, Body{Blood: BloodClots}),
		bodyEntry(10, Body{PainBladder: ptr(0)}), // 30 days after quitting, but no symptom
		bodyEntry(5, Body{Urgency: UrgencySome}), // 35 days: lasting
		bodyEntry(2, Body{Blood: BloodPink}),     // lasting again, and blood
	}
	from, to := daysAgo(18).Add(-time.Hour), flagNow
	got := FlagHistory(entries, quit, from, to)
	want := []string{"soon:pain_days", "now:clots", "soon:pain_days", "soon:lasting", "soon:blood", "soon:lasting"}
	if !slices.Equal(signs(got), want) {
		t.Fatalf("history %v, want %v", signs(got), want)
	}
	if !got[0].At.Equal(daysAgo(18)) || got[0].Days != 3 || !got[1].At.Equal(daysAgo(17)) {
		t.Errorf("first flags %+v", got[:2])
	}
	if got[3].Days != 35 || !got[3].At.Equal(daysAgo(5)) {
		t.Errorf("lasting %+v", got[3])
	}
	// One mild day and no quit date: nothing of note. With a quit date 40
	// days back, the same day is a symptom lasting past 4 weeks.
	mild := []Entry{bodyEntry(3, Body{PainBladder: ptr(1)})}
	if h := FlagHistory(mild, time.Time{}, from, to); len(h) != 0 {
		t.Errorf("history of one mild day: %v", signs(h))
	}
	if h := FlagHistory(mild, quit, from, to); !slices.Equal(signs(h), []string{"soon:lasting"}) {
		t.Errorf("history of one mild day 37 days after quitting: %v", signs(h))
	}
}
