package data

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ExportFormat names Steady's JSON export; ExportVersion is the version this
// build writes and reads.
const (
	ExportFormat  = "steady-journal"
	ExportVersion = 1
	// MaxImportSize bounds what Import reads.
	MaxImportSize = 256 << 20
)

// ErrImport reports a file that is not a Steady export Steady can read.
// Nothing is changed when it is returned.
var ErrImport = errors.New("not a Steady export this version can read")

// ImportError says why an import was refused; it wraps ErrImport.
type ImportError struct {
	Reason Reason // ReasonFormat, ReasonVersion, ReasonJSON, ReasonUTF8, ReasonEntry, ReasonPlan, ReasonSize
	Index  int    // the offending entry or plan item, for "entry" and "plan"
	Err    error
}

func (e *ImportError) Error() string {
	s := "import: " + string(e.Reason)
	if e.Reason == ReasonEntry || e.Reason == ReasonPlan {
		s += " " + strconv.Itoa(e.Index+1)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap makes errors.Is(err, ErrImport) true.
func (e *ImportError) Unwrap() []error { return []error{ErrImport, e.Err} }

type exportFile struct {
	Format     string        `json:"format"`
	Version    int           `json:"version"`
	ExportedAt time.Time     `json:"exported_at"`
	QuitDate   string        `json:"quit_date,omitempty"`
	Entries    []exportEntry `json:"entries"`
	Plan       []exportPlan  `json:"plan"`
}

type exportEntry struct {
	UUID          string    `json:"uuid"`
	At            time.Time `json:"at"`
	Created       time.Time `json:"created"`
	Updated       time.Time `json:"updated"`
	Mood          int       `json:"mood"`
	Craving       int       `json:"craving"`
	SleepHours    *float64  `json:"sleep_hours,omitempty"`
	SleepQuality  *int      `json:"sleep_quality,omitempty"`
	Triggers      []string  `json:"triggers"`
	Symptoms      []string  `json:"symptoms"`
	Coping        []string  `json:"coping"`
	CravingPassed *bool     `json:"craving_passed,omitempty"`
	Used          bool      `json:"used"`
	SelfHarm      bool      `json:"self_harm"`
	Backdated     bool      `json:"backdated"`
	Note          string    `json:"note"`
	Body          *Body     `json:"body,omitempty"`
}

type exportPlan struct {
	UUID    string    `json:"uuid"`
	Kind    string    `json:"kind"`
	Text    string    `json:"text"`
	Phone   string    `json:"phone,omitempty"`
	Created time.Time `json:"created"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// eachEntry calls f for every entry, oldest first, a page at a time.
func (s *Store) eachEntry(f func(Entry) error) error {
	// Page walks newest first; collect IDs in pages and emit oldest first
	// by walking the index backwards instead.
	const page = 1000
	last := Cursor{atMS: -1 << 62, id: -1}
	for {
		rows, err := s.db.Query(`SELECT `+entryColumns+` FROM entries
			WHERE (at_ms, id) > (?, ?) ORDER BY at_ms, id LIMIT ?`, last.atMS, last.id, page)
		if err != nil {
			return err
		}
		var batch []Entry
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := s.loadTags(batch); err != nil {
			return err
		}
		for _, e := range batch {
			if err := f(e); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
		l := batch[len(batch)-1]
		last = Cursor{atMS: l.At.UnixMilli(), id: l.ID}
	}
}

// ExportJSON writes the whole journal — check-ins, plan and quit date — in
// Steady's versioned JSON format, which Import reads back.
func (s *Store) ExportJSON(w io.Writer) error {
	f := exportFile{Format: ExportFormat, Version: ExportVersion, ExportedAt: s.now().UTC().Truncate(time.Second),
		Entries: []exportEntry{}, Plan: []exportPlan{}}
	if q, ok, err := s.QuitDate(); err != nil {
		return fmt.Errorf("export: %w", err)
	} else if ok {
		f.QuitDate = q.Format(dateLayout)
	}
	err := s.eachEntry(func(e Entry) error {
		f.Entries = append(f.Entries, exportEntry{
			UUID: e.UUID, At: e.At, Created: e.Created, Updated: e.Updated, Mood: e.Mood, Craving: e.Craving,
			SleepHours: e.SleepHours, SleepQuality: e.SleepQuality, Triggers: nonNil(e.Triggers),
			Symptoms: nonNil(e.Symptoms), Coping: nonNil(e.Coping), CravingPassed: e.CravingPassed,
			Used: e.Used, SelfHarm: e.SelfHarm, Backdated: e.Backdated, Note: e.Note, Body: e.Body,
		})
		return nil
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	plan, err := s.Plan("")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, p := range plan {
		f.Plan = append(f.Plan, exportPlan{UUID: p.UUID, Kind: p.Kind, Text: p.Text, Phone: p.Phone, Created: p.Created})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// csvHeader is the first row of a CSV export.
var csvHeader = []string{"time", "mood", "craving", "sleep_hours", "sleep_quality", "triggers",
	"symptoms", "coping", "craving_passed", "used", "self_harm", "backdated", "note",
	"urinations_day", "urinations_night", "urgency", "leaks", "urine_pain", "blood", "retention",
	"fever", "pain_bladder", "pain_flank", "pain_upper", "lapse_for_pain", "lapse_with_alcohol",
	"lapse_with_benzodiazepines", "lapse_with_opioids", "medical"}

// ExportCSV writes one row per check-in, oldest first, for a spreadsheet or a
// clinician. label turns a tag into readable text (e.g. the translated
// symptom name); lists are joined with "; ".
func (s *Store) ExportCSV(w io.Writer, label func(tag string) string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	join := func(tags []string) string {
		out := make([]string, len(tags))
		for i, t := range tags {
			out[i] = label(t)
		}
		return strings.Join(out, "; ")
	}
	yesNo := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	err := s.eachEntry(func(e Entry) error {
		row := []string{e.At.Format(time.RFC3339), strconv.Itoa(e.Mood), strconv.Itoa(e.Craving), "", "",
			join(e.Triggers), join(e.Symptoms), join(e.Coping), "", yesNo(e.Used), yesNo(e.SelfHarm),
			yesNo(e.Backdated), csvSafe(e.Note)}
		row = append(row, e.Body.csvFields()...)
		if e.SleepHours != nil {
			row[3] = strconv.FormatFloat(*e.SleepHours, 'f', -1, 64)
		}
		if e.SleepQuality != nil {
			row[4] = strconv.Itoa(*e.SleepQuality)
		}
		if e.CravingPassed != nil {
			row[8] = yesNo(*e.CravingPassed)
		}
		return cw.Write(csvRow(row)) // every cell: plan labels and translated names too (csv.go)
	})
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

func validUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}

// WriteFileAtomic writes a file readable by its owner only: into a temporary
// file beside path, synced, then renamed over path, so a crash leaves either
// the old file or the new one, never half of one.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // best effort: not every system syncs directories
		d.Close()
	}
	return nil
}
