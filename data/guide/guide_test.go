package guide

import (
	"slices"
	"testing"
)

func TestGuideMatchesArticle(t *testing.T) {
	g := TheGuide()
	want := map[string]int{
		"psychological": 7, "physical": 7, "cognitive": 3, "sleep": 2, "cravings": 1, "social": 1,
	}
	if len(g.Categories) != len(want) {
		t.Fatalf("%d categories, want %d", len(g.Categories), len(want))
	}
	for _, c := range g.Categories {
		if n := len(c.Symptoms); n != want[c.ID] {
			t.Errorf("category %s has %d symptoms, want %d", c.ID, n, want[c.ID])
		}
	}
	if len(g.AllSymptoms()) != 21 {
		t.Errorf("%d symptoms, want 21", len(g.AllSymptoms()))
	}
	if len(g.Strategies) != 5 {
		t.Errorf("%d strategies, want 5", len(g.Strategies))
	}
	if len(g.Questions) != 4 {
		t.Errorf("%d questions, want 4", len(g.Questions))
	}
}

func TestGuideIDsUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, id := range TheGuide().MessageIDs() {
		if id == "" || seen[id] {
			t.Errorf("empty or repeated message ID %q", id)
		}
		seen[id] = true
	}
}

// TestReturnsCopies checks that a caller changing what it was given cannot
// change what the next caller sees.
func TestReturnsCopies(t *testing.T) {
	tests := []struct {
		name  string
		get   func() []string
		spoil func()
	}{
		{"Triggers", Triggers, func() { Triggers()[0] = "x" }},
		{"WarningSigns", WarningSigns, func() { WarningSigns()[0] = "x" }},
		{"CopingActions", TheGuide().CopingActions, func() { TheGuide().CopingActions()[0] = "x" }},
		{"Regions", regionIDs, func() { Regions()[0].ID = "x" }},
		{"Region lines", func() []string { return lineNumbers(RegionByID("GB")) }, func() { RegionByID("GB").Lines[0].Number = "x" }},
		{"Regions lines", func() []string { return lineNumbers(Regions()[0]) }, func() { Regions()[0].Lines[0].Number = "x" }},
	}
	for _, tt := range tests {
		before := tt.get()
		tt.spoil()
		if after := tt.get(); !slices.Equal(before, after) || slices.Contains(after, "x") {
			t.Errorf("%s: changing a returned value changed the catalog: %v, then %v", tt.name, before, after)
		}
	}
}

func regionIDs() []string {
	var ids []string
	for _, r := range Regions() {
		ids = append(ids, r.ID)
	}
	return ids
}

func lineNumbers(r Region) []string {
	var n []string
	for _, l := range r.Lines {
		n = append(n, l.Number)
	}
	return n
}

func TestRegions(t *testing.T) {
	rs := Regions()
	if last := rs[len(rs)-1]; last.ID != RegionOther {
		t.Errorf("last region %q, want the fallback %q", last.ID, RegionOther)
	}
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.ID] || r.Emergency == "" {
			t.Errorf("region %q repeated or without an emergency number", r.ID)
		}
		seen[r.ID] = true
		if got := RegionByID(r.ID); got.ID != r.ID {
			t.Errorf("RegionByID(%q) = %q", r.ID, got.ID)
		}
	}
	if got := RegionByID("nowhere"); got.ID != RegionOther {
		t.Errorf("unknown region gave %q, want the fallback", got.ID)
	}
	tests := []struct{ id, want string }{{"GB", "region.country_gb"}, {RegionOther, "region.elsewhere"}}
	for _, tt := range tests {
		if got := RegionByID(tt.id).NameID(); got != tt.want {
			t.Errorf("NameID(%s) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
