package ui

import (
	"mime"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Fyne's file dialog remembers the last folder it showed in Fyne's own
// preferences file (outside the data folder, readable without the
// passphrase). Steady keeps that memory in the journal instead
// (settingExportFolder, inside the vault when encrypted) and removes Fyne's
// key as soon as a dialog closes and at every start.

// knowFileTypes tells Go's mime table the type of every kind of file
// Steady saves or opens. For a listed file whose extension has no known
// type, Fyne's file dialog (fyne 2.7.1, storage/repository/uri.go,
// MimeType) reads its first line on the UI thread to choose an icon: a
// named pipe or a device listed under such a name never answers and the
// window freezes. Go knows .json and .pdf itself; .csv only where
// /etc/mime.types says so (not on a minimal system), .vault nowhere. With
// every kind known, and each dialog listing only its own kind (SetFilter),
// the dialog reads no file.
var knowFileTypes = sync.OnceFunc(func() {
	for ext, typ := range map[string]string{
		".csv":             "text/csv",
		".json":            "application/json",
		".pdf":             "application/pdf",
		"." + encryptedExt: "application/octet-stream",
	} {
		if mime.TypeByExtension(ext) == "" {
			mime.AddExtensionType(ext, typ) //nolint:errcheck // a fixed, valid type
		}
	}
})

// fyneLastFolderKey is the key fyne.io/fyne/v2/dialog (file.go) writes.
const fyneLastFolderKey = "fyne:fileDialogLastFolder"

// settingExportFolder is the journal setting holding the folder of the
// last export or import.
const settingExportFolder = "export_folder"

// forgetFyneFolder removes the last folder from Fyne's preferences. Fyne
// rewrites its preferences file on every removal, so it removes only a
// folder that is there (not at every start).
func (u *UI) forgetFyneFolder() {
	if u.app.Preferences().String(fyneLastFolderKey) != "" {
		u.app.Preferences().RemoveValue(fyneLastFolderKey)
	}
}

// rememberFolder keeps the folder of path in the journal.
func (u *UI) rememberFolder(path string) {
	if u.journal == nil || path == "" {
		return
	}
	dir := filepath.Dir(path)
	if u.setting(settingExportFolder, "") != dir {
		u.save(settingExportFolder, dir)
	}
}

// startIn is where a file dialog opens: the remembered folder if it still
// exists, else Fyne's default (the home folder).
func (u *UI) startIn() fyne.ListableURI {
	dir := u.setting(settingExportFolder, "")
	if dir == "" {
		return nil
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// pickSave asks where to save a file called name and calls then with the
// chosen path (not called when cancelled). Fyne's dialog creates the file
// it returns; the caller writes it again atomically and owner-only.
func (u *UI) pickSave(name string, then func(path string)) {
	if u.pickFile != nil {
		u.pickFile(true, name, then)
		return
	}
	knowFileTypes()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		u.forgetFyneFolder()
		if err != nil {
			u.showError(u.tr.T("error.export", "Detail", err.Error()))
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		u.rememberFolder(path)
		then(path)
	}, u.win)
	d.SetFileName(name)
	// Only files of the kind being saved are listed: Fyne reads the start
	// of every listed file for its icon, and a read of a named pipe or a
	// device (a click into /dev) never returns, freezing the window.
	if ext := filepath.Ext(name); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	if l := u.startIn(); l != nil {
		d.SetLocation(l)
	}
	d.Show()
}

// pickOpen asks for a file with one of the extensions exts and calls then
// with its path (not called when cancelled).
func (u *UI) pickOpen(exts []string, then func(path string)) {
	if u.pickFile != nil {
		u.pickFile(false, "", then)
		return
	}
	knowFileTypes()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		u.forgetFyneFolder()
		if err != nil {
			u.showError(u.tr.T("error.import", "Detail", err.Error()))
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.rememberFolder(path)
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if l := u.startIn(); l != nil {
		d.SetLocation(l)
	}
	d.Show()
}
