// Command seed fills a Steady journal with generated check-ins, for
// screenshots and start-up measurements (scripts/bench seeds 100 000), and
// marks the first-run welcome as done. It never touches a journal that
// already has entries unless -force is given. Check-ins are 11 hours apart,
// or 13 minutes apart past 1 000 of them (100 000 ≈ 2.5 years), and are
// added in one transaction.
//
//	go run ./scripts/seed -data-dir DIR [-n 60] [-lang es]
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
)

func main() {
	dir := flag.String("data-dir", "", "the data directory to fill (required)")
	n := flag.Int("n", 60, "how many check-ins to add")
	lang := flag.String("lang", "", "language to save as the user's choice")
	force := flag.Bool("force", false, "add to a journal that already has entries")
	theme := flag.String("theme", "", "theme to save: system, light or dark")
	scale := flag.String("scale", "", "text size to save: 1, 1.25 or 1.5")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "seed: -data-dir is required")
		os.Exit(2)
	}
	if err := run(*dir, *n, *lang, *force, map[string]string{data.SettingTheme: *theme, data.SettingTextScale: *scale}); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

func run(dir string, n int, lang string, force bool, settings map[string]string) error {
	s, err := data.Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	if c, _ := s.Count(); c > 0 && !force {
		return fmt.Errorf("%s already has %d entries (use -force)", dir, c)
	}
	if lang != "" {
		if err := s.SetSetting(data.SettingLanguage, lang); err != nil {
			return err
		}
	}
	if err := s.SetSetting(data.SettingWelcomeDone, "1"); err != nil {
		return err
	}
	for k, v := range settings {
		if v != "" {
			if err := s.SetSetting(k, v); err != nil {
				return err
			}
		}
	}
	now := time.Now()
	step := 11 * time.Hour
	if n > 1000 {
		step = 13 * time.Minute
	}
	if err := s.SetQuitDate(now.Add(-step*time.Duration(n/3)).AddDate(0, 0, -9)); err != nil {
		return err
	}
	for _, p := range []data.PlanItem{
		{Kind: data.PlanReason, Text: "Feel clear-headed again"},
		{Kind: data.PlanPerson, Text: "Sam", Phone: "+44 20 7946 0000"},
		{Kind: data.PlanTrigger, Text: "Friday nights"},
		{Kind: data.PlanCoping, Text: "Cold shower"},
	} {
		item := p
		if err := s.AddPlanItem(&item); err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	extra := rand.New(rand.NewPCG(13, 17))
	symptoms := guide.TheGuide().AllSymptoms()
	coping := guide.TheGuide().CopingActions()
	entries := make([]data.Entry, 0, n)
	for i := 0; i < n; i++ {
		// Cravings ease over the weeks, with evening peaks.
		at := now.Add(-time.Duration(i) * step)
		hour := at.Hour()
		base := 7 - 6*float64(n-i)/float64(n)
		if hour >= 18 || hour < 2 {
			base += 2
		}
		craving := int(base + r.Float64()*2)
		if craving > 10 {
			craving = 10
		}
		e := data.Entry{
			At: at, Mood: 1 + (r.IntN(3) + (n-i)*3/n), Craving: craving,
			Triggers: []string{guide.Triggers()[r.IntN(6)]},
			Symptoms: []string{symptoms[r.IntN(len(symptoms))].ID},
			Coping:   []string{coping[r.IntN(len(coping))]},
			Used:     i == n*2/3,
			Note:     []string{"", "Tough evening, went for a walk.", "Slept badly.", "Better day."}[i%4],
		}
		if e.Mood > 5 {
			e.Mood = 5
		}
		// Sleep on about half the check-ins and whether the craving passed
		// on most, from a source of their own (the rest stays as it was).
		if extra.IntN(2) == 0 {
			h := float64(8+extra.IntN(11)) / 2 // 4 … 9 hours
			e.SleepHours = &h
		}
		if extra.IntN(4) > 0 {
			passed := extra.IntN(10) >= craving-2
			e.CravingPassed = &passed
		}
		entries = append(entries, e)
	}
	return s.AddAll(entries)
}
