package guide

import "testing"

func TestCrisisLines(t *testing.T) {
	tests := []struct{ region, want string }{
		{"GB", "116 123"},
		{"US", "988"},
		{"AU", "13 11 14"},
		{"FR", "3114"},
		{"ES", "024"},
		{"JP", "0570-064-556"},
	}
	for _, tt := range tests {
		lines := RegionByID(tt.region).CrisisLines()
		if len(lines) == 0 || lines[0].Number != tt.want {
			t.Errorf("%s: crisis lines %v, want %s first", tt.region, lines, tt.want)
		}
	}
	if got := RegionByID(RegionOther).CrisisLines(); len(got) != 0 {
		t.Errorf("the fallback region has crisis lines %v: a number that may be wrong there", got)
	}
	for _, r := range Regions() {
		for _, l := range r.CrisisLines() {
			if l.Number == "" || l.Name == "" {
				t.Errorf("%s: crisis line without a name or number: %+v", r.ID, l)
			}
		}
	}
}
