package data

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// renameOverOpenRefused is true where a file that is open cannot be renamed
// over (Windows: Go opens files without FILE_SHARE_DELETE).
const renameOverOpenRefused = runtime.GOOS == "windows"

// replaceOver writes data to path atomically and then overwrites and
// removes the file path held before, for systems (Windows) that refuse to
// rename a file over one that is open, so the old file cannot be held across
// the rename as replaceFile does on Unix.
//
// The old file first gets a second name beside it (a hard link; a rename
// where the volume has no hard links), a temporary name that a later start
// overwrites and removes (see files.go), so that path never stops leading to
// a whole journal or backup: the new file is then renamed over path, and the
// old one is overwritten and removed through its second name. No readable
// copy of the old bytes stays behind.
func replaceOver(path string, data [][]byte) error {
	aside, err := asideTempName(path)
	if err != nil {
		return err
	}
	moved := false
	if err := os.Link(path, aside); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Classify(writeParts(path, data))
		}
		if err := os.Rename(path, aside); err != nil {
			return Classify(err)
		}
		moved = true
	}
	if err := writeParts(path, data); err != nil {
		if moved {
			os.Rename(aside, path) //nolint:errcheck // best effort: the old file is whole under either name
		} else {
			os.Remove(aside) //nolint:errcheck // only a second name of the file still at path
		}
		return Classify(err)
	}
	syncDir(filepath.Dir(path))
	return holdFiles(aside).shred()
}

// asideTempName returns an unused temporary name beside path of a kind that
// removeSaveTemps and secureLeftovers overwrite and remove: a backup in
// progress in the backups folder, a save in progress elsewhere.
func asideTempName(path string) (string, error) {
	var rnd [8]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	if filepath.Base(dir) == futureBackupsDir {
		dir = filepath.Dir(dir) // temporary files are looked for in backups/
	}
	prefix := "." + FileName + ".replaced-"
	if filepath.Base(dir) == BackupDirName {
		prefix = backupTemp + "replaced-"
	}
	return filepath.Join(dir, prefix+hex.EncodeToString(rnd[:])+".tmp"), nil
}
