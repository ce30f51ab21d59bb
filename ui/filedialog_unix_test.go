//go:build unix

package ui

import (
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/storage"
)

// TestFileDialogReadsNoListedFile checks that Fyne's file dialog can choose
// an icon for every kind of file Steady lists without reading it: each
// kind is a named pipe here, which never answers a read, so a type Go does
// not know would hang this test (until go test's -timeout) as it froze the
// window of the real app (found by random clicks into a folder holding
// one).
func TestFileDialogReadsNoListedFile(t *testing.T) {
	knowFileTypes()
	dir := t.TempDir()
	for _, ext := range []string{".csv", ".json", ".pdf", "." + encryptedExt} {
		p := filepath.Join(dir, "pipe"+ext)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
		if typ := storage.NewFileURI(p).MimeType(); typ == "" || typ == "text/plain" {
			t.Errorf("%s: type %q, want the type of a %s file", ext, typ, ext)
		}
	}
}
