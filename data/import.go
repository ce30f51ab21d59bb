package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"
	"unicode/utf8"
)

// ImportResult says what an import did.
type ImportResult struct {
	Added, Skipped         int // check-ins: new, and already in the journal
	PlanAdded, PlanSkipped int
}

// maxImportValue bounds one value of an export: a check-in, a plan item, a
// key. The largest valid check-in is far smaller (a 10 000-character note
// written entirely as escaped surrogate pairs is 120 kB), so a file made to
// exhaust memory with one huge value is refused once this much of it has
// been read, not after reading it all.
const maxImportValue = 1 << 20

// Errors of the import's reader; the decoder hands them back as they are.
var (
	errImportSize  = errors.New("larger than the import limit")
	errImportValue = fmt.Errorf("a value larger than %d bytes", maxImportValue)
	errImportUTF8  = errors.New("not UTF-8")
)

// Import reads a JSON export and adds what the journal does not have yet
// (matched by UUID), in one transaction: all of it, or, when anything in the
// file is refused, nothing. A file that is not a Steady export, from a newer
// version, truncated, not UTF-8, larger than MaxImportSize, or with any value
// out of range is refused with an *ImportError.
//
// The file is read as a stream: each check-in is decoded, checked and
// stored in turn, and the transaction is rolled back if a later one is
// refused, so memory stays small however large the file is. Steady writes
// "format" and "version" first; a file with check-ins or plan items before
// them is refused.
func (s *Store) Import(r io.Reader) (ImportResult, error) {
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := st.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > MaxImportSize {
			return ImportResult{}, &ImportError{Reason: ReasonSize}
		}
	}
	var res ImportResult
	err := s.tx(func(tx *sql.Tx) error {
		in := &importReader{r: r, stop: MaxImportSize + 1}
		im := &importer{s: s, tx: tx, in: in, dec: json.NewDecoder(in), now: s.now()}
		im.dec.DisallowUnknownFields()
		if err := im.run(); err != nil {
			return err
		}
		res = im.res
		return nil
	})
	var ie *ImportError
	if errors.As(err, &ie) {
		return ImportResult{}, ie
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	return res, nil
}

// importer reads one export into a write transaction.
type importer struct {
	s   *Store
	tx  *sql.Tx
	in  *importReader
	dec *json.Decoder
	now time.Time
	res ImportResult

	format, version bool // seen, and right
}

// run reads the whole export: one object, then nothing but white space.
func (im *importer) run() error {
	if err := im.delim('{'); err != nil {
		return err
	}
	seen := map[string]bool{}
	var quit time.Time
	for im.dec.More() {
		im.window()
		tok, err := im.dec.Token()
		if err != nil {
			return im.refuse(jsonError{err}, ReasonJSON, 0)
		}
		key, _ := tok.(string)
		if seen[key] {
			return &ImportError{Reason: ReasonJSON, Err: fmt.Errorf("%q twice", key)}
		}
		seen[key] = true
		switch key {
		case "format":
			var v string
			if err := im.value(&v); err != nil {
				return err
			}
			if v != ExportFormat {
				return &ImportError{Reason: ReasonFormat}
			}
			im.format = true
		case "version":
			var v int
			if err := im.value(&v); err != nil {
				return err
			}
			if v != ExportVersion {
				return &ImportError{Reason: ReasonVersion, Err: fmt.Errorf("version %d", v)}
			}
			im.version = true
		case "exported_at":
			var v time.Time
			if err := im.value(&v); err != nil {
				return err
			}
		case "quit_date":
			var v string
			if err := im.value(&v); err != nil {
				return err
			}
			if v != "" {
				if quit, err = time.Parse(dateLayout, v); err != nil {
					return &ImportError{Reason: ReasonJSON, Err: err}
				}
			}
		case "entries":
			if err := im.list(ReasonEntry, im.entry); err != nil {
				return err
			}
		case "plan":
			if err := im.list(ReasonPlan, im.planItem); err != nil {
				return err
			}
		default:
			return &ImportError{Reason: ReasonJSON, Err: fmt.Errorf("unknown field %q", key)}
		}
	}
	if err := im.delim('}'); err != nil {
		return err
	}
	im.window()
	if _, err := im.dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("data after the export")
		}
		return im.refuse(jsonError{err}, ReasonJSON, 0)
	}
	if err := im.header(); err != nil {
		return err
	}
	if !quit.IsZero() {
		if _, err := im.tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
			SettingQuitDate, quit.Format(dateLayout)); err != nil {
			return err
		}
	}
	return nil
}

