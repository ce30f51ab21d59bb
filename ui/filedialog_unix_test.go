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

// TestSaveDialogDoesNotReadAPipe: the export's save dialog opened on a
// folder holding a named pipe shows without reading it (Fyne reads every
// listed file for its icon; reading a pipe with no writer never returns,
// which froze the real window after a click into /dev).
func TestSaveDialogDoesNotReadAPipe(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if !u.save(settingExportFolder, dir) {
		t.Fatal("the folder was not kept")
	}
	u.pickSave("steady.csv", func(string) {})
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no save dialog")
	}
}
