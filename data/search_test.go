package data

import (
	"bytes"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSignatureOf(t *testing.T) {
	sig := func(s string) signature { g, _ := signatureOf(s); return g }
	tests := []struct {
		name string
		text string
		ok   bool
	}{
		{"empty", "", false},
		{"two ASCII letters", "ab", false},
		{"three ASCII letters", "abc", true},
		{"one accented letter (2 bytes)", "é", false},
		{"one Japanese letter (3 bytes)", "眠", true},
		{"one Thai letter (3 bytes)", "ก", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := signatureOf(tt.text); ok != tt.ok {
				t.Errorf("signatureOf(%q) ok = %v, want %v", tt.text, ok, tt.ok)
			}
		})
	}
	// A–Z fold as LIKE folds them; nothing else does.
	if sig("Called SAM") != sig("called sam") {
		t.Error("ASCII case changes the signature")
	}
	if sig("ÉTÉ") == sig("été") {
		t.Error("É and é fold together; LIKE keeps them apart, so the index must too (or be coarser)")
	}
	// Every trigram of a text is in the signature of a note that holds it.
	note, text := sig("Rough night, called Sam after the party"), sig("CALLED sam")
	if !note.covers(&text) {
		t.Error("a note's signature does not cover a text it holds")
	}
	if other := sig("nowhere in any note"); note.covers(&other) {
		t.Error("unlikely: a short note covers an unrelated 19-byte text")
	}
}

// searchStore is a journal whose notes cover the cases of the text filter:
// ASCII case, accents, Japanese, Thai, LIKE's special characters, a long
// note and none.
func searchStore(t *testing.T) (*Store, []Entry) {
	t.Helper()
	entries := []Entry{
		ck(on(1, 9), 1, 9, withNote("Rough night, called Sam")),   // 0
		ck(on(1, 15), 2, 7, withUse(), withNote("ÉTÉ difficile")), // 1
		ck(on(2, 9), 3, 4, withNote("un été calme")),              // 2
		ck(on(2, 15), 4, 2, withNote("よく眠れなかった")),                 // 3
		ck(on(3, 9), 5, 0), // 4
		ck(on(3, 15), 2, 8, withNote("นอนไม่หลับ ทั้งคืน")),               // 5
		ck(on(4, 9), 1, 10, withNote(`100% tired, a_b \ c`)),              // 6
		ck(on(4, 15), 3, 5, withNote(strings.Repeat("walk ", 200)+"SAM")), // 7
		ck(on(5, 9), 2, 6, withNote("眠い")),                                // 8
	}
	s := statsStore(t, on(20, 0), entries)
	return s, entries
}

// filtered returns the indexes into entries of the check-ins Page finds
// for f, newest first, two to a page.
func filtered(t *testing.T, s *Store, entries []Entry, f Filter) []int {
	t.Helper()
	var got []int
	cur := Cursor{}
	for range 20 {
		page, next, err := s.Page(f, cur, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page {
			got = append(got, slices.IndexFunc(entries, func(x Entry) bool { return x.ID == e.ID }))
		}
		if len(page) < 2 {
			break
		}
		cur = next
	}
	return got
}

// TestTextFilterFindsWhatLikeFinds checks, by hand, what the text filter
// finds — the same as before the note index: ASCII letters in any case,
// every other letter exactly as written — through the index (three bytes
// or more) and without it (shorter texts).
func TestTextFilterFindsWhatLikeFinds(t *testing.T) {
	s, entries := searchStore(t)
	tests := []struct {
		text    string
		indexed bool  // the index narrows the search
		want    []int // newest first
	}{
		{"sam", true, []int{7, 0}},
		{"CALLED", true, []int{0}},
		{"été", true, []int{2}},  // é is not é's capital: LIKE folds ASCII only
		{"ÉTÉ", true, []int{1}},  // …and keeps É apart from é
		{"眠", true, []int{8, 3}}, // one Japanese letter is three bytes
		{"眠れ", true, []int{3}},
		{"ไม่หลับ", true, []int{5}}, // Thai, in the middle of a word
		{"100%", true, []int{6}},    // % is a letter, not a wildcard
		{"a_b", true, []int{6}},     // so is _
		{"a_", false, []int{6}},     // two bytes: no index
		{`\ c`, true, []int{6}},     // and the escape character
		{"k_d", true, nil},          // _ matches only _
		{"walk walk walk", true, []int{7}},
		{"é", false, []int{2}}, // two bytes: no index, same answer
		{"nowhere in any note", true, nil},
		{"  sam  ", true, []int{7, 0}},                       // trimmed
		{"sam\x00zzz", true, []int{7, 0}},                    // cut at a NUL byte
		{"\x00sam", false, []int{8, 7, 6, 5, 4, 3, 2, 1, 0}}, // nothing before it: no text filter
		{"\xf0\xb8\x9a", true, nil},                          // not UTF-8: not read as บ (U+0E1A)
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := filtered(t, s, entries, Filter{Text: tt.text}); !slices.Equal(got, tt.want) {
				t.Errorf("Text %q: got %v, want %v", tt.text, got, tt.want)
			}
			_, indexed, err := s.noteCandidates(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if indexed != tt.indexed {
				t.Errorf("Text %q: narrowed by the index = %v, want %v", tt.text, indexed, tt.indexed)
			}
		})
	}
	// Combined with the other filters, through the index.
	f := Filter{Text: "sam", Moods: MoodsOf(1), Cravings: CravingBetween(9, 10), Lapse: LapseNone}
	if got := filtered(t, s, entries, f); !slices.Equal(got, []int{0}) {
		t.Errorf("sam, mood 1, craving 9–10, no lapse: got %v, want [0]", got)
	}
	f = Filter{Text: "眠", From: on(3, 0)}
	if got := filtered(t, s, entries, f); !slices.Equal(got, []int{8}) {
		t.Errorf("眠 from the 3rd: got %v, want [8]", got)
	}
}

