package ui

import (
	"slices"
	"testing"

	"github.com/steadyapp/steady/data"
)

func TestWhatHelpsInPlainWords(t *testing.T) {
	_, tr := newJournalTest(t)
	label := func(tag string) string { return tr.T(tag) }
	tests := []struct {
		name string
		w    data.WeekSummary
		want []string
	}{
		{"not enough", data.WeekSummary{This: data.Mean{N: 2, Avg: 3}, Last: data.Mean{N: 5, Avg: 4}},
			[]string{"Not enough check-ins yet to compare two weeks: 2 in the last 7 days and 5 in the 7 before (3 each are needed)."}},
		{"down, with the best coping", data.WeekSummary{This: data.Mean{N: 9, Avg: 3.2}, Last: data.Mean{N: 8, Avg: 4.1}, Enough: true,
			Best: data.CopingFinding{Tag: "coping.call_someone", Used: 11, Answered: 10, Passed: 8, Enough: true}, HasBest: true},
			[]string{"In the last 7 days your average craving was 3.2, down from 4.1 in the 7 days before.",
				"In the last 7 days, the craving passed 8 of 10 times you used “Called or messaged someone”."}},
		{"up", data.WeekSummary{This: data.Mean{N: 9, Avg: 5}, Last: data.Mean{N: 8, Avg: 4.1}, Enough: true},
			[]string{"In the last 7 days your average craving was 5.0, up from 4.1 in the 7 days before."}},
		{"same as shown", data.WeekSummary{This: data.Mean{N: 9, Avg: 4.12}, Last: data.Mean{N: 8, Avg: 4.08}, Enough: true},
			[]string{"In the last 7 days your average craving was 4.1, about the same as in the 7 days before (4.1)."}},
	}
	for _, tt := range tests {
		if got := weekLines(tr, tt.w, label); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q", tt.name, got)
		}
	}

	st := data.Stats{
		Coping: []data.CopingFinding{
			{Tag: "coping.walk", Used: 7, Answered: 6, Passed: 3, Enough: true},
			{Tag: "coping.breathing", Used: 3, Answered: 2, Passed: 2},
		},
		Triggers: []data.TriggerFinding{
			{Tag: "trigger.stress", With: data.Mean{N: 5, Avg: 7}, Without: data.Mean{N: 9, Avg: 2.25}, Enough: true},
			{Tag: "trigger.boredom", With: data.Mean{N: 2, Avg: 4}, Without: data.Mean{N: 12, Avg: 3}},
		},
		Sleep: data.SleepFinding{Short: data.SleepGroup{Days: 3, Mood: 2, Craving: 6}, Rested: data.SleepGroup{Days: 6, Mood: 4, Craving: 2}},
	}
	if got, want := copingLines(tr, st, label), []string{
		"The craving passed 3 of 6 times you used “Went for a walk” (50 %).",
		"“Slow breathing”: not enough check-ins yet (2 of 5).",
	}; !slices.Equal(got, want) {
		t.Errorf("coping: %q", got)
	}
	if got, want := triggerLines(tr, st, label), []string{
		"With “Stress”, your average craving was 7.0 (5 check-ins); without it, 2.2 (9 check-ins).",
		"“Boredom”: not enough check-ins yet (2 of 5).",
	}; !slices.Equal(got, want) {
		t.Errorf("triggers: %q", got)
	}
	if got, want := sleepLines(tr, st), []string{"Not enough check-ins yet (3 of 5)."}; !slices.Equal(got, want) {
		t.Errorf("sleep, too few: %q", got)
	}
	st.Sleep = data.SleepFinding{Short: data.SleepGroup{Days: 5, Mood: 2.1, Craving: 7.2}, Rested: data.SleepGroup{Days: 5, Mood: 4.1, Craving: 2.3}, Enough: true}
	if got, want := sleepLines(tr, st), []string{
		"Days after less than 7 hours of sleep (5 days): average mood 2.1 of 5, craving 7.2 of 10.",
		"Days after 7 hours of sleep or more (5 days): average mood 4.1 of 5, craving 2.3 of 10.",
	}; !slices.Equal(got, want) {
		t.Errorf("sleep: %q", got)
	}
	if got := sleepLines(tr, data.Stats{}); got != nil {
		t.Errorf("no sleep: %q", got)
	}
	if err := tr.Set(tr.Match("es")); err != nil {
		t.Fatal(err)
	}
	if got := num(tr, 3.25); got != "3,2" && got != "3,3" {
		t.Errorf("Spanish decimal: %q", got)
	}
}
