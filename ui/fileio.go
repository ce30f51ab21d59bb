package ui

import (
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

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
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(u.tr.T("error.export", "Detail", err.Error()))
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		if err := data.WriteFileAtomic(path, write); err != nil {
			u.showError(u.tr.T("error.export", "Detail", err.Error()))
			return
		}
		u.showMessage(u.tr.T("export.done_title"), u.tr.T("export.done", "Path", path))
	}, u.win)
	d.SetFileName(name)
	d.Show()
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

func (u *UI) importJSON() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(u.tr.T("error.import", "Detail", err.Error()))
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		u.importFrom(r, filepath.Base(r.URI().Path()))
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// importFrom adds a JSON export's check-ins and says what happened.
func (u *UI) importFrom(r io.Reader, name string) {
	res, err := u.journal.Import(r)
	if err != nil {
		u.reportWrite(err, func(err error) string { return u.importError(err, name) })
		return
	}
	u.showMessage(u.tr.T("import.done_title"), u.tr.N("import.done", res.Added, "Skipped", res.Skipped))
}

