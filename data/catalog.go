package data

import (
	"slices"
	"strings"
)

// Tag kinds: what a check-in's tags describe.
const (
	KindTrigger = "trigger" // what set off a craving
	KindSymptom = "symptom" // a symptom from the guide
	KindCoping  = "coping"  // what helped
)

// Triggers is the catalog of common triggers a check-in can record; each ID
// is also its message ID. The user's own triggers come from their plan.
var Triggers = []string{
	"trigger.stress",
	"trigger.boredom",
	"trigger.loneliness",
	"trigger.conflict",
	"trigger.tiredness",
	"trigger.hunger",
	"trigger.pain",
	"trigger.people_who_use",
	"trigger.places",
	"trigger.parties",
	"trigger.payday",
	"trigger.paraphernalia",
	"trigger.low_mood",
	"trigger.cant_sleep",
}

// ExtraCoping are coping actions beyond the guide's strategies; each ID is
// also its message ID.
var ExtraCoping = []string{
	"coping.call_someone",
	"coping.urge_surfing",
	"coping.walk",
	"coping.distraction",
	"coping.delay",
	"coping.breathing",
	"coping.eat_drink",
	"coping.rest",
}

// CopingActions returns what a check-in can record as having helped: the
// guide's strategies (by strategy ID) then the extra actions.
func (g Guide) CopingActions() []string {
	ids := make([]string, 0, len(g.Strategies)+len(ExtraCoping))
	for _, s := range g.Strategies {
		ids = append(ids, s.ID)
	}
	return append(ids, ExtraCoping...)
}

// PlanTagPrefix starts the tag of a trigger or coping strategy the user
// wrote in their plan: "plan:" followed by the plan item's UUID.
const PlanTagPrefix = "plan:"

// knownTag reports whether tag may be stored under kind.
func knownTag(g Guide, kind, tag string) bool {
	if strings.HasPrefix(tag, PlanTagPrefix) {
		return (kind == KindTrigger || kind == KindCoping) && len(tag) > len(PlanTagPrefix) && len(tag) <= 64
	}
	switch kind {
	case KindTrigger:
		return slices.Contains(Triggers, tag)
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
