package data

import (
	"slices"
	"strings"

	"github.com/steadyapp/steady/data/guide"
)

// Tag kinds: what a check-in's tags describe.
const (
	KindTrigger = "trigger" // what set off a craving
	KindSymptom = "symptom" // a symptom from the guide
	KindCoping  = "coping"  // what helped
)

// PlanTagPrefix starts the tag of a trigger or coping strategy the user
// wrote in their plan: "plan:" followed by the plan item's UUID.
const PlanTagPrefix = "plan:"

// knownTag reports whether tag may be stored under kind.
func knownTag(g guide.Guide, kind, tag string) bool {
	if strings.HasPrefix(tag, PlanTagPrefix) {
		return (kind == KindTrigger || kind == KindCoping) && len(tag) > len(PlanTagPrefix) && len(tag) <= 64
	}
	switch kind {
	case KindTrigger:
		return slices.Contains(guide.Triggers(), tag)
	case KindSymptom:
		for _, s := range g.AllSymptoms() {
			if s.ID == tag {
				return true
			}
		}
	case KindCoping:
		return slices.Contains(g.CopingActions(), tag)
	}
	return false
}
