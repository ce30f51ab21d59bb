// Command gencorpus writes the committed seed corpora of the fuzz targets:
// real exports made by the store for FuzzImport, the helplines' own phone
// numbers for FuzzValidPhone, and typical input for the others. Run it from
// the repository root when the export format changes:
//
//	go run ./data/testdata/gencorpus
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run() error {
	full, err := export(12, true)
	if err != nil {
		return err
	}
	empty, err := export(0, false)
	if err != nil {
		return err
	}
	planOnly, err := export(0, true)
	if err != nil {
		return err
	}
	files := map[string][]any{
		"data/testdata/fuzz/FuzzImport/real-export":           {full},
		"data/testdata/fuzz/FuzzImport/real-export-empty":     {empty},
		"data/testdata/fuzz/FuzzImport/real-export-plan-only": {planOnly},
		"data/testdata/fuzz/FuzzImport/newer-version":         {bytes.Replace(full, []byte(`"version": 1`), []byte(`"version": 2`), 1)},
	}
	n := 0
	for _, r := range guide.Regions() {
		for _, l := range append([]guide.Helpline{{Number: r.Emergency}}, r.Lines...) {
			n++
			files[fmt.Sprintf("data/testdata/fuzz/FuzzValidPhone/helpline-%02d", n)] = []any{l.Number}
		}
	}
	for i, p := range [][3]string{
		{data.PlanReason, "Feel clear-headed again", ""},
		{data.PlanPerson, "Sam", "+44 20 7946 0000"},
		{data.PlanPerson, "Mamá", "(55) 1234-5678"},
		{data.PlanTrigger, "Friday nights at Sam's", ""},
		{data.PlanCoping, "Cold shower 🚿", ""},
	} {
		files[fmt.Sprintf("data/testdata/fuzz/FuzzPlanItem/plan-%d", i+1)] = []any{p[0], p[1], p[2]}
	}
	for i, note := range []string{
		"Tough evening, went for a walk.",
		"Slept badly.\nWoke at 4, cravings 7/10 until breakfast.",
		"emoji 🙂 and RTL שלום",
		"=SUM(A1) formula-looking",
		"line\nbreak, \"quoted\"",
	} {
		files[fmt.Sprintf("data/testdata/fuzz/FuzzNote/note-%d", i+1)] = []any{note}
	}
	for i, h := range []string{"7", "7.5", "7,5", " 8 ", "", "24", "0", "6,25", "10.0"} {
		files[fmt.Sprintf("ui/testdata/fuzz/FuzzParseHours/hours-%d", i+1)] = []any{h}
	}
	for name, args := range files {
		if err := write(name, args); err != nil {
			return err
		}
	}
	return nil
}

// export makes a journal with n check-ins (and a plan, if plan) and returns
// its JSON export.
func export(n int, plan bool) ([]byte, error) {
	dir, err := os.MkdirTemp("", "gencorpus-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := data.Open(filepath.Join(dir, "steady"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var cold data.PlanItem
	if plan {
		cold = data.PlanItem{Kind: data.PlanCoping, Text: "Cold shower"}
		for _, p := range []*data.PlanItem{&cold, {Kind: data.PlanPerson, Text: "Ana", Phone: "+34 600 000 000"},
			{Kind: data.PlanReason, Text: "My sister's wedding"}, {Kind: data.PlanTrigger, Text: "Payday"}} {
			if err := s.AddPlanItem(p); err != nil {
				return nil, err
			}
		}
		if err := s.SetQuitDate(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			return nil, err
		}
	}
	zones := []*time.Location{time.UTC, time.FixedZone("", 9*3600), time.FixedZone("", -4*3600), time.FixedZone("", 5*3600+1800)}
	symptoms := guide.TheGuide().AllSymptoms()
	for i := 0; i < n; i++ {
		h, q, passed := 5.5+float64(i%4), 1+i%5, i%3 == 0
		e := data.Entry{
			At:   time.Date(2026, 9, 1+i, i, 15, 0, 0, zones[i%len(zones)]),
			Mood: 1 + i%5, Craving: (i * 3) % 11,
			Triggers: []string{guide.Triggers()[i%len(guide.Triggers())]},
			Symptoms: []string{symptoms[i%len(symptoms)].ID},
			Coping:   []string{"coping.walk"},
			Used:     i == 5, SelfHarm: i == 7,
			Note: []string{"", "emoji 🙂 and RTL שלום", "=SUM(A1) formula-looking", "line\nbreak, \"quoted\"",
				strings.Repeat("long note ", 40)}[i%5],
		}
		if i%2 == 1 {
			e.SleepHours, e.SleepQuality, e.CravingPassed = &h, &q, &passed
		}
		if plan {
			e.Coping = append(e.Coping, cold.Tag())
		}
		if err := s.Add(&e); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// write stores one corpus entry in the format of `go test -fuzz`.
func write(name string, args []any) error {
	var b strings.Builder
	b.WriteString("go test fuzz v1\n")
	for _, a := range args {
		switch v := a.(type) {
		case []byte:
			b.WriteString("[]byte(" + strconv.Quote(string(v)) + ")\n")
		case string:
			b.WriteString("string(" + strconv.Quote(v) + ")\n")
		default:
			return fmt.Errorf("%s: unsupported argument %T", name, a)
		}
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}
