package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/steadyapp/steady/data"
)

// FuzzParseHours feeds the sleep-hours field arbitrary text: parseHours
// never panics, accepts only what the journal accepts (0 to 24, a number),
// reads what it accepts as strconv would with the first comma as the
// decimal point, and reads empty text as "not recorded".
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"7", "7.5", "7,5", " 8 ", "", "24", "24.0000001", "-0", "NaN", "Inf", "1e1",
		"0x1p-2", "7,5,5", "٧", "7\u00a0", "+7", "1_0", "\x00"} {
		f.Add(s)
	}
	now := time.Now()
	f.Fuzz(func(t *testing.T, s string) {
		h, ok := parseHours(s)
		norm := strings.TrimSpace(strings.Replace(s, ",", ".", 1))
		if !ok {
			if h != nil {
				t.Fatalf("parseHours(%q) refused but returned %v", s, *h)
			}
			return
		}
		if h == nil {
			if norm != "" {
				t.Fatalf("parseHours(%q) = not recorded, but the text is not empty", s)
			}
			return
		}
		if math.IsNaN(*h) || *h < 0 || *h > data.MaxSleepHours {
			t.Fatalf("parseHours(%q) = %v, outside 0…%d", s, *h, data.MaxSleepHours)
		}
		if want, err := strconv.ParseFloat(norm, 64); err != nil || want != *h {
			t.Fatalf("parseHours(%q) = %v, strconv reads %v (%v)", s, *h, want, err)
		}
		// What the form accepts, the journal stores.
		e := data.Entry{At: now, Mood: 3, SleepHours: h}
		if err := e.Validate(); err != nil {
			t.Fatalf("parseHours(%q) = %v, which the journal refuses: %v", s, *h, err)
		}
	})
}
