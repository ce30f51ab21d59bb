package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// lockedVault makes an encrypted journal (language es, theme light) and
// closes it, as the lock screen finds it; it returns the folder and the
// vault's bytes.
func lockedVault(t *testing.T) (string, []byte) {
	t.Helper()
	s, dir := encryptedJournal(t, "SECRET-lockprefs")
	if err := s.SetSetting(SettingTheme, "light"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, vaultBytes(t, dir)
}

func vaultBytes(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(vaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func prefsFileExists(dir string) bool {
	_, err := os.Stat(prefsPath(dir))
	return err == nil
}

// TestWriteVaultPrefsKeptForLockScreen: a language and a theme chosen on
// the lock screen are what the next lock screen reads, each choice joins
// the others, the vault is not touched, and the file holds nothing else.
func TestWriteVaultPrefsKeptForLockScreen(t *testing.T) {
	dir, vault := lockedVault(t)
	before, err := ReadVaultPrefs(dir)
	if err != nil || before[SettingLanguage] != "es" || before[SettingTheme] != "light" {
		t.Fatalf("header prefs %v, %v", before, err)
	}
	steps := []struct {
		set  map[string]string
		want map[string]string
	}{
		{map[string]string{SettingLanguage: "fr"}, map[string]string{SettingLanguage: "fr", SettingTheme: "light"}},
		{map[string]string{SettingTheme: "dark"}, map[string]string{SettingLanguage: "fr", SettingTheme: "dark"}},
		{map[string]string{SettingLanguage: "pt-BR", SettingTheme: "system"}, map[string]string{SettingLanguage: "pt-BR", SettingTheme: "system"}},
	}
	for i, st := range steps {
		if err := WriteVaultPrefs(dir, st.set); err != nil {
			t.Fatalf("step %d: WriteVaultPrefs(%v) = %v", i, st.set, err)
		}
		got, err := ReadVaultPrefs(dir)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range st.want {
			if got[k] != v {
				t.Errorf("step %d: %s = %q, want %q", i, k, got[k], v)
			}
		}
		for k, v := range before { // the header's other preferences stay
			if _, chosen := st.want[k]; !chosen && got[k] != v {
				t.Errorf("step %d: %s = %q, want the header's %q", i, k, got[k], v)
			}
		}
		if !bytes.Equal(vaultBytes(t, dir), vault) {
			t.Fatalf("step %d: the vault changed", i)
		}
	}
	b, err := os.ReadFile(prefsPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"SECRET-lockprefs", "2026-09-01", "+44", SettingQuitDate, SettingRegion} {
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("%s holds %q: %s", PrefsName, secret, b)
		}
	}
	if info, _ := os.Stat(prefsPath(dir)); unixModes && info.Mode().Perm() != 0o600 {
		t.Errorf("%s mode %o, want 600", PrefsName, info.Mode().Perm())
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, ".steady.prefs.*.tmp")); len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

// TestWriteVaultPrefsRefuses: what may not be kept outside the vault, and a
// vault that cannot be read or is in use, write nothing: the vault and any
// earlier choice stay byte for byte.
func TestWriteVaultPrefsRefuses(t *testing.T) {
	dir, good := lockedVault(t)
	if err := WriteVaultPrefs(dir, map[string]string{SettingTheme: "dark"}); err != nil {
		t.Fatal(err)
	}
	kept, err := os.ReadFile(prefsPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Clone(good)
	damaged[vaultPrefixLen+5] ^= 0x20 // inside the header: its checksum no longer holds
	tests := []struct {
		name  string
		prefs map[string]string
		vault []byte // written over the vault first (nil: the good one)
		open  bool   // the journal is open in this process
		want  error
	}{
		{"region", map[string]string{SettingRegion: "GB"}, nil, false, ErrNotLockPref},
		{"quit date", map[string]string{SettingQuitDate: "2026-01-01"}, nil, false, ErrNotLockPref},
		{"theme not offered", map[string]string{SettingTheme: "purple"}, nil, false, ErrNotLockPref},
		{"language not a tag", map[string]string{SettingLanguage: "es'; DROP"}, nil, false, ErrNotLockPref},
		{"a good and a bad one", map[string]string{SettingLanguage: "de", SettingTheme: ""}, nil, false, ErrNotLockPref},
		{"damaged vault", map[string]string{SettingLanguage: "de"}, damaged, false, ErrVaultDamaged},
		{"not a vault", map[string]string{SettingLanguage: "de"}, []byte("SQLite format 3\x00"), false, ErrVaultDamaged},
		{"journal open", map[string]string{SettingLanguage: "de"}, nil, true, ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vault := good
			if tt.vault != nil {
				vault = tt.vault
			}
			if err := os.WriteFile(vaultPath(dir), vault, 0o600); err != nil {
				t.Fatal(err)
			}
			if tt.open {
				s, err := OpenEncrypted(dir, testPass)
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
			}
			err := WriteVaultPrefs(dir, tt.prefs)
			if !errors.Is(err, tt.want) {
				t.Fatalf("WriteVaultPrefs = %v, want %v", err, tt.want)
			}
			if !bytes.Equal(vaultBytes(t, dir), vault) {
				t.Error("the vault changed")
			}
			if got, _ := os.ReadFile(prefsPath(dir)); !bytes.Equal(got, kept) {
				t.Errorf("the kept choices changed: %s", got)
			}
		})
	}
	t.Run("no vault", func(t *testing.T) {
		plain := filepath.Join(t.TempDir(), "steady")
		s, err := Open(plain)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if err := WriteVaultPrefs(plain, map[string]string{SettingLanguage: "de"}); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("WriteVaultPrefs on a plain journal = %v, want not exist", err)
		}
		if prefsFileExists(plain) {
			t.Error("a prefs file beside a plain journal")
		}
	})
}

// TestLockPrefsTakenOnOpen: the journal takes the lock screen's choices
// when it opens; the seal that follows removes the file and the header
// then carries them.
func TestLockPrefsTakenOnOpen(t *testing.T) {
	dir, _ := lockedVault(t)
	if err := WriteVaultPrefs(dir, map[string]string{SettingLanguage: "fr", SettingTheme: "dark"}); err != nil {
		t.Fatal(err)
	}
	s, err := OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{SettingLanguage: "fr", SettingTheme: "dark"} {
		if got, _, _ := s.Setting(k); got != want {
			t.Errorf("journal %s = %q, want %q", k, got, want)
		}
	}
	if err := s.waitSaved(); err != nil {
		t.Fatal(err)
	}
	if prefsFileExists(dir) {
		t.Error("the prefs file is still there after the journal was sealed with them")
	}
	// Chosen in the journal afterwards: the header says so, nothing else
	// overrides it.
	if err := s.SetSetting(SettingLanguage, "de"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadVaultPrefs(dir); got[SettingLanguage] != "de" || got[SettingTheme] != "dark" {
		t.Errorf("after the journal chose de: %v", got)
	}

	// Choices the journal already holds: nothing to save, the file goes.
	if err := WriteVaultPrefs(dir, map[string]string{SettingLanguage: "de"}); err != nil {
		t.Fatal(err)
	}
	before := vaultBytes(t, dir)
	s, err = OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if prefsFileExists(dir) {
		t.Error("a prefs file the journal agrees with stays")
	}
	s.Close()
	if !bytes.Equal(vaultBytes(t, dir), before) {
		t.Error("the vault was sealed again for choices it already held")
	}
}

// TestLockPrefsStaleOrBroken: a prefs file for another sealing of the vault
// (a crash between the seal and its removal, a restored vault), a broken one
// or a torn temporary file is ignored, changes nothing in the journal, and
// is cleaned up; a new choice replaces it.
func TestLockPrefsStaleOrBroken(t *testing.T) {
	dir, _ := lockedVault(t)
	if err := WriteVaultPrefs(dir, map[string]string{SettingLanguage: "fr"}); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(prefsPath(dir))
	s, err := OpenEncrypted(dir, testPass) // takes fr, seals: the header changes
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting(SettingLanguage, "it")
	s.Close()
	torn := filepath.Join(dir, ".steady.prefs.123456.tmp")
	for name, content := range map[string][]byte{
		"stale":     old,
		"truncated": old[:len(old)/2],
		"not JSON":  []byte("\x00\x01garbage"),
		"too large": append([]byte(`{"format":1,"prefs":{"language":"fr"},"x":"`), bytes.Repeat([]byte("a"), maxPrefsFile)...),
		"newer":     bytes.Replace(old, []byte(`"format":1`), []byte(`"format":2`), 1),
	} {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(prefsPath(dir), content, 0o600)
			os.WriteFile(torn, old[:10], 0o600)
			if got, err := ReadVaultPrefs(dir); err != nil || got[SettingLanguage] != "it" {
				t.Errorf("ReadVaultPrefs = %v, %v; want the header's it", got, err)
			}
			s, err := OpenEncrypted(dir, testPass)
			if err != nil {
				t.Fatal(err)
			}
			if got, _, _ := s.Setting(SettingLanguage); got != "it" {
				t.Errorf("the journal took %q from a %s file", got, name)
			}
			s.Close()
			for _, p := range []string{prefsPath(dir), torn} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("%s left after the journal opened", filepath.Base(p))
				}
			}
		})
	}
	os.WriteFile(prefsPath(dir), []byte("garbage"), 0o600)
	if err := WriteVaultPrefs(dir, map[string]string{SettingTheme: "dark"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadVaultPrefs(dir); got[SettingTheme] != "dark" || got[SettingLanguage] != "it" {
		t.Errorf("after replacing a broken file: %v", got)
	}
}

// TestLockPrefsFilesAreSteadys: the prefs file and its temporary files are
// Steady's (files.go), so deleting everything or removing the passphrase
// removes them.
func TestLockPrefsFilesAreSteadys(t *testing.T) {
	for rel, want := range map[string]fileKind{
		PrefsName:                       filePrefs,
		".steady.prefs.8812.tmp":        fileSaveTemp,
		"steady.prefs.bak":              fileOther,
		BackupDirName + "/" + PrefsName: fileOther,
	} {
		if got := classify(rel); got != want {
			t.Errorf("classify(%q) = %v, want %v", rel, got, want)
		}
	}
	for _, op := range []string{"delete all", "remove passphrase"} {
		t.Run(op, func(t *testing.T) {
			dir, _ := lockedVault(t)
			s, err := OpenEncrypted(dir, testPass)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// As a crash between a seal and the file's removal leaves it.
			os.WriteFile(prefsPath(dir), []byte(`{"format":1,"vault":"00","prefs":{"language":"fr"}}`), 0o600)
			if op == "delete all" {
				err = s.DeleteAll()
			} else {
				err = s.RemovePassphrase()
			}
			if err != nil {
				t.Fatal(err)
			}
			if prefsFileExists(dir) {
				t.Errorf("%s left %s", op, PrefsName)
			}
		})
	}
}

// TestLockPrefsCrash kills a child process writing lock screen choices in a
// loop, at points of its own progress (after N acknowledged writes, as it
// starts the next one). The choice read back is the last acknowledged one
// or the one being written, never anything else; the vault is byte for byte
// as it was; the journal opens and takes that choice.
func TestLockPrefsCrash(t *testing.T) {
	langs := prefsCrashLangs
	for round := 0; round < 12; round++ {
		dir, vault := lockedVault(t)
		cmd := exec.Command(os.Args[0], "-test.run=^TestLockPrefsChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "STEADY_PREFS_CHILD_DIR="+dir)
		cmd.Stderr = os.Stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Read the child's progress; kill it as it starts the write after
		// killAt acknowledged ones, then read what it said before it died.
		acked, writing := -1, -1
		killAt := 1 + round*3
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			word, n, _ := strings.Cut(sc.Text(), " ")
			if word == "error" {
				t.Fatalf("child: %s", sc.Text())
			}
			i, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("child said %q", sc.Text())
			}
			switch word {
			case "writing":
				writing = i
				if acked+1 >= killAt {
					cmd.Process.Kill()
				}
			case "ack":
				acked = i
			}
		}
		cmd.Wait() //nolint:errcheck // killed
		if acked < 0 {
			t.Fatalf("round %d: the child acknowledged nothing", round)
		}
		got, err := ReadVaultPrefs(dir)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		ok := got[SettingLanguage] == langs[acked%len(langs)] || (writing > acked && got[SettingLanguage] == langs[writing%len(langs)])
		if !ok {
			t.Errorf("round %d: language %q after %d acknowledged (writing %d)", round, got[SettingLanguage], acked, writing)
		}
		if !bytes.Equal(vaultBytes(t, dir), vault) {
			t.Fatalf("round %d: the vault changed", round)
		}
		s, err := OpenEncrypted(dir, testPass)
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		if lang, _, _ := s.Setting(SettingLanguage); lang != got[SettingLanguage] {
			t.Errorf("round %d: the journal took %q, the lock screen showed %q", round, lang, got[SettingLanguage])
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*prefs*")); len(left) != 0 {
			t.Errorf("round %d: left after open and close: %v", round, left)
		}
	}
}

// prefsCrashLangs are the languages the child writes in turn: each write
// differs from the one before.
var prefsCrashLangs = [...]string{"fr", "de", "pt-BR", "ja", "zh-Hans", "th"}

// TestLockPrefsChild is TestLockPrefsCrash's child process; it does nothing
// in a normal run. It says "writing N" before each write and "ack N" once
// WriteVaultPrefs has returned.
func TestLockPrefsChild(t *testing.T) {
	dir := os.Getenv("STEADY_PREFS_CHILD_DIR")
	if dir == "" {
		t.Skip("the child process of TestLockPrefsCrash")
	}
	for i := 0; ; i++ {
		fmt.Println("writing", i)
		lang := prefsCrashLangs[i%len(prefsCrashLangs)]
		if err := WriteVaultPrefs(dir, map[string]string{SettingLanguage: lang}); err != nil {
			fmt.Println("error", strings.ReplaceAll(err.Error(), "\n", " "))
			os.Exit(3)
		}
		fmt.Println("ack", i)
	}
}
