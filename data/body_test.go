package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fullBody records every field of the body log.
func fullBody() *Body {
	return &Body{
		UrinationsDay: ptr(14), UrinationsNight: ptr(3), Urgency: UrgencyStrong, Leaks: LeaksPads,
		UrinePain: ptr(6), Blood: BloodPink, Retention: ptr(false), Fever: ptr(false),
		PainBladder: ptr(5), PainFlank: ptr(0), PainUpper: ptr(2),
		ForPain: ptr(true), WithAlcohol: ptr(false), WithBenzos: ptr(true), WithOpioids: ptr(false),
		Medical: "Trimethoprim; urine test Tue; urology 12 Oct",
	}
}

func bodyRows(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM entry_body`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBodyRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	e := fullEntry(time.Now().Add(-time.Hour))
	e.Used = true
	e.Body = fullBody()
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Body, e.Body) {
		t.Errorf("body read back\n got %+v\nwant %+v", got.Body, e.Body)
	}

	// Partly recorded: only what was recorded comes back.
	got.Body = &Body{PainFlank: ptr(4), Blood: BloodNone}
	got.Used = false
	if err := s.Update(&got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Get(e.ID)
	if !reflect.DeepEqual(again.Body, &Body{PainFlank: ptr(4), Blood: BloodNone}) {
		t.Errorf("after update: %+v", again.Body)
	}

	// Nothing recorded: no row, nil Body.
	again.Body = &Body{}
	if err := s.Update(&again); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(e.ID); got.Body != nil || bodyRows(t, s) != 0 {
		t.Errorf("an empty body log was kept: %+v, %d rows", got.Body, bodyRows(t, s))
	}

	// Deleting the check-in deletes its body log; Restore puts it back.
	again.Body = fullBody()
	again.Used = true
	if err := s.Update(&again); err != nil {
		t.Fatal(err)
	}
	old, err := s.Delete(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if bodyRows(t, s) != 0 {
		t.Error("the body log outlived its check-in")
	}
	if err := s.Restore(&old); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(old.ID); !reflect.DeepEqual(got.Body, fullBody()) {
		t.Errorf("restored body %+v", got.Body)
	}
	// Page reads the body log too.
	if list := allEntries(t, s); len(list) != 1 || !reflect.DeepEqual(list[0].Body, fullBody()) {
		t.Errorf("Page: %+v", list)
	}
}

func TestBodyValidation(t *testing.T) {
	tests := []struct {
		name   string
		body   Body
		used   bool
		field  string // "" = valid
		reason string
	}{
		{"nothing", Body{}, false, "", ""},
		{"every field at its limits", Body{UrinationsDay: ptr(MaxUrinationsDay), UrinationsNight: ptr(0),
			UrinePain: ptr(10), PainBladder: ptr(0), PainFlank: ptr(10), PainUpper: ptr(10),
			Urgency: UrgencyNone, Leaks: LeaksSome, Blood: BloodClots, Retention: ptr(true), Fever: ptr(true),
			Medical: strings.Repeat("é", MaxBodyMedical)}, false, "", ""},
		{"lapse fields with a lapse", Body{ForPain: ptr(false), WithOpioids: ptr(true)}, true, "", ""},
		{"day count negative", Body{UrinationsDay: ptr(-1)}, false, "body.urinations_day", "range"},
		{"day count too high", Body{UrinationsDay: ptr(MaxUrinationsDay + 1)}, false, "body.urinations_day", "range"},
		{"night count too high", Body{UrinationsNight: ptr(MaxUrinationsNight + 1)}, false, "body.urinations_night", "range"},
		{"night count negative", Body{UrinationsNight: ptr(-3)}, false, "body.urinations_night", "range"},
		{"urine pain 11", Body{UrinePain: ptr(11)}, false, "body.urine_pain", "range"},
		{"urine pain -1", Body{UrinePain: ptr(-1)}, false, "body.urine_pain", "range"},
		{"bladder pain 11", Body{PainBladder: ptr(11)}, false, "body.pain_bladder", "range"},
		{"flank pain -1", Body{PainFlank: ptr(-1)}, false, "body.pain_flank", "range"},
		{"upper pain 12", Body{PainUpper: ptr(12)}, false, "body.pain_upper", "range"},
		{"urgency unknown", Body{Urgency: "very"}, false, "body.urgency", "unknown"},
		{"urgency wrong case", Body{Urgency: "Strong"}, false, "body.urgency", "unknown"},
		{"leaks unknown", Body{Leaks: "lots"}, false, "body.leaks", "unknown"},
		{"blood unknown", Body{Blood: "brown"}, false, "body.blood", "unknown"},
		{"for pain without a lapse", Body{ForPain: ptr(true)}, false, "body.for_pain", "invalid"},
		{"alcohol without a lapse", Body{WithAlcohol: ptr(false)}, false, "body.for_pain", "invalid"},
		{"benzodiazepines without a lapse", Body{WithBenzos: ptr(true)}, false, "body.for_pain", "invalid"},
		{"opioids without a lapse", Body{WithOpioids: ptr(true)}, false, "body.for_pain", "invalid"},
		{"medical too long", Body{Medical: strings.Repeat("x", MaxBodyMedical+1)}, false, "body.medical", "too_long"},
		{"medical two lines", Body{Medical: "a\nb"}, false, "body.medical", "invalid"},
		{"medical not UTF-8", Body{Medical: "\xff"}, false, "body.medical", "utf8"},
	}
	s, _ := openTemp(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.body
			e := Entry{At: time.Now().Add(-time.Minute), Mood: 3, Used: tt.used, Body: &b}
			before := bodyRows(t, s)
			err := s.Add(&e)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Add = %v, want it stored", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || string(fe.Reason) != tt.reason || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Add = %v, want a FieldError %s/%s", err, tt.field, tt.reason)
			}
			if bodyRows(t, s) != before {
				t.Error("a refused body log was stored")
			}
		})
	}
}

// TestMigrateFromV2 opens a journal made by Steady before the body log
// (testdata/v2.db, schema version 2) and checks that it migrates, keeps
// every check-in, and takes body logs afterwards.
func TestMigrateFromV2(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile("testdata/v2.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Errorf("version %d after migration, want %d", v, len(migrations))
	}
	list := allEntries(t, s)
	if len(list) != 3 {
		t.Fatalf("%d entries after migration, want 3", len(list))
	}
	first := list[2]
	if first.UUID != "22222222-2222-4222-8222-000000000001" || first.Mood != 2 || first.Craving != 7 ||
		first.Note != "before the body log" || first.SleepHours == nil || *first.SleepHours != 6.5 ||
		len(first.Triggers) != 1 || first.Body != nil {
		t.Errorf("oldest after migration = %+v", first)
	}
	if _, off := first.At.Zone(); off != 7200 {
		t.Errorf("offset %d, want 7200", off)
	}
	if !list[1].Used || !list[1].SelfHarm || list[1].Body != nil {
		t.Errorf("lapse after migration = %+v", list[1])
	}
	// Its notes are in the note index (migration 4, search.go).
	if _, few, err := s.noteCandidates("BODY LOG"); err != nil || !few {
		t.Errorf("the note index does not narrow a search for 'BODY LOG' (%v)", err)
	}
	if page, _, err := s.Page(Filter{Text: "BODY LOG"}, Cursor{}, 10); err != nil || len(page) != 1 || page[0].ID != first.ID {
		t.Errorf("'BODY LOG' finds %+v (%v), want the oldest check-in", page, err)
	}
	if q, ok, _ := s.QuitDate(); !ok || q.Format(dateLayout) != "2026-09-15" {
		t.Errorf("quit date %v %v", q, ok)
	}
	e := Entry{At: time.Now().Add(-time.Minute), Mood: 3, Body: &Body{PainBladder: ptr(3)}}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(e.ID); got.Body == nil || *got.Body.PainBladder != 3 {
		t.Errorf("body log after migration: %+v", got.Body)
	}
}

func TestBodyExportImport(t *testing.T) {
	src, _ := openTemp(t)
	at := time.Date(2026, 9, 3, 8, 0, 0, 0, time.FixedZone("", -4*3600))
	with := Entry{At: at, Mood: 2, Craving: 6, Used: true, Body: fullBody()}
	without := Entry{At: at.Add(time.Hour), Mood: 4}
	partial := Entry{At: at.Add(2 * time.Hour), Mood: 3, Body: &Body{UrinationsNight: ptr(0), Urgency: UrgencyNone}}
	for _, e := range []*Entry{&with, &without, &partial} {
		if err := src.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := src.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"urinations_night": 0`) || !strings.Contains(buf.String(), `"with_benzos": true`) {
		t.Errorf("export lacks the body log:\n%s", buf.String())
	}
	dst, _ := openTemp(t)
	res, err := dst.Import(bytes.NewReader(buf.Bytes()))
	if err != nil || res.Added != 3 {
		t.Fatalf("Import = %+v, %v", res, err)
	}
	byUUID := map[string]Entry{}
	for _, e := range allEntries(t, dst) {
		byUUID[e.UUID] = e
	}
	for _, want := range []Entry{with, without, partial} {
		got := byUUID[want.UUID]
		if !reflect.DeepEqual(got.Body, want.Body) {
			t.Errorf("%s: body %+v, want %+v", want.UUID, got.Body, want.Body)
		}
	}

	// A body value out of range refuses the whole file, changing nothing.
	bad := strings.Replace(buf.String(), `"pain_flank": 0`, `"pain_flank": 11`, 1)
	other, _ := openTemp(t)
	before := fingerprint(t, other)
	if _, err := other.Import(strings.NewReader(bad)); !errors.Is(err, ErrImport) {
		t.Fatalf("import of an out-of-range body value = %v", err)
	}
	if fingerprint(t, other) != before || bodyRows(t, other) != 0 {
		t.Error("a refused import changed the journal")
	}
	// So does an unknown body field.
	bad = strings.Replace(buf.String(), `"pain_flank": 0`, `"pain_flank": 0, "pain_toe": 3`, 1)
	if _, err := other.Import(strings.NewReader(bad)); !errors.Is(err, ErrImport) {
		t.Fatalf("import of an unknown body field = %v", err)
	}
}

