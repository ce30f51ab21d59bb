package guide

// Symptom is one listed withdrawal symptom. Its ID is also its message ID and
// the value stored in the journal when the user records it.
type Symptom struct {
	ID string // e.g. "symptom.physical.tremors"
}

// SymptomCategory groups symptoms as the guide does.
type SymptomCategory struct {
	ID      string // e.g. "psychological"
	TitleID string // message ID of the category heading
	// Single is true when the category is itself the symptom (the guide
	// lists "Cravings" and "Social withdrawal" without sub-items).
	Single   bool
	Symptoms []Symptom
}

// Strategy is one way of managing withdrawal, with a title and explanation.
// Its ID is stored in the journal when the user records what helped.
type Strategy struct {
	ID      string // e.g. "strategy.therapy"
	TitleID string
	BodyID  string
}

// Technique is a way of riding out a craving, with its explanation and the
// source it is drawn from. Unlike a Strategy it is not recorded in the
// journal (the check-in's coping actions name them).
type Technique struct {
	ID       string // e.g. "technique.urge_surfing"
	TitleID  string
	BodyID   string
	SourceID string
}

// Question is one frequently asked question with its answer.
type Question struct {
	ID         string // e.g. "faq.duration"
	QuestionID string
	AnswerID   string
}

// Guide is the whole catalog: the three sections of the article in order.
type Guide struct {
	// Symptoms section.
	SymptomsTitleID    string
	IntroIDs           []string // the article's opening paragraph(s)
	UnderstandingTitle string
	UnderstandingIDs   []string
	CommonTitleID      string
	Categories         []SymptomCategory
	SymptomsClosingID  string

	// Managing withdrawal section.
	ManagingTitleID string
	ManagingIntroID string
	Strategies      []Strategy
	// Riding out a craving: techniques, after the strategies.
	TechniquesTitleID string
	Techniques        []Technique

	// FAQ section.
	FAQTitleID   string
	Questions    []Question
	ConclusionID string
}

func symptoms(category string, names ...string) []Symptom {
	s := make([]Symptom, len(names))
	for i, n := range names {
		s[i] = Symptom{ID: "symptom." + category + "." + n}
	}
	return s
}

func category(id string, names ...string) SymptomCategory {
	return SymptomCategory{ID: id, TitleID: "guide.category." + id, Symptoms: symptoms(id, names...)}
}

func single(id, name string) SymptomCategory {
	c := category(id, name)
	c.Single = true
	return c
}

func strategy(id string) Strategy {
	p := "strategy." + id
	return Strategy{ID: p, TitleID: p + ".title", BodyID: p + ".body"}
}

func technique(id string) Technique {
	p := "technique." + id
	return Technique{ID: p, TitleID: p + ".title", BodyID: p + ".body", SourceID: p + ".source"}
}

func question(id string) Question {
	p := "faq." + id
	return Question{ID: p, QuestionID: p + ".question", AnswerID: p + ".answer"}
}

// TheGuide returns the catalog of the guide. It returns a fresh value each
// time, so callers may not change what others see.
func TheGuide() Guide {
	return Guide{
		SymptomsTitleID:    "guide.symptoms.title",
		IntroIDs:           []string{"guide.symptoms.intro"},
		UnderstandingTitle: "guide.understanding.title",
		UnderstandingIDs:   []string{"guide.understanding.adapt", "guide.understanding.varies"},
		CommonTitleID:      "guide.symptoms.common",
		Categories: []SymptomCategory{
			category("psychological", "anxiety", "depression", "mood_swings", "irritability",
				"confusion", "hallucinations", "paranoia"),
			category("physical", "fatigue", "muscle_pain", "tremors", "sweating",
				"nausea_vomiting", "heart_rate", "blood_pressure"),
			category("cognitive", "concentration", "memory", "decision_making"),
			category("sleep", "insomnia", "vivid_dreams"),
			single("cravings", "craving"),
			single("social", "withdrawal"),
		},
		SymptomsClosingID: "guide.symptoms.closing",

		ManagingTitleID: "guide.managing.title",
		ManagingIntroID: "guide.managing.intro",
		Strategies: []Strategy{
			strategy("medical"),
			strategy("therapy"),
			strategy("support"),
			strategy("lifestyle"),
			strategy("triggers"),
		},
		TechniquesTitleID: "guide.techniques.title",
		Techniques: []Technique{
			technique("urge_surfing"),
			technique("deads"),
		},

		FAQTitleID: "guide.faq.title",
		Questions: []Question{
			question("duration"),
			question("alone"),
			question("medication"),
			question("danger"),
		},
		ConclusionID: "guide.conclusion",
	}
}

// AllSymptoms returns every symptom of the guide in catalog order.
func (g Guide) AllSymptoms() []Symptom {
	var all []Symptom
	for _, c := range g.Categories {
		all = append(all, c.Symptoms...)
	}
	return all
}

// MessageIDs returns every message ID the guide needs, in reading order.
func (g Guide) MessageIDs() []string {
	ids := []string{g.SymptomsTitleID}
	ids = append(ids, g.IntroIDs...)
	ids = append(ids, g.UnderstandingTitle)
	ids = append(ids, g.UnderstandingIDs...)
	ids = append(ids, g.CommonTitleID)
	for _, c := range g.Categories {
		ids = append(ids, c.TitleID)
		for _, s := range c.Symptoms {
			ids = append(ids, s.ID)
		}
	}
	ids = append(ids, g.SymptomsClosingID, g.ManagingTitleID, g.ManagingIntroID)
	for _, s := range g.Strategies {
		ids = append(ids, s.TitleID, s.BodyID)
	}
	ids = append(ids, g.TechniquesTitleID)
	for _, t := range g.Techniques {
		ids = append(ids, t.TitleID, t.BodyID, t.SourceID)
	}
	ids = append(ids, g.FAQTitleID)
	for _, q := range g.Questions {
		ids = append(ids, q.QuestionID, q.AnswerID)
	}
	return append(ids, g.ConclusionID)
}
