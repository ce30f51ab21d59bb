// Steady is a private, multilingual desktop companion for people coming off
// ketamine: the guide to withdrawal, and a mood and craving journal that
// never leaves the computer.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/steadyapp/steady/assets"
	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
	"github.com/steadyapp/steady/ui"
)

// AppID is Steady's reverse-DNS application ID (also in FyneApp.toml).
const AppID = "io.github.steadyapp.steady"

// Set at build time with -ldflags "-X main.version=… -X main.commit=…".
var (
	version = "dev"
	commit  = "unknown"
)

func main() {
	dataDir := flag.String("data-dir", "", "where to keep the journal (default: the per-user data directory; or set STEADY_DATA_DIR)")
	langFlag := flag.String("lang", "", "language to use, e.g. es (default: the saved choice, then the system language)")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Printf("steady %s (%s)\n", version, commit)
		return
	}

	tr, err := i18n.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, "steady:", err)
		os.Exit(1)
	}
	// Before the app, which needs a display, and before the data folder.
	_ = tr.Set(tr.Pick(*langFlag, "", lang.SystemLocale().String()))
	if displayMissing(os.Getenv) {
		sayNoDisplay(os.Stderr, tr, "nodisplay.unset", "")
		os.Exit(exitNoDisplay)
	}
	defer func() {
		if r := recover(); r != nil {
			if noDisplayPanic(r) { // a display named but not reachable
				sayNoDisplay(os.Stderr, tr, "nodisplay.failed", os.Getenv(displayVar))
				os.Exit(exitNoDisplay)
			}
			panic(r)
		}
	}()
	a := app.NewWithID(AppID)
	a.SetIcon(assets.Icon)

	dir, err := data.ResolveDir(*dataDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "steady:", err)
		os.Exit(1)
	}
	opts := ui.Options{
		SystemRegion:   i18n.RegionOf(lang.SystemLocale().String()),
		SystemLanguage: lang.SystemLocale().String(),
		Language:       *langFlag,
		Version:        version,
		ShowWelcome:    true,
	}
	// The shell decides the first state: the lock screen, the journal, or
	// why the journal could not be opened.
	if err := ui.Run(a, dir, tr, opts); err != nil {
		fmt.Fprintln(os.Stderr, "steady:", err)
		os.Exit(1)
	}
}
