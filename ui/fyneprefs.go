package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/steadyapp/steady/data"
)

// Fyne keeps a preferences file of its own (preferences.json in the app's
// storage folder, outside the data folder). Steady stores nothing there:
// its settings are in the journal. Fyne itself writes the file dialog's
// view layout and, while a file dialog is open, its last folder (removed
// again when the dialog closes, and at start: filedialog.go). The file is
// made owner-only, so what Fyne writes there is readable by no one else.

// fynePrefsName is the file Fyne's app package keeps its preferences in.
const fynePrefsName = "preferences.json"

// privateFynePrefs removes what Fyne may remember about the user's folders
// and makes Fyne's preferences file (in Fyne's storage folder) owner-only:
// an existing file is set to 0600, a missing one is created empty with
// mode 0600 so that Fyne's later writes (which truncate, keeping the mode)
// stay owner-only.
func (u *UI) privateFynePrefs() {
	u.forgetFyneFolder()
	root := u.baseApp().Storage().RootURI()
	if root == nil || root.Scheme() != "file" {
		return
	}
	_ = ownerOnlyPrefs(filepath.Join(root.Path(), fynePrefsName))
}

// ownerOnlyPrefs makes the preferences file at path owner-only, creating
// it ("{}") if it does not exist.
func ownerOnlyPrefs(path string) error {
	err := os.Chmod(path, 0o600)
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("{}\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sayLooseFolder tells the user, once, that the data folder could be read
// by others and that Steady has made it private (data tightened it when
// the journal was opened).
func (u *UI) sayLooseFolder(store *data.Store) {
	if _, loose := store.LooseFolder(); loose {
		u.showMessage(u.tr.T("privacy.title"), u.tr.T("folder.loose"))
	}
}
