package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"github.com/steadyapp/steady/data"
)

func TestReportDialogWritesPrivatePDF(t *testing.T) {
	u, store := newTestUI(t)
	now := time.Date(2026, 3, 20, 18, 0, 0, 0, time.Local)
	u.now = func() time.Time { return now }
	for i := range 10 {
		e := data.Entry{At: now.AddDate(0, 0, -i), Mood: 3, Craving: 4, Note: "private words",
			Body: &data.Body{PainBladder: intp(i % 5), UrinationsNight: intp(2)}}
		if err := store.Add(&e); err != nil {
			t.Fatal(err)
		}
	}
	r := u.openReportDialog()
	if r.notes.Checked || r.plan.Checked {
		t.Error("notes and plan must be off by default")
	}
	if r.reportLanguage() != u.tr.Language() {
		t.Errorf("report language %v, want the UI's %v", r.reportLanguage(), u.tr.Language())
	}
	// Choose 30 days and Japanese, as a person would.
	r.period.SetSelected(u.tr.T("report_dialog.days30"))
	for i, l := range u.tr.Languages() {
		if l.Tag == language.Japanese {
			r.language.SetSelectedIndex(i)
		}
	}
	dir := t.TempDir()
	var asked string
	r.pick = func(name string, then func(string)) {
		asked = name
		then(filepath.Join(dir, name))
	}
	test.Tap(r.save)
	if asked != "steady-report-2026-03-20.pdf" {
		t.Errorf("default file name %q", asked)
	}
	path := filepath.Join(dir, asked)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no report written: %v", err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("not a PDF: %q", b[:min(len(b), 8)])
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("report mode %v, want 0600", fi.Mode().Perm())
		}
	}
	msg := overlayText(u)
	if !strings.Contains(msg, path) || !strings.Contains(msg, u.tr.T("report_dialog.done_title")) {
		t.Errorf("after saving: %q", msg)
	}
}

func TestReportDialogRefusesBadPeriod(t *testing.T) {
	u, _ := newTestUI(t)
	now := time.Date(2026, 3, 20, 18, 0, 0, 0, time.Local)
	u.now = func() time.Time { return now }
	r := u.openReportDialog()
	r.period.SetSelected(u.tr.T("report_dialog.custom"))
	if !r.custom.Visible() {
		t.Fatal("custom dates not offered")
	}
	r.from.Set(now)
	r.to.Set(now.AddDate(0, 0, -3))
	picked := false
	r.pick = func(string, func(string)) { picked = true }
	test.Tap(r.save)
	if picked {
		t.Error("asked where to save a period that ends before it starts")
	}
	if !r.problem.Visible() || r.problem.Text != u.tr.T("report_dialog.error_period", "Max", 366) {
		t.Errorf("message: %q", r.problem.Text)
	}
	// A good custom period goes on.
	r.from.Set(now.AddDate(0, 0, -3))
	r.to.Set(now)
	test.Tap(r.save)
	if !picked {
		t.Error("a good custom period was refused")
	}
}

func TestReportMenuItemOnlyWhenOpen(t *testing.T) {
	u, _ := newTestUI(t)
	found := false
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			found = found || it.Label == u.tr.T("report_dialog.menu")
		}
	}
	if !found {
		t.Error("File has no \"Report for a clinician…\"")
	}
}
