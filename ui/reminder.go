package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// reminders sends the daily check-in reminder while Steady runs. The
// notification's text is neutral and never holds anything from the journal.
// It sees the shell only through what it needs: the open journal's
// settings, the clock, the translator and the notifier.
type reminders struct {
	tr *i18n.Translator
	// setting reads a setting of the open journal; ok is false when the
	// setting is not set or no journal is open (locked, start-up error).
	setting func(key string) (value string, ok bool)
	now     func() time.Time
	notify  func(*fyne.Notification)
	timer   *time.Timer
}

// newReminders makes the reminders; they are armed by reset.
func newReminders(tr *i18n.Translator, setting func(string) (string, bool), now func() time.Time,
	notify func(*fyne.Notification)) *reminders {
	return &reminders{tr: tr, setting: setting, now: now, notify: notify}
}

// journalSetting reads a setting of the open journal; false while there is
// none.
func (u *UI) journalSetting(key string) (string, bool) {
	if u.journal == nil {
		return "", false
	}
	v, ok, _ := u.journal.Setting(key)
	return v, ok
}

// stop disarms the timer.
func (r *reminders) stop() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
}

// reset (re)arms the timer for the next reminder time, or stops it (no
// journal open, or reminders off).
func (r *reminders) reset() {
	r.stop()
	at, ok := r.next(r.now())
	if !ok {
		return
	}
	r.timer = time.AfterFunc(at.Sub(r.now()), func() {
		fyne.Do(func() {
			r.send()
			r.reset()
		})
	})
}

// next returns the next reminder time after now, if reminders are on.
func (r *reminders) next(now time.Time) (time.Time, bool) {
	v, ok := r.setting(data.SettingReminder)
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
	text := r.tr.T("reminder.text")
	if v, _ := r.setting(data.SettingDiscreet); v == "1" {
		text = r.tr.T("reminder.discreet")
	}
	r.notify(fyne.NewNotification(r.tr.T("app.name"), text))
}
