package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func ptr[T any](v T) *T { return &v }

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func fullEntry(at time.Time) Entry {
	return Entry{
		At: at, Mood: 2, Craving: 7,
		SleepHours: ptr(5.5), SleepQuality: ptr(2),
		Triggers:      []string{"trigger.stress", "trigger.payday"},
		Symptoms:      []string{"symptom.physical.tremors", "symptom.sleep.insomnia", "symptom.cravings.craving"},
		Coping:        []string{"strategy.support", "coping.urge_surfing"},
		CravingPassed: ptr(true), Used: false, SelfHarm: false,
		Note: "held on",
	}
}

func equalEntries(t *testing.T, got, want Entry) {
	t.Helper()
	if got.UUID != want.UUID || !got.At.Equal(want.At) || got.Mood != want.Mood || got.Craving != want.Craving ||
		got.Note != want.Note || got.Used != want.Used || got.SelfHarm != want.SelfHarm || got.Backdated != want.Backdated {
		t.Errorf("entry differs:\n got %+v\nwant %+v", got, want)
	}
	if (got.SleepHours == nil) != (want.SleepHours == nil) || (got.SleepHours != nil && *got.SleepHours != *want.SleepHours) {
		t.Errorf("sleep hours %v, want %v", got.SleepHours, want.SleepHours)
	}
	if (got.SleepQuality == nil) != (want.SleepQuality == nil) || (got.SleepQuality != nil && *got.SleepQuality != *want.SleepQuality) {
		t.Errorf("sleep quality %v, want %v", got.SleepQuality, want.SleepQuality)
	}
	if (got.CravingPassed == nil) != (want.CravingPassed == nil) || (got.CravingPassed != nil && *got.CravingPassed != *want.CravingPassed) {
		t.Errorf("craving passed %v, want %v", got.CravingPassed, want.CravingPassed)
	}
	for _, l := range [][2][]string{{got.Triggers, want.Triggers}, {got.Symptoms, want.Symptoms}, {got.Coping, want.Coping}} {
		if !slices.Equal(sorted(l[0]), sorted(l[1])) {
			t.Errorf("tags %v, want %v", l[0], l[1])
		}
	}
}

func TestEveryFieldRoundTrips(t *testing.T) {
	s, _ := openTemp(t)
	in := fullEntry(time.Now().Add(-time.Minute))
	if err := s.Add(&in); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(in.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalEntries(t, got, in)

	// Edit every field, clearing the optional ones.
	in.Mood, in.Craving, in.SleepHours, in.SleepQuality, in.CravingPassed = 4, 1, nil, nil, nil
	in.Triggers, in.Symptoms, in.Coping = []string{"trigger.boredom"}, nil, []string{"coping.walk"}
	in.Used, in.SelfHarm, in.Note = true, true, "used once; that's okay, starting again"
	if err := s.Update(&in); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Get(in.ID)
	equalEntries(t, got, in)
}

func TestTagsAreValidated(t *testing.T) {
	s, _ := openTemp(t)
	tests := []struct {
		name  string
		edit  func(*Entry)
		field string
	}{
		{"unknown trigger", func(e *Entry) { e.Triggers = []string{"trigger.nope"} }, "trigger"},
		{"symptom as trigger", func(e *Entry) { e.Triggers = []string{"symptom.physical.tremors"} }, "trigger"},
		{"repeated symptom", func(e *Entry) { e.Symptoms = []string{"symptom.sleep.insomnia", "symptom.sleep.insomnia"} }, "symptom"},
		{"unknown coping", func(e *Entry) { e.Coping = []string{"coping.nope"} }, "coping"},
		{"plan tag as symptom", func(e *Entry) { e.Symptoms = []string{"plan:abc"} }, "symptom"},
		{"sleep hours", func(e *Entry) { e.SleepHours = ptr(25.0) }, "sleep_hours"},
		{"negative sleep", func(e *Entry) { e.SleepHours = ptr(-1.0) }, "sleep_hours"},
		{"sleep quality", func(e *Entry) { e.SleepQuality = ptr(0) }, "sleep_quality"},
		{"future", func(e *Entry) { e.At = time.Now().Add(time.Hour) }, "at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fullEntry(time.Now())
			tt.edit(&e)
			var fe *FieldError
			if err := s.Add(&e); !errors.As(err, &fe) || fe.Field != tt.field {
				t.Errorf("Add = %v, want a %s error", err, tt.field)
			}
		})
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("%d invalid entries stored", n)
	}
	ok := fullEntry(time.Now())
	ok.Triggers = append(ok.Triggers, "plan:0b7e4a52-3f0e-4a8e-9a43-1c2d3e4f5a6b")
	if err := s.Add(&ok); err != nil {
		t.Errorf("a plan trigger was refused: %v", err)
	}
}