func TestBodyCSV(t *testing.T) {
	want := []string{"urinations_day", "urinations_night", "urgency", "leaks", "urine_pain", "blood",
		"retention", "fever", "pain_bladder", "pain_flank", "pain_upper", "lapse_for_pain",
		"lapse_with_alcohol", "lapse_with_benzodiazepines", "lapse_with_opioids", "medical"}
	if len(want) != bodyCSVColumns || !reflect.DeepEqual(csvHeader[len(csvHeader)-bodyCSVColumns:], want) {
		t.Fatalf("CSV header ends %v, want %v", csvHeader[len(csvHeader)-bodyCSVColumns:], want)
	}
	s, _ := openTemp(t)
	at := time.Date(2026, 9, 3, 8, 0, 0, 0, time.UTC)
	b := fullBody()
	b.Medical = "=HYPERLINK(\"x\") test"
	for _, e := range []Entry{{At: at, Mood: 2, Used: true, Body: b}, {At: at.Add(time.Hour), Mood: 4}} {
		if err := s.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.ExportCSV(&buf, func(tag string) string { return tag }); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	got := rows[1][len(rows[1])-bodyCSVColumns:]
	wantRow := []string{"14", "3", "strong", "pads", "6", "pink", "no", "no", "5", "0", "2", "yes", "no", "yes", "no",
		"'=HYPERLINK(\"x\") test"}
	if !reflect.DeepEqual(got, wantRow) {
		t.Errorf("body cells %q, want %q", got, wantRow)
	}
	for i, c := range rows[2][len(rows[2])-bodyCSVColumns:] {
		if c != "" {
			t.Errorf("check-in without a body log has %s = %q", want[i], c)
		}
	}
}

// FuzzBody stores arbitrary body logs: each is either refused with a
// FieldError on a body field and not stored, or stored and read back
// exactly.
func FuzzBody(f *testing.F) {
	f.Add(14, 3, 6, 5, 0, 2, "strong", "pads", "pink", "Trimethoprim", uint8(0xff), true)
	f.Add(-1, 0, 0, 0, 0, 0, "", "", "", "", uint8(0), false)
	f.Add(99, 30, 10, 10, 10, 10, "none", "none", "clots", "a\nb", uint8(0x0f), false)
	f.Add(100, 31, 11, -1, 11, 11, "Some", "lots", "brown", "\xff", uint8(0xf0), true)
	f.Add(0, 0, 0, 0, 0, 0, "some", "some", "red", strings.Repeat("é", MaxBodyMedical+1), uint8(0x55), true)
	s := fuzzStore(f)
	at := time.Now().Add(-time.Hour)
	f.Fuzz(func(t *testing.T, day, night, urine, bladder, flank, upper int, urgency, leaks, blood, medical string,
		set uint8, used bool) {
		// set chooses which numbers and yes/no answers are recorded.
		num := func(bit uint, v int) *int {
			if set&(1<<bit) == 0 {
				return nil
			}
			return &v
		}
		yes := func(bit uint) *bool {
			if set&(1<<bit) == 0 {
				return nil
			}
			v := bit%2 == 0
			return &v
		}
		b := &Body{UrinationsDay: num(0, day), UrinationsNight: num(1, night), UrinePain: num(2, urine),
			PainBladder: num(3, bladder), PainFlank: num(4, flank), PainUpper: num(5, upper),
			Urgency: urgency, Leaks: leaks, Blood: blood, Retention: yes(6), Fever: yes(7),
			ForPain: yes(6), WithAlcohol: yes(7), Medical: medical}
		before := fingerprint(t, s)
		rows := bodyRows(t, s)
		e := Entry{At: at, Mood: 3, Used: used, Body: b}
		err := s.Add(&e)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !strings.HasPrefix(fe.Field, "body.") {
				t.Fatalf("Add = %v, want a body FieldError", err)
			}
			if fingerprint(t, s) != before || bodyRows(t, s) != rows {
				t.Fatal("a refused body log was stored")
			}
			if validBodyModel(b, used) {
				t.Fatalf("a valid body log was refused: %v (%+v)", err, b)
			}
			return
		}
		if !validBodyModel(b, used) {
			t.Fatalf("an invalid body log was stored: %+v", b)
		}
		got, err := s.Get(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := b
		if b.IsZero() {
			want = nil
		}
		if !reflect.DeepEqual(got.Body, want) {
			t.Fatalf("stored %+v, read back %+v", want, got.Body)
		}
	})
}

// validBodyModel is what Validate promises, written out independently.
func validBodyModel(b *Body, used bool) bool {
	in := func(p *int, max int) bool { return p == nil || (*p >= 0 && *p <= max) }
	oneOf := func(v string, values ...string) bool {
		if v == "" {
			return true
		}
		for _, x := range values {
			if v == x {
				return true
			}
		}
		return false
	}
	return in(b.UrinationsDay, 99) && in(b.UrinationsNight, 30) && in(b.UrinePain, 10) &&
		in(b.PainBladder, 10) && in(b.PainFlank, 10) && in(b.PainUpper, 10) &&
		oneOf(b.Urgency, "none", "some", "strong") && oneOf(b.Leaks, "none", "some", "pads") &&
		oneOf(b.Blood, "none", "pink", "red", "clots") &&
		(used || (b.ForPain == nil && b.WithAlcohol == nil && b.WithBenzos == nil && b.WithOpioids == nil)) &&
		utf8.ValidString(b.Medical) && utf8.RuneCountInString(b.Medical) <= 200 &&
		!strings.ContainsAny(b.Medical, "\n\r\x00")
}
