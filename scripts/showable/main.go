// Command showable prints every string Steady can show, as JSON (see
// internal/showable), for scripts/fonts.
//
//	go run ./scripts/showable [LOCALES_DIR]
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/steadyapp/steady/internal/showable"
)

func main() {
	var (
		set showable.Set
		err error
	)
	if len(os.Args) > 1 {
		set, err = showable.CollectFrom(os.DirFS(os.Args[1]), ".")
	} else {
		set, err = showable.Collect()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(set); err != nil {
		fmt.Fprintln(os.Stderr, "showable:", err)
		os.Exit(1)
	}
}
