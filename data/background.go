package data

// Opening a plain journal starts two things in the background: the check of
// every page (soundcheck.go) and, on the first start of a day, the day's
// backup (backup.go). Both read the whole journal. A program that opens the
// journal while it draws its first window can leave them until it has
// drawn it: OpenDeferred opens without starting them, and StartBackground
// starts them. Their guarantees do not depend on when they start: the first
// write starts the check itself and waits for it, so nothing is written to
// a journal before its check has passed; the backup waits for the check, so
// a damaged journal is never copied over a sound backup; and Close stops
// whichever of them is running, or keeps them from starting.

// StartBackground starts the check of every page and the day's backup, in
// the background, if they have not started yet. Open calls it; after
// OpenDeferred the caller does, once the work is no longer in the way (the
// UI: after its first frame). It returns at once. Calling it again, or
// after Close, does nothing; on an encrypted journal (whose backup
// OpenEncrypted starts, and which has no page check) it does nothing.
func (s *Store) StartBackground() {
	s.check.start()
	lockOf(s).startBackup()
}
