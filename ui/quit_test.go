package ui

import "testing"

// Fyne's test app keeps the same lifecycle type as its desktop driver: what
// holds here holds for the app Steady runs.

// TestTakeStoppedHook checks that nothing is left for Fyne to queue when its
// run loop ends (quit.go) and that Fyne's own hook (which saves its
// preferences) and the app's still run, once, when the caller says.
func TestTakeStoppedHook(t *testing.T) {
	for _, tc := range []struct {
		name          string
		app, fyneHook bool
		wantCalls     int
	}{
		{"Fyne's hook only", false, true, 1},
		{"the app's and Fyne's", true, true, 2},
		{"none", false, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			lc := a.Lifecycle()
			hooks, ok := lc.(stoppedHooks)
			if !ok {
				t.Fatalf("Fyne's lifecycle (%T) no longer has the stopped hooks quit.go takes: check Fyne's shutdown again", lc)
			}
			calls := 0
			if tc.app {
				lc.SetOnStopped(func() { calls++ })
			}
			if tc.fyneHook {
				hooks.SetOnStoppedHookExecuted(func() { calls++ })
			} else {
				hooks.SetOnStoppedHookExecuted(nil)
			}
			stopped := takeStoppedHook(lc)
			if f := hooks.OnStopped(); f != nil {
				t.Fatal("a stopped hook is left for Fyne to queue at quit")
			}
			if calls != 0 {
				t.Fatalf("%d hooks ran before the caller said", calls)
			}
			stopped()
			if calls != tc.wantCalls {
				t.Errorf("%d hooks ran, want %d", calls, tc.wantCalls)
			}
		})
	}
}

// TestLifecycleHooksQueueNothingAtQuit checks that the shell's lifecycle
// hooks, taken as showAndRun takes them, leave Fyne no stopped hook.
func TestLifecycleHooksQueueNothingAtQuit(t *testing.T) {
	u, _ := newTestUI(t)
	u.watchLifecycle()
	stopped := takeStoppedHook(u.app.Lifecycle())
	if f := u.app.Lifecycle().(stoppedHooks).OnStopped(); f != nil {
		t.Fatal("a stopped hook is left for Fyne to queue at quit")
	}
	stopped()
}