// header refuses a file whose format and version were not (yet) right.
func (im *importer) header() error {
	if !im.format {
		return &ImportError{Reason: ReasonFormat}
	}
	if !im.version {
		return &ImportError{Reason: ReasonVersion, Err: errors.New("no version")}
	}
	return nil
}

// window lets the decoder read at most maxImportValue bytes past where it
// is now.
func (im *importer) window() {
	im.in.stop = min(im.dec.InputOffset()+maxImportValue, MaxImportSize+1)
}

// delim reads the delimiter want.
func (im *importer) delim(want json.Delim) error {
	im.window()
	tok, err := im.dec.Token()
	if err != nil {
		return im.refuse(jsonError{err}, ReasonJSON, 0)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return &ImportError{Reason: ReasonJSON, Err: fmt.Errorf("%v where %v belongs", tok, want)}
	}
	return nil
}

// value decodes the next value into v.
func (im *importer) value(v any) error {
	im.window()
	if err := im.dec.Decode(v); err != nil {
		return im.refuse(jsonError{err}, ReasonJSON, 0)
	}
	return nil
}

// list reads an array, calling item for each element with its index.
func (im *importer) list(reason Reason, item func(i int) error) error {
	if err := im.header(); err != nil {
		return err
	}
	if err := im.delim('['); err != nil {
		return err
	}
	for i := 0; im.dec.More(); i++ {
		im.window()
		if err := item(i); err != nil {
			return im.refuse(err, reason, i)
		}
	}
	return im.delim(']')
}

// entry reads, checks and stores check-in i.
func (im *importer) entry(i int) error {
	var x exportEntry
	if err := im.dec.Decode(&x); err != nil {
		return jsonError{err}
	}
	e := Entry{UUID: x.UUID, At: x.At, Created: x.Created, Updated: x.Updated, Mood: x.Mood,
		Craving: x.Craving, SleepHours: x.SleepHours, SleepQuality: x.SleepQuality, Triggers: x.Triggers,
		Symptoms: x.Symptoms, Coping: x.Coping, CravingPassed: x.CravingPassed, Used: x.Used,
		SelfHarm: x.SelfHarm, Backdated: x.Backdated, Note: x.Note, Body: x.Body}
	err := e.validate(im.s.guide, im.now)
	if err == nil && (!validUUID(e.UUID) || e.Created.IsZero() || e.Updated.IsZero()) {
		err = errors.New("missing uuid or times")
	}
	if err != nil {
		return &ImportError{Reason: ReasonEntry, Index: i, Err: err}
	}
	var exists int
	if err := im.tx.QueryRow(`SELECT count(*) FROM entries WHERE uuid = ?`, e.UUID).Scan(&exists); err != nil {
		return err
	}
	if exists > 0 {
		im.res.Skipped++
		return nil
	}
	if err := insertEntry(im.tx, &e); err != nil {
		return err
	}
	im.res.Added++
	return nil
}

