package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
)

// reminders sends the daily check-in reminder while Steady runs. The
// notification's text is neutral and never holds anything from the journal.
type reminders struct {
	u     *UI
	timer *time.Timer
}

// stop disarms the timer.
func (r *reminders) stop() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
}

// reset (re)arms the timer for the next reminder time, or stops it.
func (r *reminders) reset() {
	r.stop()
	if r.u.journal == nil {
		return
	}
	at, ok := r.next(r.u.now())
	if !ok {
		return
	}
	r.timer = time.AfterFunc(at.Sub(r.u.now()), func() {
		fyne.Do(func() {
			r.send()
			r.reset()
		})
	})
}

// next returns the next reminder time after now, if reminders are on.
func (r *reminders) next(now time.Time) (time.Time, bool) {
	v, ok, _ := r.u.journal.Setting(data.SettingReminder)
	if !ok {
		return time.Time{}, false
	}
	var h, m int
	if n, _ := fmt.Sscanf(v, "%d:%d", &h, &m); n != 2 || h < 0 || h > 23 || m < 0 || m > 59 {
		return time.Time{}, false
	}
	at := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
	if !at.After(now) {
		at = at.AddDate(0, 0, 1)
	}
	return at, true
}

// send shows the reminder notification.
func (r *reminders) send() {
	text := r.u.tr.T("reminder.text")
	if r.u.setting(data.SettingDiscreet, "") == "1" {
		text = r.u.tr.T("reminder.discreet")
	}
	r.u.app.SendNotification(fyne.NewNotification(r.u.tr.T("app.name"), text))
}
