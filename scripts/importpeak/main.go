// Command importpeak measures the peak resident memory of importing a JSON
// export, for scripts/bench's check that an import holds at most twice the
// file in memory (issue 12). It has two modes, run as separate processes so
// that making the file does not count:
//
//	go run ./scripts/importpeak -make note -size BYTES -out FILE
//	go run ./scripts/importpeak -make entries -size BYTES -out FILE
//	go run ./scripts/importpeak -data-dir DIR -import FILE
//
// -make note writes an export of one check-in whose note fills the file (the
// import refuses it: the note is over the limit); -make entries writes valid
// check-ins with 9 000-character notes up to the size. -import opens a new
// journal in DIR, imports FILE and prints "peak_kb N file_bytes M added A
// reason R": VmHWM of the whole process, the file's size, what was added
// and why it was refused ("-" when it was not).
package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/steadyapp/steady/data"
)

func main() {
	mk := flag.String("make", "", "write an export: note or entries")
	size := flag.Int64("size", 50<<20, "the export's size in bytes, for -make")
	out := flag.String("out", "", "where -make writes the export")
	dir := flag.String("data-dir", "", "a new data folder to import into")
	in := flag.String("import", "", "the export to import")
	flag.Parse()
	var err error
	switch {
	case *mk != "":
		err = write(*mk, *size, *out)
	case *in != "" && *dir != "":
		err = measure(*dir, *in)
	default:
		err = errors.New("need -make and -out, or -data-dir and -import")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "importpeak:", err)
		os.Exit(1)
	}
}

const head = `{"format":"steady-journal","version":1,"exported_at":"2026-12-01T00:00:00Z","entries":[`

// entry returns one valid check-in of the export format with the note.
func entry(at time.Time, note string) string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	h := hex.EncodeToString(u[:])
	id := h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-8" + h[17:20] + "-" + h[20:32]
	t := at.UTC().Format(time.RFC3339)
	return `{"uuid":"` + id + `","at":"` + t + `","created":"` + t + `","updated":"` + t +
		`","mood":3,"craving":4,"triggers":[],"symptoms":[],"coping":[],"used":false,` +
		`"self_harm":false,"backdated":false,"note":"` + note + `"}`
}

// write makes an export of about size bytes at path.
func write(kind string, size int64, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	switch kind {
	case "note":
		one := entry(at, "")
		pre, post, _ := strings.Cut(one, `"note":"`)
		pre += `"note":"`
		tail := post + `],"plan":[]}`
		n := size - int64(len(head)+len(pre)+len(tail))
		w.WriteString(head + pre)
		chunk := strings.Repeat("a", 1<<16)
		for n > 0 {
			k := min(n, int64(len(chunk)))
			w.WriteString(chunk[:k])
			n -= k
		}
		w.WriteString(tail)
	case "entries":
		note := strings.Repeat("a calm evening, long walk ", 360) // 9 000 characters
		written := int64(len(head))
		w.WriteString(head)
		for i := 0; ; i++ {
			e := entry(at.Add(time.Duration(i)*time.Minute), note)
			if written+int64(len(e)+1+len(`],"plan":[]}`)) > size {
				break
			}
			if i > 0 {
				w.WriteString(",")
				written++
			}
			w.WriteString(e)
			written += int64(len(e))
		}
		w.WriteString(`],"plan":[]}`)
	default:
		f.Close()
		return fmt.Errorf("unknown -make %q", kind)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// measure imports the export at path into a new journal in dir.
func measure(dir, path string) error {
	s, err := data.Open(dir)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	res, err := s.Import(f)
	f.Close()
	reason := "-"
	var ie *data.ImportError
	switch {
	case errors.As(err, &ie):
		reason = string(ie.Reason)
	case err != nil:
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	hwm, err := peak()
	if err != nil {
		return err
	}
	fmt.Printf("peak_kb %d file_bytes %d added %d reason %s\n", hwm, st.Size(), res.Added, reason)
	return nil
}

// peak reads VmHWM (kB) from /proc/self/status.
func peak() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			_, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kb)
			return kb, err
		}
	}
	return 0, io.ErrUnexpectedEOF
}
