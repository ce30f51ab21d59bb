package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// The lock screen of an encrypted journal shows the preferences kept in the
// vault's header, and lets the user change two of them: the language and the
// theme. The header cannot take the change: its checksum is bound into every
// sealed chunk, so rewriting it needs the key, which the lock screen does
// not have. A choice made there goes instead into a small file beside the
// vault, PrefsName:
//
//	{"format":1,"vault":"<hex of the vault header's checksum>","prefs":{"language":"es"}}
//
// It holds the language and the theme only (a region, a quit date or
// anything else personal is refused), and only for the vault whose header
// it names: once that vault is sealed again (its header then carries the
// journal's own preferences) or replaced, the file is stale and ignored.
// It is written atomically (a temporary file, synced, renamed, the folder
// synced), under the single-instance lock, so a crash leaves the old file or
// the new one and the vault is never touched. Opening the journal folds a
// current file into its settings; the next seal removes it.

// PrefsName is the file beside an encrypted journal that keeps the
// preferences chosen on its lock screen until the journal is next opened.
const PrefsName = "steady.prefs"

// prefsFormat is the version of the file's JSON.
const prefsFormat = 1

// maxPrefsFile is the most of a prefs file that is read; a larger file is
// not Steady's and is ignored.
const maxPrefsFile = 4 << 10

// ErrNotLockPref reports a preference that cannot be kept outside the
// vault: anything but the language and the theme, or a value they never
// take. Nothing is written.
var ErrNotLockPref = errors.New("not a preference the lock screen keeps")

// langTag is the shape of a BCP 47 language tag ("es", "pt-BR", "zh-Hans").
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$`)

// validLockPref reports whether key and value may be kept outside the vault.
func validLockPref(key, value string) bool {
	switch key {
	case SettingLanguage:
		return len(value) <= 35 && langTag.MatchString(value)
	case SettingTheme:
		return value == "system" || value == "light" || value == "dark"
	}
	return false
}

// lockPrefsFile is the JSON of PrefsName.
type lockPrefsFile struct {
	Format int               `json:"format"`
	Vault  string            `json:"vault"` // hex of the header checksum it applies to
	Prefs  map[string]string `json:"prefs"`
}

// headerID names one sealing of a vault: its header checksum (version 2;
// every save makes a new nonce, so a new checksum), or for a version 1
// vault the SHA-256 of its header bytes.
func headerID(h vaultHeader) string {
	if h.sum != nil {
		return hex.EncodeToString(h.sum)
	}
	sum := sha256.Sum256(h.head)
	return hex.EncodeToString(sum[:])
}

func prefsPath(dir string) string { return filepath.Join(dir, PrefsName) }

// pendingPrefs returns the preferences chosen on the lock screen of the
// vault whose header is h, if the file in dir is current for it; nil when
// there is none, it is stale, or it cannot be read (a bad file only loses a
// choice of language or theme). stale reports a file that exists but does
// not apply.
func pendingPrefs(dir string, h vaultHeader) (prefs map[string]string, stale bool) {
	f, err := os.Open(prefsPath(dir))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPrefsFile+1))
	if err != nil {
		return nil, false
	}
	var p lockPrefsFile
	if len(b) > maxPrefsFile || strictJSON(b, &p) != nil || p.Format != prefsFormat || p.Vault != headerID(h) {
		return nil, true
	}
	prefs = map[string]string{}
	for k, v := range p.Prefs {
		if validLockPref(k, v) {
			prefs[k] = v
		}
	}
	return prefs, false
}

// WriteVaultPrefs keeps preferences chosen on the lock screen of the
// encrypted journal in dir, so that the next lock screen shows them
// (ReadVaultPrefs) and the journal takes them when it is next opened. Only
// the language and the theme are kept (ErrNotLockPref for anything else);
// they join the choices kept before.
//
// The vault itself is never written. A vault that cannot be read (damaged,
// from a newer Steady, missing) is refused with the error ReadVaultPrefs
// gives, and nothing is written; so is a journal open in another Steady
// (ErrLocked).
func WriteVaultPrefs(dir string, prefs map[string]string) error {
	for k, v := range prefs {
		if !validLockPref(k, v) {
			return fmt.Errorf("keep lock screen preference %q: %w", k, ErrNotLockPref)
		}
	}
	lock, err := lockDir(dir)
	if err != nil {
		return fmt.Errorf("keep lock screen preferences: %w", err)
	}
	defer lock.release()
	h, err := readVaultHeader(vaultPath(dir))
	if err != nil {
		return fmt.Errorf("keep lock screen preferences: %w", Classify(err))
	}
	kept, _ := pendingPrefs(dir, h)
	if kept == nil {
		kept = map[string]string{}
	}
	for k, v := range prefs {
		kept[k] = v
	}
	b, err := json.Marshal(lockPrefsFile{Format: prefsFormat, Vault: headerID(h), Prefs: kept})
	if err != nil {
		return fmt.Errorf("keep lock screen preferences: %w", err)
	}
	b = append(b, '\n')
	if err := WriteFileAtomic(prefsPath(dir), func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}); err != nil {
		return fmt.Errorf("keep lock screen preferences: %w", Classify(err))
	}
	return nil
}

// foldPendingPrefs writes the lock screen's choices for the vault in dir
// into the journal db that was just opened from it, and reports whether a
// setting changed (the journal must then be sealed; that seal removes the
// file, and until it is done the file still applies to the vault). A stale
// file, or one whose choices the journal already holds, is removed at once.
// The caller holds the directory's lock.
func foldPendingPrefs(dir string, db *sql.DB) (changed bool, err error) {
	h, err := readVaultHeader(vaultPath(dir))
	if err != nil {
		return false, err
	}
	prefs, stale := pendingPrefs(dir, h)
	if stale {
		return false, dropPendingPrefs(dir)
	}
	if prefs == nil {
		return false, nil
	}
	for k, v := range prefs {
		var cur string
		if err := db.QueryRow(`SELECT value FROM settings WHERE key = ?`, k).Scan(&cur); err == nil && cur == v {
			continue
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return changed, fmt.Errorf("read setting %q: %w", k, err)
		}
		if _, err := db.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return changed, fmt.Errorf("save setting %q: %w", k, err)
		}
		changed = true
	}
	if !changed {
		return false, dropPendingPrefs(dir)
	}
	return true, nil
}

// dropPendingPrefs removes the lock screen's choices in dir: the vault's
// header now carries the journal's preferences (or there is no vault). A
// missing file is fine.
func dropPendingPrefs(dir string) error {
	if err := os.Remove(prefsPath(dir)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", PrefsName, err)
	}
	return nil
}

// overlayPending returns the header's preferences with the lock screen's
// current choices in dir laid over them.
func overlayPending(dir string, h vaultHeader) map[string]string {
	out := map[string]string{}
	for k, v := range h.Prefs {
		out[k] = v
	}
	if p, _ := pendingPrefs(dir, h); p != nil {
		for k, v := range p {
			out[k] = v
		}
	}
	return out
}