// planItem reads, checks and stores plan item i.
func (im *importer) planItem(i int) error {
	var x exportPlan
	if err := im.dec.Decode(&x); err != nil {
		return jsonError{err}
	}
	p := PlanItem{UUID: x.UUID, Kind: x.Kind, Text: x.Text, Phone: x.Phone, Created: x.Created}
	if err := p.validate(); err != nil || !validUUID(p.UUID) || p.Created.IsZero() {
		if err == nil {
			err = errors.New("missing uuid or time")
		}
		return &ImportError{Reason: ReasonPlan, Index: i, Err: err}
	}
	r, err := im.tx.Exec(`INSERT INTO plan_items (uuid, kind, text, phone, position, created_ms)
		VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM plan_items WHERE kind = ?), ?)
		ON CONFLICT (uuid) DO NOTHING`, p.UUID, p.Kind, p.Text, p.Phone, p.Kind, p.Created.UnixMilli())
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 1 {
		im.res.PlanAdded++
	} else {
		im.res.PlanSkipped++
	}
	return nil
}

// jsonError is what the decoder said about the file.
type jsonError struct{ err error }

func (e jsonError) Error() string { return e.err.Error() }
func (e jsonError) Unwrap() error { return e.err }

// refuse turns what went wrong while reading into an *ImportError: the
// reader's own errors first (too large, not UTF-8), then a refusal already
// made, then a value too large for one element of a list (its reason and
// index), then anything the decoder said (ReasonJSON). Errors from the
// journal itself are returned as they are.
func (im *importer) refuse(err error, reason Reason, i int) error {
	var ie *ImportError
	var je jsonError
	switch {
	case errors.Is(err, errImportSize):
		return &ImportError{Reason: ReasonSize}
	case errors.Is(err, errImportUTF8):
		return &ImportError{Reason: ReasonUTF8}
	case errors.As(err, &ie):
		return ie
	case errors.Is(err, errImportValue) && (reason == ReasonEntry || reason == ReasonPlan):
		return &ImportError{Reason: reason, Index: i, Err: errImportValue}
	case errors.As(err, &je):
		return &ImportError{Reason: ReasonJSON, Err: je.err}
	}
	return err
}

// importReader is the import's view of its file: it counts what it reads,
// refuses to read past stop (the size limit, or the end of the window the
// current value may fill) and checks that the bytes are UTF-8 as they pass.
type importReader struct {
	r    io.Reader
	read int64 // bytes read so far
	stop int64 // read nothing at or past this offset
	utf8 utf8Stream
}

func (in *importReader) Read(p []byte) (int, error) {
	if in.read >= in.stop {
		if in.stop > MaxImportSize {
			return 0, errImportSize
		}
		return 0, errImportValue
	}
	p = p[:min(int64(len(p)), in.stop-in.read)]
	n, err := in.r.Read(p)
	in.read += int64(n)
	if !in.utf8.write(p[:n]) {
		return 0, errImportUTF8
	}
	if in.read > MaxImportSize {
		return 0, errImportSize
	}
	if err == io.EOF && !in.utf8.end() {
		return 0, errImportUTF8
	}
	return n, err
}

// utf8Stream checks that a stream of bytes is UTF-8, one chunk at a time:
// a character split between two chunks is held until it is complete.
type utf8Stream struct {
	pend [utf8.UTFMax]byte // the start of a character the last chunk cut
	n    int
}

// write checks the next chunk; false means the stream is not UTF-8.
func (u *utf8Stream) write(b []byte) bool {
	for u.n > 0 {
		if len(b) == 0 {
			return true // still waiting for the rest of the character
		}
		u.pend[u.n] = b[0]
		u.n++
		b = b[1:]
		if utf8.FullRune(u.pend[:u.n]) {
			if r, size := utf8.DecodeRune(u.pend[:u.n]); r == utf8.RuneError && size == 1 {
				return false
			}
			u.n = 0
		}
	}
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(b[:cut]) {
		return false
	}
	u.n = copy(u.pend[:], b[cut:])
	return true
}

// end reports whether the stream ended on a whole character.
func (u *utf8Stream) end() bool { return u.n == 0 }
