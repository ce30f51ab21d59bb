package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// helpSources are the sources of the body signs and of what Steady says
// about the bladder, as message IDs. They are named, not linked: nothing on
// Get help opens a browser.
var helpSources = []string{
	"help.sources.nhs_bnssg", "help.sources.nhs_nl", "help.sources.urology", "help.sources.venyo",
	"help.sources.eau", "help.sources.current_psychiatry", "help.sources.westjem",
	"help.sources.roberts", "help.sources.surgeon_general",
}

// bodySignsHelp is Get help's part on the body (issue 15): the signs that
// need help now, the signs to see a GP or urology service about soon, each
// with why, and the sources.
func bodySignsHelp(tr *i18n.Translator) fyne.CanvasObject {
	box := container.NewVBox()
	group := func(title string, signs []string, level data.FlagLevel) {
		box.Add(heading(title))
		for _, s := range signs {
			f := data.Flag{Level: level, Sign: s}
			name := wrapped("• " + tr.T(f.SignID()))
			name.TextStyle.Bold = true
			box.Add(name)
			why := wrapped(tr.T(f.WhyID()))
			box.Add(why)
		}
	}
	group(tr.T("help.body.now"), data.NowSigns(), data.FlagNow)
	group(tr.T("help.body.soon"), data.SoonSigns(), data.FlagSoon)
	box.Add(heading(tr.T("help.sources.title")))
	box.Add(wrapped(tr.T("help.sources.intro")))
	for _, id := range helpSources {
		l := wrapped("• " + tr.T(id))
		box.Add(l)
	}
	return widget.NewCard("", "", box)
}
