package showable

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/steadyapp/steady/i18n"
)

func TestCollect(t *testing.T) {
	set, err := Collect()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Languages) != 15 {
		t.Errorf("%d languages, want 15", len(set.Languages))
	}
	for _, want := range []string{"戒毒成功專線", "こころの健康相談統一ダイヤル", "กรมสุขภาพจิต", "日本語", "ไทย", "0800-770-885"} {
		if !slices.Contains(set.Everywhere, want) {
			t.Errorf("shown everywhere: no %q", want)
		}
	}
	th := strings.Join(set.Languages["th"], "\n")
	if !strings.ContainsRune(th, i18n.BreakMark) {
		t.Error("Thai strings lack the line-break marks Steady shows")
	}
	if !slices.Contains(set.Languages["ja"], "キャンセル") {
		t.Error("Japanese lacks Fyne's strings (キャンセル)")
	}
	if !slices.Contains(set.Languages["zh-Hans"], "取消") {
		t.Error("Simplified Chinese lacks Fyne's strings (取消)")
	}
}

func TestCollectFrom(t *testing.T) {
	fsys := fstest.MapFS{
		"en.toml": {Data: []byte("[language]\nname = \"English\"\n\n[a]\nb = \"Hello\"\n")},
		"vi.toml": {Data: []byte("[language]\nname = \"Ngôn ngữ X\"\n\n[a]\nb = \"Xin chào ỹ\"\n")},
	}
	set, err := CollectFrom(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(set.Languages["vi"], "Xin chào ỹ") || !slices.Contains(set.Everywhere, "Ngôn ngữ X") {
		t.Errorf("CollectFrom missed the files' strings: %+v", set.Languages["vi"])
	}
	if _, err := CollectFrom(fstest.MapFS{}, "."); err == nil {
		t.Error("CollectFrom with no message files succeeded")
	}
}
