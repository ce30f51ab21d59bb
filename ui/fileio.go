package ui

import (
	"io"
	"time"

	"github.com/steadyapp/steady/data"
)

// saveAs asks where to save a file, then writes it owner-only and atomically
// (Fyne's own writer would leave a half-written, world-readable file).
func (u *UI) saveAs(name string, write func(io.Writer) error) {
	if u.journal.Encrypted() {
		// Exports are plain files, for a spreadsheet or a clinician: say so
		// before writing one from an encrypted journal.
		u.confirm(u.tr.T("export.plain_title"), u.tr.T("export.plain_warning"), u.tr.T("export.plain_continue"),
			func() { u.saveAsPlain(name, write) })
		return
	}
	u.saveAsPlain(name, write)
}

func (u *UI) saveAsPlain(name string, write func(io.Writer) error) {
	u.pickSave(name, func(path string) { // filedialog.go
		if err := data.WriteFileAtomic(path, write); err != nil {
			u.showError(u.tr.T("error.export", "Detail", err.Error()))
			return
		}
		u.showMessage(u.tr.T("export.done_title"), u.tr.T("export.done", "Path", path))
	})
}

func exportName(ext string, now time.Time) string {
	return "steady-" + now.Format("2006-01-02") + "." + ext
}

func (u *UI) exportCSV() {
	u.saveAs(exportName("csv", u.now()), func(w io.Writer) error {
		return u.journal.ExportCSV(w, u.labeler())
	})
}

func (u *UI) exportJSON() {
	u.saveAs(exportName("json", u.now()), u.journal.ExportJSON)
}

// importJSON imports a JSON export, or an encrypted export after asking
// for its passphrase (export_encrypted.go).
func (u *UI) importJSON() { u.importFile() }

// importFrom adds a JSON export's check-ins and says what happened.
func (u *UI) importFrom(r io.Reader, name string) {
	res, err := u.journal.Import(r)
	if err != nil {
		u.reportWrite(err, func(err error) string { return u.importError(err, name) })
		return
	}
	u.showMessage(u.tr.T("import.done_title"), u.tr.N("import.done", res.Added, "Skipped", res.Skipped))
}
