package ui

import "fyne.io/fyne/v2"

// Fyne 2.7.1's desktop driver can hang when the app quits. Once its run
// loop ends, it queues the lifecycle's "stopped" hook on its event queue,
// empties its main-thread queue once and closes it. The event queue's
// goroutine hands each hook to the main thread and waits for it to run; a
// hook handed over just after that one emptying never runs, and app.Run,
// which waits for the event queue (Lifecycle.WaitForEvents), never
// returns: the window is gone, the process stays. Under Wine this stopped
// Steady in one of four test-wine runs here, and once in CI (a goroutine
// dump showed runOnMainWithWait and WaitForEvents each waiting for the
// other).
//
// Fyne always has a stopped hook: its own, which saves Fyne's preferences
// file. So Steady takes that hook off the lifecycle before the run loop
// starts, leaving nothing to queue at quit, and calls it itself once
// app.Run has returned, whatever ended the loop (Ctrl+Q, the window's close
// button, the tray's Quit, a SIGTERM). Steady sets no stopped hook of its
// own: it runs on desktops, where Fyne reports the stop only at quit.

// stoppedHooks is the part of Fyne's lifecycle (the type behind
// fyne.App.Lifecycle in the desktop and test drivers) that holds the
// stopped hooks: the app's own and the one Fyne runs after it.
type stoppedHooks interface {
	OnStopped() func()
	SetOnStoppedHookExecuted(func())
}

// takeStoppedHook removes every stopped hook from lc, so that Fyne queues
// nothing when its run loop ends, and returns them as one function for the
// caller to run after app.Run has returned. It returns a function that does
// nothing when lc holds no hook.
func takeStoppedHook(lc fyne.Lifecycle) func() {
	h, ok := lc.(stoppedHooks)
	if !ok { // not Fyne's lifecycle: nothing of Fyne's to take
		return func() {}
	}
	f := h.OnStopped() // the app's hook and Fyne's, as Fyne would queue them
	lc.SetOnStopped(nil)
	h.SetOnStoppedHookExecuted(nil)
	if f == nil {
		return func() {}
	}
	return f
}
