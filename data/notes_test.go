package data

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostileNotes are notes people (or a pasted file) may write: each is
// stored and read back exactly, or refused with a FieldError and not
// stored. reason is "" for stored.
var hostileNotes = []struct {
	name   string
	note   string
	reason string
}{
	{"empty", "", ""},
	{"at the limit, ASCII", strings.Repeat("a", MaxNoteLength), ""},
	{"at the limit, 4-byte emoji", strings.Repeat("🫠", MaxNoteLength), ""},
	{"at the limit, mixed", strings.Repeat("x界🙂", MaxNoteLength/3) + "z", ""},
	{"one over the limit", strings.Repeat("a", MaxNoteLength+1), "too_long"},
	{"far over the limit", strings.Repeat("long day. ", 5000), "too_long"},
	{"emoji with modifiers and joiners", "👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🩹 1️⃣", ""},
	{"right-to-left", "היום היה קשה، لكنني بخير", ""},
	{"bidi controls", "abc\u202Eevil\u202C \u2066isolated\u2069 \u200F", ""},
	{"combining marks", "e\u0301 Z̤̺̦̮͍a̘͍l̗g̜o̞", ""},
	{"zero-width and BOM", "\u200B\u200C\u200D\uFEFFhidden", ""},
	{"control characters", "tab\tcr\rlf\nbell\a esc\x1b[31m del\x7f c1\u0085\u009b", ""},
	{"NUL bytes", "before\x00after\x00", ""},
	{"CRLF lines", "one\r\ntwo\r\n", ""},
	{"SQL-looking", "'); DROP TABLE entries; -- \" OR 1=1; /* */ %_ \\' ; PRAGMA writable_schema=1;", ""},
	{"format verbs and templates", "%s %d %!x {{.Path}} ${HOME} $(rm -rf /)", ""},
	{"spreadsheet formula", "=HYPERLINK(\"http://x\",\"y\")", ""},
	{"noncharacters and private use", "\uFFFE\uFFFF\U0010FFFF\uE000", ""},
	{"only whitespace", " \t\n ", ""},
	{"invalid UTF-8 byte", "a\xffb", "utf8"},
	{"truncated sequence", "caf\xc3", "utf8"},
	{"overlong encoding", "\xc0\xaf", "utf8"},
	{"UTF-16 surrogate encoded", "\xed\xa0\x80", "utf8"},
	{"invalid UTF-8 at the limit", strings.Repeat("a", MaxNoteLength-1) + "\xff", "utf8"},
}

// TestNotesStoredExactly stores every hostile note through Add, Update and
// an export and import, and reads each back byte for byte.
func TestNotesStoredExactly(t *testing.T) {
	s, _ := openTemp(t)
	dst, _ := openTemp(t)
	for _, tt := range hostileNotes {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Count()
			e := Entry{At: time.Now(), Mood: 3, Craving: 4, Note: tt.note}
			err := s.Add(&e)
			if tt.reason != "" {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != "note" || string(fe.Reason) != tt.reason {
					t.Fatalf("Add = %v, want FieldError note/%s", err, tt.reason)
				}
				if after, _ := s.Count(); after != before {
					t.Errorf("a refused note was stored: count %d → %d", before, after)
				}
				return
			}
			if err != nil {
				t.Fatalf("Add: %v", err)
			}
			got, err := s.Get(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Note != tt.note {
				t.Fatalf("Add/Get changed the note: %d bytes → %d bytes (%q…)", len(tt.note), len(got.Note), firstRunes(got.Note, 40))
			}
			// Update to the same note, with another before it.
			got.Note = "x"
			if err := s.Update(&got); err != nil {
				t.Fatal(err)
			}
			got.Note = tt.note
			if err := s.Update(&got); err != nil {
				t.Fatal(err)
			}
			if again, _ := s.Get(e.ID); again.Note != tt.note {
				t.Fatal("Update changed the note")
			}
			list, _, err := s.Page(Filter{}, Cursor{}, 1)
			if err != nil || len(list) != 1 || list[0].Note != tt.note {
				t.Fatalf("Page changed the note: %v", err)
			}
		})
	}
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.Import(&buf); err != nil {
		t.Fatalf("import of the hostile notes: %v", err)
	}
	want := map[string]bool{}
	for _, tt := range hostileNotes {
		if tt.reason == "" {
			want[tt.note] = true
		}
	}
	got := allEntries(t, dst)
	if len(got) != countValid() {
		t.Errorf("%d imported, want %d", len(got), countValid())
	}
	for _, e := range got {
		if !want[e.Note] {
			t.Errorf("export/import changed a note: %q…", firstRunes(e.Note, 40))
		}
	}
}

func countValid() int {
	n := 0
	for _, tt := range hostileNotes {
		if tt.reason == "" {
			n++
		}
	}
	return n
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// TestHostileNotesAreValidUTF8 guards the table: the cases meant to be
// stored are valid UTF-8 and within the limit, the others are not.
func TestHostileNotesAreValidUTF8(t *testing.T) {
	for _, tt := range hostileNotes {
		ok := utf8.ValidString(tt.note) && utf8.RuneCountInString(tt.note) <= MaxNoteLength
		if ok != (tt.reason == "") {
			t.Errorf("%s: valid %v but reason %q", tt.name, ok, tt.reason)
		}
	}
}
