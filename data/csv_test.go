package data

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"
)

func TestCSVSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+A1", "'+A1"},
		{"+1", "+1"},
		{"-1+2", "'-1+2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"  =1+1", "'  =1+1"},
		{"＝1+1", "'＝1+1"},
		{"-3.5", "-3.5"},
		{"2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z"},
		{"a walk", "a walk"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVExportEscapesEveryCell exports plan labels used as a trigger and a
// coping action, and a note, each starting with a formula character.
func TestCSVExportEscapesEveryCell(t *testing.T) {
	s, _ := openTemp(t)
	starts := []string{"=", "+", "-", "@", "\t", "\r"}
	for _, c := range starts {
		trig := PlanItem{Kind: PlanTrigger, Text: c + "HYPERLINK(\"http://evil\")"}
		cope := PlanItem{Kind: PlanCoping, Text: c + "cmd|' /C calc'!A0"}
		if err := s.AddPlanItem(&trig); err != nil {
			t.Fatal(err)
		}
		if err := s.AddPlanItem(&cope); err != nil {
			t.Fatal(err)
		}
		e := Entry{At: time.Now(), Mood: 3, Triggers: []string{trig.Tag()}, Coping: []string{cope.Tag()},
			Note: c + "1+1"}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	plan, _ := s.Plan("")
	labels := map[string]string{}
	for _, p := range plan {
		labels[p.Tag()] = p.Text
	}
	var out bytes.Buffer
	if err := s.ExportCSV(&out, func(tag string) string { return labels[tag] }); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(starts)+1 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, row := range rows[1:] {
		for i, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("column %s starts with a formula character: %q", rows[0][i], cell)
			}
		}
		// The plan trims spaces (tab and CR included) from a label; the
		// four other starts must be escaped.
		if strings.ContainsRune("=+-@", rune(strings.TrimLeft(row[12], "'")[0])) &&
			(!strings.HasPrefix(row[5], "'") || !strings.HasPrefix(row[7], "'")) {
			t.Errorf("trigger %q and coping %q cells not escaped", row[5], row[7])
		}
	}
}
