package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestWelcomeLastStepOffersStartOnlyAndGetHelp(t *testing.T) {
	u, _ := newTestUI(t)
	u.showWelcome()
	w := u.welcome
	if w.skip.Hidden {
		t.Error("Skip is hidden on the first step")
	}
	w.show(welcomePages - 1)
	if !w.skip.Hidden || w.next.Text != u.tr.T("welcome.start") {
		t.Errorf("last step: Skip shown %v, next %q", !w.skip.Hidden, w.next.Text)
	}
	test.Tap(topButton(t, u, u.tr.T("help.button")))
	if u.win.Canvas().Overlays().Top() != nil || u.model.section != sectionHelp {
		t.Errorf("Get help from the welcome: dialog %q, section %s", overlayText(u), u.model.section)
	}
}

func TestPrivacyTitleOnce(t *testing.T) {
	u, _ := newTestUI(t)
	u.showPrivacy()
	if n := strings.Count(overlayText(u), u.tr.T("privacy.title")); n != 1 {
		t.Errorf("the privacy dialog shows its title %d times", n)
	}
}
