package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// repeatReader yields n copies of the byte c, without holding them.
type repeatReader struct {
	c byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n)]
	for i := range p {
		p[i] = r.c
	}
	r.n -= int64(len(p))
	return len(p), nil
}

// countingReader counts what is read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// hugeNoteExport is an export with one check-in whose note is n bytes.
func hugeNoteExport(n int64) io.Reader {
	return io.MultiReader(
		strings.NewReader(`{"format":"steady-journal","version":1,"entries":[{"uuid":"11111111-1111-4111-8111-111111111111",`+
			`"at":"2026-01-01T10:00:00Z","created":"2026-01-01T10:00:00Z","updated":"2026-01-01T10:00:00Z",`+
			`"mood":3,"craving":1,"triggers":[],"symptoms":[],"coping":[],"used":false,"self_harm":false,`+
			`"backdated":false,"note":"`),
		&repeatReader{'a', n},
		strings.NewReader(`"}],"plan":[]}`))
}

// TestImportStreams is issue 12, finding 8, made exact: a 50 MB note used
// to be read whole (and held several times: 236 MiB at its peak). Import
// now reads a value at a time and refuses one larger than any check-in can
// be after reading little more than maxImportValue, whatever the file's
// size. (scripts/bench measures the peak memory itself.)
func TestImportStreams(t *testing.T) {
	s, _ := openTemp(t)
	in := &countingReader{r: hugeNoteExport(50 << 20)}
	_, err := s.Import(in)
	var ie *ImportError
	if !errors.As(err, &ie) || ie.Reason != ReasonEntry || ie.Index != 0 {
		t.Fatalf("Import = %v, want ImportError entry 1", err)
	}
	if in.n > 2*maxImportValue {
		t.Errorf("read %d bytes of a 50 MB file to refuse its first check-in; want at most %d", in.n, 2*maxImportValue)
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("%d entries after a refused import", n)
	}
}

// TestImportSizeLimit: a file over MaxImportSize is refused, unread when
// its size is known, and at the limit when it is not.
func TestImportSizeLimit(t *testing.T) {
	s, _ := openTemp(t)
	p := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(MaxImportSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	in := &countingReader{r: f}
	var ie *ImportError
	if _, err := s.Import(f); !errors.As(err, &ie) || ie.Reason != ReasonSize {
		t.Errorf("Import of a file over the limit = %v, want ReasonSize", err)
	}
	if in.n != 0 {
		t.Errorf("read %d bytes of a file whose size says no", in.n)
	}
	// Without a size: the reader stops at the limit.
	r := &importReader{r: &repeatReader{' ', 100}, stop: 11}
	b, err := io.ReadAll(r)
	if len(b) != 11 || !errors.Is(err, errImportValue) {
		t.Errorf("read %d bytes, %v; want 11 and the value limit", len(b), err)
	}
}

// TestImportShapes: what the streaming reader refuses that the whole-file
// reader refused, and the order it needs.
func TestImportShapes(t *testing.T) {
	const head = `{"format":"steady-journal","version":1`
	tests := []struct {
		name   string
		file   string
		reason Reason // "" = accepted
	}{
		{"header only", head + `}`, ""},
		{"empty lists", head + `,"entries":[],"plan":[]}`, ""},
		{"white space after", head + "}\n\n  ", ""},
		{"entries before the format", `{"entries":[],"format":"steady-journal","version":1}`, ReasonFormat},
		{"entries before the version", `{"format":"steady-journal","entries":[],"version":1}`, ReasonVersion},
		{"no version", `{"format":"steady-journal"}`, ReasonVersion},
		{"a key twice", head + `,"entries":[],"entries":[]}`, ReasonJSON},
		{"data after", head + `}{}`, ReasonJSON},
		{"garbage after", head + `} x`, ReasonJSON},
		{"unknown key", head + `,"secret":1}`, ReasonJSON},
		{"entries not a list", head + `,"entries":{}}`, ReasonJSON},
		{"truncated in a list", head + `,"entries":[`, ReasonJSON},
		{"a string split", head + `,"quit_date":"2026-`, ReasonJSON},
		{"bad quit date", head + `,"quit_date":"2026-02-30"}`, ReasonJSON},
		{"a huge key", head + `,"` + strings.Repeat("k", maxImportValue+10) + `":1}`, ReasonJSON},
		{"not UTF-8 at the end", head + ",\"quit_date\":\"2026\xe2\x82", ReasonUTF8},
		{"not UTF-8 in a key", head + ",\"\xff\":1}", ReasonUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTemp(t)
			res, err := s.Import(strings.NewReader(tt.file))
			if tt.reason == "" {
				if err != nil || res != (ImportResult{}) {
					t.Fatalf("Import = %+v, %v; want nothing added and no error", res, err)
				}
				return
			}
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Reason != tt.reason {
				t.Fatalf("Import = %v, want reason %q", err, tt.reason)
			}
		})
	}
}

// TestUTF8Stream checks the streaming UTF-8 check at every split of
// valid and invalid text into two chunks.
func TestUTF8Stream(t *testing.T) {
	texts := []struct {
		s     string
		valid bool
	}{
		{"plain ascii", true},
		{"é 😀 שלום ไทย 界 \u200d", true},
		{"\xef\xbf\xbd replacement char itself", true},
		{"stray \xff byte", false},
		{"truncated \xe2\x82", false},
		{"overlong \xc0\xaf", false},
		{"surrogate \xed\xa0\x80", false},
		{"cut 😀"[:7], false},
	}
	for _, tt := range texts {
		if utf8.ValidString(tt.s) != tt.valid {
			t.Fatalf("%q: the case is wrong", tt.s)
		}
		b := []byte(tt.s)
		for cut := 0; cut <= len(b); cut++ {
			for cut2 := cut; cut2 <= len(b); cut2++ {
				var u utf8Stream
				ok := u.write(b[:cut]) && u.write(b[cut:cut2]) && u.write(b[cut2:]) && u.end()
				if ok != tt.valid {
					t.Errorf("%q split at %d, %d: valid = %v", tt.s, cut, cut2, ok)
				}
			}
		}
	}
}

// TestImportBytesIntoAFreshJournal: an export imported through a reader
// that hands out one byte at a time (every value split everywhere) is the
// same as one read at once.
func TestImportBytesIntoAFreshJournal(t *testing.T) {
	src, _ := openTemp(t)
	seedJournal(t, src)
	var buf bytes.Buffer
	if err := src.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	res, err := dst.Import(oneByteReader{bytes.NewReader(buf.Bytes())})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := src.Count()
	if n, _ := dst.Count(); n != want || res.Added != want {
		t.Errorf("%d entries (%+v), want %d", n, res, want)
	}
}

type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}
