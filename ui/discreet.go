package ui

import "github.com/steadyapp/steady/data"

// Discreet mode: for a screen someone else may glance at. It changes what
// the window shows around the guide, never the guide's own content:
//
//   - the sections "Symptoms" and "Managing withdrawal" are called "Guide"
//     and "Coping" (in the navigation and the View menu);
//   - the check-in's "I used ketamine" says "I used";
//   - Today does not show the withdrawal-phase line;
//   - the daily reminder says only "Reminder" (reminder.go);
//   - Steady is hidden from screenshots and screen sharing by default
//     where the system allows it (capture.go).
//
// The window title and the tray are always just "Steady". docs/privacy.md
// lists the same.

// neutralIDs are the message IDs discreet mode replaces, and their
// replacements.
var neutralIDs = map[string]string{
	"tab.symptoms": "discreet.symptoms",
	"tab.managing": "discreet.managing",
	"checkin.used": "discreet.used",
}

// discreet reports whether discreet mode is on.
func (u *UI) discreet() bool { return u.setting(data.SettingDiscreet, "") == "1" }

// neutral returns the message ID to show for id: its neutral replacement
// in discreet mode, else id itself.
func (u *UI) neutral(id string) string {
	if n, ok := neutralIDs[id]; ok && u.discreet() {
		return n
	}
	return id
}
