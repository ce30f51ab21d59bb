package assets

import (
	"bytes"
	"image/png"
	"testing"
)

// The window icon is the 256 px rendering: Fyne hands every pixel of it to
// the window system as the window is created (see Icon).
func TestIconIs256Pixels(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("the icon is not a PNG: %v", err)
	}
	if cfg.Width != 256 || cfg.Height != 256 {
		t.Errorf("the icon is %d×%d, want 256×256", cfg.Width, cfg.Height)
	}
}
