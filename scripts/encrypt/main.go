// Command encrypt sets a passphrase on the Steady journal in a data
// directory, as Settings → Set a passphrase does, for scripts that need an
// encrypted journal (scripts/smoke starts the real binary locked).
//
//	go run ./scripts/encrypt -data-dir DIR -passphrase "…"
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/steadyapp/steady/data"
)

func main() {
	dir := flag.String("data-dir", "", "the data directory of a plain journal (required)")
	pass := flag.String("passphrase", "", "the passphrase to set (required)")
	flag.Parse()
	if *dir == "" || *pass == "" {
		fmt.Fprintln(os.Stderr, "encrypt: -data-dir and -passphrase are required")
		os.Exit(2)
	}
	if err := run(*dir, *pass); err != nil {
		fmt.Fprintln(os.Stderr, "encrypt:", err)
		os.Exit(1)
	}
}

func run(dir, pass string) error {
	s, err := data.Open(dir)
	if err != nil {
		return err
	}
	if err := s.SetPassphrase(pass); err != nil {
		s.Close()
		return fmt.Errorf("set passphrase: %w", err)
	}
	return s.Close()
}