func TestBackdated(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Now()
	recent := Entry{At: now.Add(-5 * time.Minute), Mood: 3}
	old := Entry{At: now.Add(-3 * time.Hour), Mood: 3}
	for _, e := range []*Entry{&recent, &old} {
		if err := s.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := s.Get(recent.ID)
	o, _ := s.Get(old.ID)
	if r.Backdated || !o.Backdated {
		t.Errorf("backdated: recent %v, three hours ago %v", r.Backdated, o.Backdated)
	}
}

func TestRestoreAfterDelete(t *testing.T) {
	s, _ := openTemp(t)
	e := fullEntry(time.Now())
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	gone, err := s.Delete(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(&gone); err != nil {
		t.Fatal(err)
	}
	back, err := s.Get(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalEntries(t, back, e)
	if !back.Created.Equal(e.Created) {
		t.Errorf("created %v, want %v", back.Created, e.Created)
	}
}

func TestPageFilters(t *testing.T) {
	s, _ := openTemp(t)
	base := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < 30; i++ {
		e := Entry{At: base.AddDate(0, 0, i), Mood: 3, Craving: i % 11}
		if i%3 == 0 {
			e.Triggers = []string{"trigger.stress"}
		}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	count := func(f Filter) int {
		var n int
		cur := Cursor{}
		for {
			p, next, err := s.Page(f, cur, 4)
			if err != nil {
				t.Fatal(err)
			}
			n += len(p)
			for _, e := range p {
				if (!f.From.IsZero() && e.At.Before(f.From)) || (!f.To.IsZero() && !e.At.Before(f.To)) {
					t.Errorf("%v outside %v…%v", e.At, f.From, f.To)
				}
				if f.Trigger != "" && !slices.Contains(e.Triggers, f.Trigger) {
					t.Errorf("entry without %s listed", f.Trigger)
				}
			}
			if len(p) < 4 {
				return n
			}
			cur = next
		}
	}
	tests := []struct {
		name string
		f    Filter
		want int
	}{
		{"all", Filter{}, 30},
		{"trigger", Filter{Trigger: "trigger.stress"}, 10},
		{"range", Filter{From: base.AddDate(0, 0, 10), To: base.AddDate(0, 0, 20)}, 10},
		{"range and trigger", Filter{From: base.AddDate(0, 0, 10), To: base.AddDate(0, 0, 20), Trigger: "trigger.stress"}, 3},
		{"nothing", Filter{Trigger: "trigger.payday"}, 0},
	}
	for _, tt := range tests {
		if got := count(tt.f); got != tt.want {
			t.Errorf("%s: %d entries, want %d", tt.name, got, tt.want)
		}
	}
}

func TestInsights(t *testing.T) {
	s, _ := openTemp(t)
	plus8 := time.FixedZone("", 8*3600)
	// Day 1 (local, +8h): 23:30 and 01:00 the next local day are different days.
	add := func(at time.Time, mood, craving int, used bool, triggers ...string) {
		t.Helper()
		if err := s.Add(&Entry{At: at, Mood: mood, Craving: craving, Used: used, Triggers: triggers}); err != nil {
			t.Fatal(err)
		}
	}
	add(time.Date(2026, 3, 1, 9, 0, 0, 0, plus8), 2, 8, false, "trigger.stress")
	add(time.Date(2026, 3, 1, 23, 30, 0, 0, plus8), 4, 2, false, "trigger.stress", "trigger.boredom")
	add(time.Date(2026, 3, 2, 1, 0, 0, 0, plus8), 3, 6, true, "trigger.boredom", "trigger.stress")
	add(time.Date(2026, 3, 2, 23, 10, 0, 0, plus8), 5, 0, false)

	from, to := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	days, err := s.DailySeries(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 2 {
		t.Fatalf("%d days, want 2: %+v", len(days), days)
	}
	d1, d2 := days[0], days[1]
	if d1.Date != time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) || d1.Count != 2 || d1.AvgMood != 3 || d1.AvgCraving != 5 || d1.MaxCraving != 8 {
		t.Errorf("day 1 = %+v", d1)
	}
	if d2.Count != 2 || d2.AvgCraving != 3 || d2.MaxCraving != 6 {
		t.Errorf("day 2 = %+v", d2)
	}

	hours, err := s.HourProfile(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if hours[9].Count != 1 || hours[9].AvgCraving != 8 || hours[23].Count != 2 || hours[23].AvgCraving != 1 || hours[1].AvgCraving != 6 {
		t.Errorf("hours 1, 9, 23 = %+v %+v %+v", hours[1], hours[9], hours[23])
	}

	top, err := s.TopTags(KindTrigger, from, to, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := []TagCount{{"trigger.stress", 3}, {"trigger.boredom", 2}}
	if !slices.Equal(top, want) {
		t.Errorf("TopTags = %v, want %v", top, want)
	}

	last, ok, err := s.LastUse()
	if err != nil || !ok || last.Day() != 2 || last.Hour() != 1 {
		t.Errorf("LastUse = %v %v %v", last, ok, err)
	}
}

func TestDaysBetween(t *testing.T) {
	tests := []struct {
		a, b time.Time
		want int
	}{
		{time.Date(2026, 1, 1, 23, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 1, 0, 0, 0, time.UTC), 1},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 23, 0, 0, 0, time.UTC), 0},
		{time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC), 5},
		{time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), 365},
	}
	for _, tt := range tests {
		if got := DaysBetween(tt.a, tt.b); got != tt.want {
			t.Errorf("DaysBetween(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPlan(t *testing.T) {
	s, _ := openTemp(t)
	items := []PlanItem{
		{Kind: PlanReason, Text: "  My sister's wedding  "},
		{Kind: PlanPerson, Text: "Ana", Phone: "+44 (0)20 7946-0958"},
		{Kind: PlanTrigger, Text: "Friday nights at Sam's"},
		{Kind: PlanCoping, Text: "Cold shower"},
		{Kind: PlanReason, Text: "My bladder"},
	}
	for i := range items {
		if err := s.AddPlanItem(&items[i]); err != nil {
			t.Fatal(err)
		}
	}
	reasons, _ := s.Plan(PlanReason)
	if len(reasons) != 2 || reasons[0].Text != "My sister's wedding" || reasons[1].Text != "My bladder" {
		t.Errorf("reasons = %+v", reasons)
	}
	all, _ := s.Plan("")
	if len(all) != 5 {
		t.Errorf("%d plan items", len(all))
	}
	bad := []PlanItem{
		{Kind: "wish", Text: "x"},
		{Kind: PlanReason, Text: "   "},
		{Kind: PlanPerson, Text: "Bo", Phone: "call me maybe"},
		{Kind: PlanReason, Text: strings.Repeat("x", MaxPlanText+1)},
	}
	for _, b := range bad {
		if err := s.AddPlanItem(&b); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddPlanItem(%+v) = %v", b, err)
		}
	}
	trig := items[2]
	e := Entry{At: time.Now(), Mood: 3, Triggers: []string{trig.Tag()}}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePlanItem(trig.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(e.ID)
	if !slices.Equal(got.Triggers, []string{trig.Tag()}) {
		t.Errorf("deleting a plan item changed past check-ins: %v", got.Triggers)
	}
}

func TestQuitDate(t *testing.T) {
	s, _ := openTemp(t)
	if _, ok, _ := s.QuitDate(); ok {
		t.Fatal("a new journal has a quit date")
	}
	d := time.Date(2026, 10, 3, 15, 0, 0, 0, time.FixedZone("", -5*3600))
	if err := s.SetQuitDate(d); err != nil {
		t.Fatal(err)
	}
	got, ok, _ := s.QuitDate()
	if !ok || got != time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC) {
		t.Errorf("QuitDate = %v %v", got, ok)
	}
	s.SetQuitDate(time.Time{})
	if _, ok, _ := s.QuitDate(); ok {
		t.Error("quit date not cleared")
	}
}

func seedJournal(t *testing.T, s *Store) {
	t.Helper()
	s.SetQuitDate(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	p := PlanItem{Kind: PlanCoping, Text: "Cold shower"}
	if err := s.AddPlanItem(&p); err != nil {
		t.Fatal(err)
	}
	s.AddPlanItem(&PlanItem{Kind: PlanPerson, Text: "Ana", Phone: "+34 600 000 000"})
	zones := []*time.Location{time.UTC, time.FixedZone("", 9*3600), time.FixedZone("", -4*3600)}
	for i := 0; i < 12; i++ {
		e := fullEntry(time.Date(2026, 9, 1+i, i, 15, 0, 0, zones[i%3]))
		e.Note = []string{"", "emoji 🙂 and RTL שלום", "=SUM(A1) formula-looking", "line\nbreak, \"quoted\""}[i%4]
		if i%2 == 0 {
			e.SleepHours, e.SleepQuality, e.CravingPassed = nil, nil, nil
		}
		e.Coping = append(e.Coping, p.Tag())
		e.Used = i == 5
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
}

func allEntries(t *testing.T, s *Store) []Entry {
	t.Helper()
	list, _, err := s.Page(Filter{}, Cursor{}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestExportImportRoundTrip(t *testing.T) {
	src, _ := openTemp(t)
	seedJournal(t, src)
	var buf bytes.Buffer
	if err := src.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	export := buf.Bytes()

	dst, _ := openTemp(t)
	res, err := dst.Import(bytes.NewReader(export))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 12 || res.Skipped != 0 || res.PlanAdded != 2 {
		t.Errorf("first import: %+v", res)
	}
	want, got := allEntries(t, src), allEntries(t, dst)
	if len(got) != len(want) {
		t.Fatalf("%d entries imported, want %d", len(got), len(want))
	}
	for i := range want {
		equalEntries(t, got[i], want[i])
		if !got[i].Created.Equal(want[i].Created) || !got[i].Updated.Equal(want[i].Updated) {
			t.Errorf("times differ: %v/%v vs %v/%v", got[i].Created, got[i].Updated, want[i].Created, want[i].Updated)
		}
		if _, off := got[i].At.Zone(); func() int { _, o := want[i].At.Zone(); return o }() != off {
			t.Errorf("offset differs at %d", i)
		}
	}
	if q, ok, _ := dst.QuitDate(); !ok || q.Day() != 1 {
		t.Errorf("quit date not imported: %v", q)
	}

	res, err = dst.Import(bytes.NewReader(export))
	if err != nil || res.Added != 0 || res.Skipped != 12 || res.PlanAdded != 0 || res.PlanSkipped != 2 {
		t.Errorf("second import = %+v, %v; want everything skipped", res, err)
	}
	if n, _ := dst.Count(); n != 12 {
		t.Errorf("re-import made %d entries", n)
	}
	plan, _ := dst.Plan("")
	if len(plan) != 2 {
		t.Errorf("re-import made %d plan items", len(plan))
	}
}

func TestBadImportsChangeNothing(t *testing.T) {
	src, _ := openTemp(t)
	seedJournal(t, src)
	var buf bytes.Buffer
	src.ExportJSON(&buf)
	good := buf.String()

	tests := []struct {
		name   string
		file   string
		reason string
	}{
		{"empty", "", "json"},
		{"not json", "hello, this is a CSV,,,\n", "json"},
		{"other app", `{"format":"daylio","version":1}`, "format"},
		{"newer version", strings.Replace(good, `"version": 1`, `"version": 2`, 1), "version"},
		{"truncated", good[:len(good)/2], "json"},
		{"mood out of range", strings.Replace(good, `"mood": 2`, `"mood": 9`, 1), "entry"},
		{"craving out of range", strings.Replace(good, `"craving": 7`, `"craving": -3`, 1), "entry"},
		{"unknown symptom", strings.Replace(good, `symptom.physical.tremors`, `symptom.physical.itching`, 1), "entry"},
		{"invalid utf8", strings.Replace(good, `emoji`, "emo\xffji", 1), "utf8"},
		{"unknown field", strings.Replace(good, `"mood": 2`, `"mood": 2, "password": "x"`, 1), "json"},
		{"bad uuid", strings.Replace(good, `"uuid": "`, `"uuid": "x`, 1), "entry"},
		{"bad plan kind", strings.Replace(good, `"kind": "coping"`, `"kind": "secret"`, 1), "plan"},
	}
	dst, _ := openTemp(t)
	keep := Entry{At: time.Now(), Mood: 4, Note: "mine"}
	dst.Add(&keep)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == good {
				t.Fatal("the case does not change the export")
			}
			_, err := dst.Import(strings.NewReader(tt.file))
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, ErrImport) {
				t.Fatalf("Import = %v, want an ImportError", err)
			}
			if string(ie.Reason) != tt.reason {
				t.Errorf("reason %q, want %q (%v)", ie.Reason, tt.reason, err)
			}
			if n, _ := dst.Count(); n != 1 {
				t.Errorf("journal has %d entries after a refused import", n)
			}
			if p, _ := dst.Plan(""); len(p) != 0 {
				t.Errorf("plan has %d items after a refused import", len(p))
			}
		})
	}
}

func TestExportCSV(t *testing.T) {
	s, _ := openTemp(t)
	seedJournal(t, s)
	var buf bytes.Buffer
	label := func(tag string) string { return "<" + tag + ">" }
	if err := s.ExportCSV(&buf, label); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Count(out, "\n")
	if !strings.HasPrefix(out, strings.Join(csvHeader, ",")+"\n") {
		t.Errorf("header: %q", out[:80])
	}
	if lines < 13 {
		t.Errorf("%d lines", lines)
	}
	for _, want := range []string{"<trigger.payday>; <trigger.stress>", "'=SUM(A1) formula-looking", "\"line\nbreak, \"\"quoted\"\"\"", "2026-09-02T01:15:00+09:00"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q", want)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "export.json")
	os.WriteFile(p, []byte("old"), 0o644)
	err := WriteFileAtomic(p, func(w io.Writer) error { w.Write([]byte("half")); return errors.New("disk full") })
	if err == nil {
		t.Fatal("error lost")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("failed write changed the file: %q", b)
	}
	if err := WriteFileAtomic(p, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new" || (unixModes && st.Mode().Perm() != 0o600) {
		t.Errorf("after write: %q mode %o", b, st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
		t.Errorf("temp files left: %v", left)
	}
}

// TestDeleteAllLeavesNoTrace writes a marker note, deletes everything, and
// scans every file in the data directory for the marker.
func TestDeleteAllLeavesNoTrace(t *testing.T) {
	s, dir := openTemp(t)
	const marker = "MARKER-7f3a9c-private-note"
	s.SetSetting(SettingLanguage, "es")
	for i := 0; i < 300; i++ {
		e := Entry{At: time.Now().Add(-time.Duration(i) * time.Minute), Mood: 2, Note: marker + strings.Repeat(" filler", 20)}
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	s.AddPlanItem(&PlanItem{Kind: PlanReason, Text: marker})
	if err := s.BackupIfDue(time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(marker)) {
			t.Errorf("%s still holds the marker", p)
		}
		return nil
	})
	if _, err := os.Stat(BackupDir(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backups left after delete all: %v", err)
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("%d entries left", n)
	}
	if v, _, _ := s.Setting(SettingLanguage); v != "es" {
		t.Errorf("language lost: %q", v)
	}
	e := Entry{At: time.Now(), Mood: 3}
	if err := s.Add(&e); err != nil {
		t.Errorf("journal unusable after DeleteAll: %v", err)
	}
}

// TestMigrateFromV1 opens a journal written by schema version 1 (the
// fixture in testdata) and checks every entry survives the migration.
func TestMigrateFromV1(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile("testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, FileName), b, 0o600)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != schemaVersion() {
		t.Errorf("version %d after migration, want %d", v, schemaVersion())
	}
	list := allEntries(t, s)
	if len(list) != 3 {
		t.Fatalf("%d entries after migration", len(list))
	}
	oldest := list[2]
	if oldest.UUID != "11111111-1111-4111-8111-111111111111" || oldest.Mood != 2 || oldest.Craving != 8 || oldest.Note != "primera nota" {
		t.Errorf("oldest = %+v", oldest)
	}
	if _, off := oldest.At.Zone(); off != 3600 {
		t.Errorf("offset %d", off)
	}
	if list[1].Note != "second\nline two" || list[1].SleepHours != nil || list[1].Used {
		t.Errorf("middle = %+v", list[1])
	}
	if lang, _, _ := s.Setting(SettingLanguage); lang != "es" {
		t.Errorf("language %q", lang)
	}
}

// TestFailedMigrationLeavesFile makes a migration fail halfway and checks the
// file is exactly at its old version with its data.
func TestFailedMigrationLeavesFile(t *testing.T) {
	dir := t.TempDir()
	b, _ := os.ReadFile("testdata/v1.db")
	p := filepath.Join(dir, FileName)
	os.WriteFile(p, b, 0o600)
	saved := migrations
	defer func() { migrations = saved }()
	migrations = append(slices.Clone(saved[:1]), saved[1]+"\nCREATE TABLE entries (x);")
	if s, err := Open(dir); err == nil {
		s.Close()
		t.Fatal("a failing migration succeeded")
	}
	migrations = saved[:1]
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var cols int
	s.db.QueryRow(`SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'used'`).Scan(&cols)
	if cols != 0 {
		t.Error("half a migration was kept")
	}
	if n, _ := s.Count(); n != 3 {
		t.Errorf("%d entries", n)
	}
}

func TestAddAllIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Now()
	good := []Entry{{At: now, Mood: 3}, {At: now.Add(-2 * time.Hour), Mood: 4, Triggers: []string{"trigger.stress"}}}
	if err := s.AddAll(good); err != nil {
		t.Fatal(err)
	}
	if good[0].ID == 0 || good[1].UUID == "" || !good[1].Backdated {
		t.Errorf("AddAll did not fill in IDs, UUIDs or the back-dated mark: %+v", good)
	}
	got, _ := s.Get(good[1].ID)
	equalEntries(t, got, good[1])
	bad := []Entry{{At: now, Mood: 2}, {At: now, Mood: 9}}
	if err := s.AddAll(bad); !errors.Is(err, ErrInvalid) {
		t.Fatalf("AddAll with an invalid entry = %v", err)
	}
	if n, _ := s.Count(); n != 2 {
		t.Errorf("%d entries after a refused AddAll, want 2", n)
	}
}
