package data

import "testing"

func TestGuideMatchesArticle(t *testing.T) {
	g := TheGuide()
	want := map[string]int{
		"psychological": 7, "physical": 7, "cognitive": 3, "sleep": 2, "cravings": 1, "social": 1,
	}
	if len(g.Categories) != len(want) {
		t.Fatalf("%d categories, want %d", len(g.Categories), len(want))
	}
	for _, c := range g.Categories {
		if n := len(c.Symptoms); n != want[c.ID] {
			t.Errorf("category %s has %d symptoms, want %d", c.ID, n, want[c.ID])
		}
	}
	if len(g.AllSymptoms()) != 21 {
		t.Errorf("%d symptoms, want 21", len(g.AllSymptoms()))
	}
	if len(g.Strategies) != 5 {
		t.Errorf("%d strategies, want 5", len(g.Strategies))
	}
	if len(g.Questions) != 4 {
		t.Errorf("%d questions, want 4", len(g.Questions))
	}
}

func TestGuideIDsUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, id := range TheGuide().MessageIDs() {
		if id == "" || seen[id] {
			t.Errorf("empty or repeated message ID %q", id)
		}
		seen[id] = true
	}
}

func TestDefaultDir(t *testing.T) {
	home := func() (string, error) { return "/home/ana", nil }
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/ana/.local/share/steady"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/data/steady"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, "/home/ana/.local/share/steady"},
		{"freebsd", nil, "/home/ana/.local/share/steady"},
		{"darwin", nil, "/home/ana/Library/Application Support/Steady"},
		{"windows", map[string]string{"LOCALAPPDATA": "/c/Users/ana/AppData/Local"}, "/c/Users/ana/AppData/Local/Steady"},
	}
	for _, tt := range tests {
		got, err := defaultDir(tt.goos, env(tt.env), home)
		if err != nil || got != tt.want {
			t.Errorf("defaultDir(%s, %v) = %q, %v; want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
}
