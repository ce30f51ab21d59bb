package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"golang.org/x/text/collate"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/data/guide"
	"github.com/steadyapp/steady/i18n"
)

// The region decides which crisis line, emergency number and helplines
// Steady shows. It is the user's saved choice, else the system locale's
// country when Steady lists it. Otherwise the region is unknown: Steady asks
// once ("Where are you?") before it names a number, and until then says
// "your local emergency number" — never a number that may be wrong there.

// savedRegion returns the region chosen by the user, if any: the journal's
// setting while a journal is open, else a choice made on the lock screen or
// the start-up error window (carried into the journal when it opens).
func (u *UI) savedRegion() (string, bool) {
	if u.journal != nil {
		id, ok, _ := u.journal.Setting(data.SettingRegion)
		return id, ok && id != ""
	}
	id, ok := u.prefs[data.SettingRegion]
	return id, ok && id != ""
}

// region returns the region whose helplines to show: the saved choice, else
// the system locale's country, else the fallback (RegionOther).
func (u *UI) region() guide.Region {
	if id, ok := u.savedRegion(); ok {
		return guide.RegionByID(id)
	}
	return guide.RegionByID(u.opts.SystemRegion)
}

// regionKnown reports whether Steady knows where the user is: a saved
// choice (including "Somewhere else"), or a system country that Steady
// lists. When it is false, ask before naming a number.
func (u *UI) regionKnown() bool {
	if _, ok := u.savedRegion(); ok {
		return true
	}
	return guide.RegionByID(u.opts.SystemRegion).ID != guide.RegionOther
}

// setRegion keeps the user's region: in the journal while it is open, else
// as a lock-screen preference that the journal takes when it opens.
func (u *UI) setRegion(id string) error {
	if u.journal != nil {
		return u.journal.SetSetting(data.SettingRegion, id)
	}
	if u.prefs == nil {
		u.prefs = map[string]string{}
	}
	if u.chosen == nil {
		u.chosen = map[string]bool{}
	}
	u.setLockPref(data.SettingRegion, id)
	return nil
}

// sortedRegions returns the regions sorted by their name in the current
// language, with "Somewhere else" (RegionOther) last.
func sortedRegions(tr *i18n.Translator) []guide.Region {
	all := guide.Regions()
	var listed []guide.Region
	var other guide.Region
	for _, r := range all {
		if r.ID == guide.RegionOther {
			other = r
			continue
		}
		listed = append(listed, r)
	}
	col := collate.New(tr.Language())
	names := make(map[string]string, len(listed))
	for _, r := range listed {
		names[r.ID] = tr.T(r.NameID())
	}
	sort.SliceStable(listed, func(i, j int) bool {
		return col.CompareString(names[listed[i].ID], names[listed[j].ID]) < 0
	})
	return append(listed, other)
}

// regionPicker is a drop-down of the regions, sorted by their localised
// name, showing selected (a region ID; "" for none). onChanged gets the
// chosen region.
func regionPicker(tr *i18n.Translator, selected string, onChanged func(guide.Region)) *escSelect {
	regions := sortedRegions(tr)
	names := make([]string, len(regions))
	for i, r := range regions {
		names[i] = tr.T(r.NameID())
	}
	s := newEscSelect(names, nil)
	s.PlaceHolder = tr.T("region.ask.placeholder")
	for i, r := range regions {
		if r.ID == selected {
			s.SetSelectedIndex(i)
		}
	}
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 && onChanged != nil {
			onChanged(regions[i])
		}
	}
	return s
}

// askRegion asks once where the user is, keeps the answer and then calls
// then. Closing without an answer calls then too: what follows says "your
// local emergency number".
func (u *UI) askRegion(then func()) {
	tr := u.tr
	var chosen string
	picker := regionPicker(tr, "", func(r guide.Region) { chosen = r.ID })
	body := wrapped(tr.T("region.ask.body"))
	content := container.NewVBox(body, picker)
	d := newEscConfirm(tr.T("region.ask.title"), tr.T("dialog.continue"), tr.T("region.ask.later"), content,
		func(ok bool) {
			if ok && chosen != "" {
				if err := u.setRegion(chosen); err != nil {
					u.reportWrite(err, u.saveError)
				}
			}
			u.announce("region asked")
			then()
		}, u.win)
	u.care.regionPicker = picker
	d.Resize(fyne.NewSize(min(u.win.Canvas().Size().Width-40, 460), 0))
	u.showDialog(d)
	u.announce("region asking")
}
