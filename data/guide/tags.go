package guide

// triggers is the catalog of common triggers a check-in can record.
var triggers = []string{
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

// extraCoping are coping actions beyond the guide's strategies.
var extraCoping = []string{
	"coping.call_someone",
	"coping.urge_surfing",
	"coping.walk",
	"coping.distraction",
	"coping.delay",
	"coping.breathing",
	"coping.eat_drink",
	"coping.rest",
}

// Triggers returns the common triggers a check-in can record, in the order
// shown; each ID is also its message ID. The user's own triggers come from
// their plan.
func Triggers() []string { return append([]string(nil), triggers...) }

// CopingActions returns what a check-in can record as having helped: the
// guide's strategies (by strategy ID) then the extra coping actions; each ID
// is also its message ID.
func (g Guide) CopingActions() []string {
	ids := make([]string, 0, len(g.Strategies)+len(extraCoping))
	for _, s := range g.Strategies {
		ids = append(ids, s.ID)
	}
	return append(ids, extraCoping...)
}
