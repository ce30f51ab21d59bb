// Command benchseed makes a journal for scripts/bench quickly: n generated
// check-ins (about three years of heavy use at 100 000), imported in one
// transaction through Steady's own JSON import, and the first-run welcome
// marked as done so that start-up shows the main window straight away.
// scripts/seed adds check-ins one by one, each a durable commit, which is
// too slow for 100 000.
//
//	go run ./scripts/benchseed -data-dir DIR [-n 100000]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/steadyapp/steady/data"
)

func main() {
	dir := flag.String("data-dir", "", "the data directory to create (required; must hold no journal yet)")
	n := flag.Int("n", 100_000, "how many check-ins to add")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "benchseed: -data-dir is required")
		os.Exit(2)
	}
	if err := run(*dir, *n); err != nil {
		fmt.Fprintln(os.Stderr, "benchseed:", err)
		os.Exit(1)
	}
}

// entry is one check-in in the export format (data's exportEntry).
type entry struct {
	UUID     string    `json:"uuid"`
	At       time.Time `json:"at"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Mood     int       `json:"mood"`
	Craving  int       `json:"craving"`
	Triggers []string  `json:"triggers"`
	Symptoms []string  `json:"symptoms"`
	Coping   []string  `json:"coping"`
	Used     bool      `json:"used"`
	SelfHarm bool      `json:"self_harm"`
	Note     string    `json:"note"`
}

func run(dir string, n int) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists already", dir)
	}
	s, err := data.Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.SetSetting(data.SettingWelcomeDone, "1"); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Now().Add(-time.Hour)
	symptoms := data.TheGuide().AllSymptoms()
	coping := data.TheGuide().CopingActions()
	entries := make([]entry, n)
	for i := range entries {
		at := now.Add(-time.Duration(i) * 13 * time.Minute) // 100 000 check-ins ≈ 2.5 years
		entries[i] = entry{
			UUID: uuid(r), At: at, Created: at, Updated: at,
			Mood: 1 + r.IntN(5), Craving: r.IntN(11), Used: r.IntN(200) == 0,
			Triggers: []string{data.Triggers[r.IntN(len(data.Triggers))]},
			Symptoms: []string{symptoms[r.IntN(len(symptoms))].ID},
			Coping:   []string{coping[r.IntN(len(coping))]},
			Note:     fmt.Sprintf("generated note %d with some ordinary words in it", i),
		}
	}
	file, err := json.Marshal(map[string]any{"format": data.ExportFormat, "version": data.ExportVersion,
		"exported_at": now.UTC(), "entries": entries, "plan": []any{}})
	if err != nil {
		return err
	}
	res, err := s.Import(bytes.NewReader(file))
	if err != nil {
		return err
	}
	if res.Added != n {
		return fmt.Errorf("imported %d of %d check-ins", res.Added, n)
	}
	return nil
}

func uuid(r *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
