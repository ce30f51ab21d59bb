package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"

	"github.com/steadyapp/steady/data"
)

// event is a change to the open journal that a screen may need to show.
// Screens subscribe to the session's events and refresh themselves; nothing
// calls "refresh the others" by hand.
type event int

// The session's events.
const (
	entryAdded      event = iota + 1 // a check-in was added (or restored after a delete)
	entryUpdated                     // a check-in was changed
	entryDeleted                     // a check-in was deleted
	planChanged                      // an item of the plan was added or removed
	settingsChanged                  // a setting or the quit date changed
	journalReplaced                  // an import or "delete everything": anything may have changed
)

// String names the event, for test messages.
func (e event) String() string {
	switch e {
	case entryAdded:
		return "entry added"
	case entryUpdated:
		return "entry updated"
	case entryDeleted:
		return "entry deleted"
	case planChanged:
		return "plan changed"
	case settingsChanged:
		return "settings changed"
	case journalReplaced:
		return "journal replaced"
	}
	return "unknown event"
}

// isEntry reports whether e can change what the check-ins show (Today,
// History, Insights).
func (e event) isEntry() bool {
	return e == entryAdded || e == entryUpdated || e == entryDeleted || e == journalReplaced
}

// session is the open journal as screens see it: the store's reads, and its
// writes wrapped so that each successful change announces an event to the
// subscribers. It exists only while the shell is in the open state; a locked
// or failed start has no session, so nothing that needs the journal can run.
//
// The save protocol is data's: every write returns once the change is
// durable, or with an error (data.ErrNotSaved for an encrypted journal whose
// save failed). Screens never call Sync and never ask Encrypted() to decide
// how to save; Encrypted() is for display only (Settings, export warnings).
//
// Writes and subscriptions belong to the UI thread; events are delivered
// synchronously, on it, after the change is durable.
type session struct {
	*data.Store

	subs map[int]func(event)
	next int
}

// newSession wraps an open store.
func newSession(st *data.Store) *session {
	return &session{Store: st, subs: map[int]func(event){}}
}

// subscribe calls f after every change; cancel stops it.
func (s *session) subscribe(f func(event)) (cancel func()) {
	s.next++
	id := s.next
	s.subs[id] = f
	return func() { delete(s.subs, id) }
}

// publish tells every subscriber about e, in the order they subscribed.
// Screens built while it runs (a rebuild caused by e) hear the next event,
// not this one.
func (s *session) publish(e event) {
	last := s.next
	for id := 1; id <= last; id++ {
		if f, ok := s.subs[id]; ok {
			f(e)
		}
	}
}

// after publishes e when err is nil, and returns err.
func (s *session) after(e event, err error) error {
	if err == nil {
		s.publish(e)
	}
	return err
}

// Add adds a check-in (see data.Store.Add) and announces entryAdded.
func (s *session) Add(e *data.Entry) error { return s.after(entryAdded, s.Store.Add(e)) }

// Update changes a check-in and announces entryUpdated.
func (s *session) Update(e *data.Entry) error { return s.after(entryUpdated, s.Store.Update(e)) }

// Delete deletes a check-in and announces entryDeleted.
func (s *session) Delete(id int64) (data.Entry, error) {
	gone, err := s.Store.Delete(id)
	return gone, s.after(entryDeleted, err)
}

// Restore puts back a deleted check-in and announces entryAdded.
func (s *session) Restore(e *data.Entry) error { return s.after(entryAdded, s.Store.Restore(e)) }

// SetSetting stores a setting and announces settingsChanged.
func (s *session) SetSetting(key, value string) error {
	return s.after(settingsChanged, s.Store.SetSetting(key, value))
}

// DeleteSetting clears a setting and announces settingsChanged.
func (s *session) DeleteSetting(key string) error {
	return s.after(settingsChanged, s.Store.DeleteSetting(key))
}

// SetQuitDate stores the quit date and announces settingsChanged.
func (s *session) SetQuitDate(d time.Time) error {
	return s.after(settingsChanged, s.Store.SetQuitDate(d))
}

// AddPlanItem adds to the plan and announces planChanged.
func (s *session) AddPlanItem(p *data.PlanItem) error {
	return s.after(planChanged, s.Store.AddPlanItem(p))
}

// DeletePlanItem removes from the plan and announces planChanged.
func (s *session) DeletePlanItem(id int64) error {
	return s.after(planChanged, s.Store.DeletePlanItem(id))
}

// Import adds a JSON export's check-ins and plan and announces
// journalReplaced and planChanged.
func (s *session) Import(r io.Reader) (data.ImportResult, error) {
	res, err := s.Store.Import(r)
	if err == nil {
		s.publish(planChanged)
	}
	return res, s.after(journalReplaced, err)
}

// DeleteAll deletes the whole journal and announces journalReplaced (and
// planChanged and settingsChanged: both are gone too).
func (s *session) DeleteAll() error {
	err := s.Store.DeleteAll()
	if err == nil {
		s.publish(planChanged)
		s.publish(settingsChanged)
	}
	return s.after(journalReplaced, err)
}

// navigator is what a screen may ask of the shell besides the journal: move
// to another section or open a check-in for editing, listen to the
// session for as long as the screen is shown, tell the user something,
// report a failed write, and react to a saved check-in (a very hard one
// opens Get help). Screens get the session, the translator and a
// navigator — not the shell (*UI).
type navigator interface {
	selectSection(id string)
	editEntry(e data.Entry)
	// subscribe makes f hear the session's events until the screen is
	// rebuilt or the journal closes.
	subscribe(f func(event)) (cancel func())
	window() fyne.Window // the window dialogs are shown on
	showError(msg string)
	showMessage(title, msg string)
	// confirmDanger asks before a destructive action (safedialogs.go).
	confirmDanger(title, msg, yes string, then func())
	copyText(s string) // puts s on the clipboard
	reportWrite(err error, msg func(error) string)
	afterSave(e data.Entry)
}

var _ navigator = (*UI)(nil)