// TestNoteIndexFollowsEdits checks that the index follows every change of a
// note: an edit, a delete (its signature zeroed), an undo (Restore) and an
// ID used again after the newest check-in is deleted.
func TestNoteIndexFollowsEdits(t *testing.T) {
	s, entries := searchStore(t)
	find := func(text string) []int { return filtered(t, s, entries, Filter{Text: text}) }

	e := entries[0]
	e.Note = "slept badly"
	if err := s.Update(&e); err != nil {
		t.Fatal(err)
	}
	if got := find("called"); got != nil {
		t.Errorf("after the edit, 'called' finds %v", got)
	}
	if got := find("SLEPT"); !slices.Equal(got, []int{0}) {
		t.Errorf("after the edit, 'SLEPT' finds %v, want [0]", got)
	}
	// The stored signatures, byte for byte: the edited one and its
	// neighbours in the same row.
	for i, note := range []string{"slept badly", entries[1].Note, entries[2].Note} {
		want, _ := signatureOf(note)
		if got := storedSig(t, s, entries[i].ID); got != want {
			t.Errorf("after the edit, check-in %d's stored signature is %x, want %x", i, got, want)
		}
	}

	gone, err := s.Delete(entries[3].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := find("眠"); !slices.Equal(got, []int{8}) {
		t.Errorf("after the delete, 眠 finds %v, want [8]", got)
	}
	if sig := storedSig(t, s, entries[3].ID); sig != (signature{}) {
		t.Errorf("a deleted check-in's signature is %x, want zero", sig)
	}
	for _, i := range []int{2, 5} {
		want, _ := signatureOf(entries[i].Note)
		if got := storedSig(t, s, entries[i].ID); got != want {
			t.Errorf("after the delete, check-in %d's stored signature is %x, want %x", i, got, want)
		}
	}
	if err := s.Restore(&gone); err != nil {
		t.Fatal(err)
	}
	entries[3] = gone // a new ID
	if got := find("眠"); !slices.Equal(got, []int{8, 3}) {
		t.Errorf("after the undo, 眠 finds %v, want [8 3]", got)
	}

	// The newest ID, deleted, is given again by SQLite to the next check-in.
	last := entries[len(entries)-1]
	for _, x := range entries {
		last.ID = max(last.ID, x.ID)
	}
	if _, err := s.Delete(last.ID); err != nil {
		t.Fatal(err)
	}
	again := ck(on(6, 9), 3, 3)
	if err := s.Add(&again); err != nil {
		t.Fatal(err)
	}
	if again.ID != last.ID {
		t.Skipf("SQLite gave ID %d, not the freed %d: nothing to check", again.ID, last.ID)
	}
	if sig := storedSig(t, s, again.ID); sig != (signature{}) {
		t.Errorf("a check-in without a note on a freed ID has signature %x, want zero", sig)
	}
}

// storedSig reads the signature stored for entry id.
func storedSig(t *testing.T, s *Store, id int64) signature {
	t.Helper()
	var b []byte
	err := s.db.QueryRow(`SELECT sigs FROM note_sigs WHERE block = ?`, id/sigPerBlock).Scan(&b)
	if err != nil {
		t.Fatal(err)
	}
	var typ string
	if err := s.db.QueryRow(`SELECT typeof(sigs) FROM note_sigs WHERE block = ?`, id/sigPerBlock).Scan(&typ); err != nil || typ != "blob" || len(b) != sigBlock {
		t.Fatalf("note_sigs row is %s of %d bytes (%v), want a blob of %d", typ, len(b), err, sigBlock)
	}
	var sig signature
	copy(sig[:], b[(id%sigPerBlock)*sigBytes:])
	return sig
}

// TestNoteIndexFallsBackWhenManyMightMatch checks that a text that many
// notes hold is read in time order without the index, and finds the same.
func TestNoteIndexFallsBackWhenManyMightMatch(t *testing.T) {
	var entries []Entry
	for i := range maxCandidates + 10 {
		entries = append(entries, ck(on(1, 0).Add(time.Duration(i)*time.Minute), 3, 3, withNote(fmt.Sprintf("note %d", i))))
	}
	s := statsStore(t, on(20, 0), entries)
	if _, few, err := s.noteCandidates("note"); err != nil || few {
		t.Fatalf("'note' narrowed by the index = %v (%v), want false", few, err)
	}
	page, _, err := s.Page(Filter{Text: "NOTE"}, Cursor{}, 2)
	if err != nil || len(page) != 2 || page[0].Note != "note 2009" || page[1].Note != "note 2008" {
		t.Fatalf("'NOTE' finds %+v (%v), want notes 2009 and 2008", page, err)
	}
	page, _, err = s.Page(Filter{Text: "NOTE 2"}, Cursor{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, e := range page {
		notes = append(notes, e.Note)
	}
	if want := []string{"note 2009", "note 2008", "note 2007"}; !slices.Equal(notes, want) {
		t.Errorf("'NOTE 2' finds %q, want %q", notes, want)
	}
	if ids, few, err := s.noteCandidates("note 1999"); err != nil || !few || ids == "" {
		t.Fatalf("'note 1999' narrowed by the index = %v (%v)", few, err)
	}
}

// TestMigrateFillsNoteIndex opens a journal made at schema version 3 (made
// here with the migrations as they shipped) and checks that the migration
// to version 4 indexes every note that was there.
func TestMigrateFillsNoteIndex(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:3] {
		if _, err := db.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	stmts := []string{
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		"PRAGMA user_version = 3",
	}
	// IDs in two blocks of the index, one without a note.
	for i, n := range []struct {
		id   int
		note string
	}{{1, "Called SAM"}, {63, ""}, {64, "よく眠れなかった"}, {130, "un été calme"}} {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO entries (id, uuid, at_ms, tz_offset, created_ms, updated_ms, mood, craving, note)
			VALUES (%d, '00000000-0000-4000-8000-%012d', %d, 0, 0, 0, 3, 3, '%s')`, n.id, i, on(1+i, 9).UnixMilli(), n.note))
	}
	for _, st := range stmts {
		if _, err := db.Exec(st); err != nil {
			t.Fatal(st, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != 4 {
		t.Fatalf("version %d (%v) after migration, want 4", v, err)
	}
	for _, tt := range []struct {
		text string
		want []int64
	}{{"called sam", []int64{1}}, {"眠れ", []int64{64}}, {"été", []int64{130}}, {"nowhere", nil}} {
		if _, few, _ := s.noteCandidates(tt.text); !few {
			t.Errorf("%q: the index does not narrow the search", tt.text)
		}
		page, _, err := s.Page(Filter{Text: tt.text}, Cursor{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, e := range page {
			ids = append(ids, e.ID)
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%q finds %v, want %v", tt.text, ids, tt.want)
		}
	}
	if sig := storedSig(t, s, 63); sig != (signature{}) {
		t.Errorf("the check-in without a note has signature %x", sig)
	}
}

// TestNoteIndexHoldsNoText checks that the index keeps no note's text: a
// signature is hashed bits.
func TestNoteIndexHoldsNoText(t *testing.T) {
	s, _ := searchStore(t)
	rows, err := s.db.Query(`SELECT sigs FROM note_sigs`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"Sam", "night", "眠", "tired"} {
			if bytes.Contains(b, []byte(w)) {
				t.Errorf("note_sigs holds %q", w)
			}
		}
	}
}

// TestNoteIndexInEncryptedJournal checks the note index in an encrypted
// journal (the vault's database in memory): written, sealed with the rest,
// and used after the journal is unlocked again.
func TestNoteIndexInEncryptedJournal(t *testing.T) {
	s, dir := encryptedJournal(t, "plain marker")
	e := Entry{At: time.Now(), Mood: 1, Note: "よく眠れなかった"}
	if err := s.Add(&e); err != nil {
		t.Fatal(err)
	}
	if err := s.waitSaved(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	for _, tt := range []struct {
		text string
		want int
	}{{"眠れ", 1}, {"PLAIN MARKER", 50}, {"nowhere", 0}} {
		var n int
		cur := Cursor{}
		for {
			page, next, err := s2.Page(Filter{Text: tt.text}, cur, 20)
			if err != nil {
				t.Fatal(err)
			}
			n += len(page)
			if len(page) < 20 {
				break
			}
			cur = next
		}
		if n != tt.want {
			t.Errorf("%q finds %d check-ins, want %d", tt.text, n, tt.want)
		}
		if _, few, _ := s2.noteCandidates(tt.text); !few {
			t.Errorf("%q: the index does not narrow the search in the encrypted journal", tt.text)
		}
	}
}

// TestNoteIndexCopyFollowsChanges checks that the copy of the note index a
// search keeps is read again after every change: a new note, a failed
// batch (rolled back), a passphrase set and removed (new database handles).
func TestNoteIndexCopyFollowsChanges(t *testing.T) {
	s, _ := openTemp(t)
	count := func(text string) int {
		t.Helper()
		page, _, err := s.Page(Filter{Text: text}, Cursor{}, 50)
		if err != nil {
			t.Fatal(err)
		}
		if _, few, _ := s.noteCandidates(text); !few {
			t.Errorf("%q: the index does not narrow the search", text)
		}
		return len(page)
	}
	add := func(note string) {
		t.Helper()
		if err := s.Add(&Entry{At: time.Now().Add(-time.Minute), Mood: 3, Craving: 3, Note: note}); err != nil {
			t.Fatal(err)
		}
	}
	add("first walk")
	if n := count("walk"); n != 1 {
		t.Fatalf("'walk' finds %d, want 1", n)
	}
	add("second walk")
	if n := count("walk"); n != 2 {
		t.Errorf("after a new note, 'walk' finds %d, want 2", n)
	}
	// A batch with a bad check-in at its end stores nothing.
	bad := []Entry{{At: time.Now().Add(-time.Minute), Mood: 3, Note: "third walk"}, {At: time.Now(), Mood: 99}}
	if err := s.AddAll(bad); err == nil {
		t.Fatal("a check-in with mood 99 was stored")
	}
	if n := count("walk"); n != 2 {
		t.Errorf("after a refused batch, 'walk' finds %d, want 2", n)
	}
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	add("encrypted walk")
	if n := count("walk"); n != 3 {
		t.Errorf("with a passphrase, 'walk' finds %d, want 3", n)
	}
	if err := s.RemovePassphrase(); err != nil {
		t.Fatal(err)
	}
	if n := count("walk"); n != 3 {
		t.Errorf("after removing the passphrase, 'walk' finds %d, want 3", n)
	}
	add("plain walk")
	if n := count("WALK"); n != 4 {
		t.Errorf("'WALK' finds %d, want 4", n)
	}
}

// FuzzTextFilter checks that the note index never changes what the text
// filter finds: for any note and any text, Page finds exactly what LIKE
// finds reading every note without the index.
func FuzzTextFilter(f *testing.F) {
	for _, seed := range [][2]string{
		{"Rough night, called Sam", "CALLED sam"},
		{"ÉTÉ difficile", "été"},
		{"よく眠れなかった", "眠れ"},
		{"นอนไม่หลับ ทั้งคืน", "ไม่หลับ"},
		{`100% tired, a_b \ c`, `_b \`},
		{"abc", "abcd"},
		{"", "x"},
		{"", "\x0000"},
		{"ends with ab", "ab\x00cd"},
		{"ไม่หลับ", "\xf0\xb8\x9a"},
	} {
		f.Add(seed[0], seed[1])
	}
	s := fuzzStore(f)
	at := time.Now().Add(-time.Hour)
	f.Fuzz(func(t *testing.T, note, text string) {
		e := Entry{At: at, Mood: 3, Note: note}
		if err := s.Add(&e); err != nil {
			return // a note Add refuses (FuzzNote)
		}
		defer func() {
			if _, err := s.Delete(e.ID); err != nil {
				t.Fatal(err)
			}
		}()
		f := Filter{Text: text}
		var got []int64
		cur := Cursor{}
		for {
			page, next, err := s.Page(f, cur, 7)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range page {
				got = append(got, x.ID)
			}
			if len(page) < 7 {
				break
			}
			cur = next
		}
		where, args := f.conditions(nil, nil)
		q := `SELECT id FROM entries`
		if len(where) > 0 {
			q += ` WHERE ` + strings.Join(where, ` AND `)
		}
		rows, err := s.db.Query(q+` ORDER BY at_ms DESC, id DESC`, args...)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			want = append(want, id)
		}
		rows.Close()
		if !slices.Equal(got, want) {
			t.Fatalf("note %q, text %q: Page finds %v, LIKE over every note %v", note, text, got, want)
		}
	})
}
