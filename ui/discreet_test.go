package ui

import (
	"strings"
	"testing"

	"github.com/steadyapp/steady/data"
)

func TestDiscreetModeHasAVisibleEffect(t *testing.T) {
	u, _ := newTestUI(t)
	has := func(where, text, word string) {
		t.Helper()
		if !strings.Contains(strings.ToLower(text), word) {
			t.Errorf("%s: no %q in %q", where, word, text)
		}
	}
	hasNot := func(where, text, word string) {
		t.Helper()
		if strings.Contains(strings.ToLower(text), word) {
			t.Errorf("%s in discreet mode: %q", where, text)
		}
	}
	has("navigation", strings.Join(u.titles, " "), "withdrawal")
	has("check-in", u.checkin.used.Text, "ketamine")

	u.selectSection(sectionSettings)
	tapDiscreet := func() {
		t.Helper()
		u.settings.discreet.SetChecked(!u.settings.discreet.Checked)
	}
	tapDiscreet()
	if u.setting(data.SettingDiscreet, "") != "1" {
		t.Fatal("discreet mode not saved")
	}
	buildAll(u)
	nav := strings.Join(u.titles, " ")
	for _, w := range []string{"ketamine", "withdrawal", "symptoms"} {
		hasNot("navigation", nav, w)
	}
	has("navigation", nav, strings.ToLower(u.tr.T("discreet.symptoms")))
	var menu []string
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			menu = append(menu, it.Label)
		}
	}
	hasNot("View menu", strings.Join(menu, " "), "withdrawal")
	hasNot("check-in", u.checkin.used.Text, "ketamine")
	hasNot("window title", u.win.Title(), "ketamine")
	hasNot("tray menu", u.trayMenu().Label, "ketamine")
	u.selectSection(sectionToday)
	u.today.refresh()
	today := strings.Join(texts(u.today.content), " ")
	hasNot("Today", today, "ketamine")
	if u.today.phase.Visible() {
		t.Errorf("Today shows the withdrawal phase in discreet mode: %q", u.today.phase.Text)
	}
	if !u.hideCapture() {
		t.Error("discreet mode does not hide Steady from screen capture by default")
	}

	// Off again: the guide's own names come back.
	u.selectSection(sectionSettings)
	tapDiscreet()
	has("navigation", strings.Join(u.titles, " "), "withdrawal")
}

func TestCaptureOption(t *testing.T) {
	u, _ := newTestUI(t)
	u.selectSection(sectionSettings)
	shown := strings.Join(texts(u.settings.content), " ")
	if !strings.Contains(shown, u.tr.T("capture.option")) {
		t.Fatalf("no capture option in Settings: %q", shown)
	}
	if !captureSupported() && !strings.Contains(shown, u.tr.T("capture.unavailable")) {
		t.Error("where capture cannot be hidden, Settings does not say so")
	}
	if u.hideCapture() {
		t.Error("capture hidden by default outside discreet mode")
	}
	u.save(settingHideCapture, "1")
	if !u.hideCapture() {
		t.Error("the option is not kept")
	}
	// Where Fyne gives no native window (the test driver), applying it is
	// harmless.
	u.applyCapture()
}
