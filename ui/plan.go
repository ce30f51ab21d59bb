package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/steadyapp/steady/data"
	"github.com/steadyapp/steady/i18n"
)

// planScreen is the user's own relapse-prevention plan, from the guide's
// advice: reasons to stop, people to call, triggers to avoid, and coping
// strategies that work. Triggers and strategies added here appear in the
// check-in form.
type planScreen struct {
	journal planJournal
	nav     navigator
	tr      *i18n.Translator
	content fyne.CanvasObject
	lists   map[string]*fyne.Container
}

// planJournal is what My plan reads and writes.
type planJournal interface {
	Plan(kind string) ([]data.PlanItem, error)
	AddPlanItem(p *data.PlanItem) error
	DeletePlanItem(id int64) error
}

// newPlanScreen builds My plan; it is read again when the plan changes.
func newPlanScreen(journal planJournal, nav navigator, tr *i18n.Translator) *planScreen {
	p := &planScreen{journal: journal, nav: nav, tr: tr, lists: map[string]*fyne.Container{}}
	intro := widget.NewLabel(tr.T("plan.intro"))
	intro.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{intro}
	for _, kind := range data.PlanKinds {
		p.lists[kind] = container.NewVBox()
		objs = append(objs, widget.NewCard(tr.T("plan."+kind+".title"), "",
			container.NewVBox(wrapped(tr.T("plan."+kind+".hint")), p.lists[kind], p.addRow(kind))))
	}
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(objs...)))
	p.refresh()
	nav.subscribe(func(e event) {
		if e == planChanged {
			p.refresh()
		}
	})
	return p
}

// addRow is the entry (and, for people, the phone field) to add an item.
func (p *planScreen) addRow(kind string) fyne.CanvasObject {
	tr := p.tr
	text := widget.NewEntry()
	text.PlaceHolder = tr.T("plan." + kind + ".placeholder")
	phone := widget.NewEntry()
	phone.PlaceHolder = tr.T("plan.phone_placeholder")
	add := func() {
		item := data.PlanItem{Kind: kind, Text: text.Text, Phone: phone.Text}
		if err := p.journal.AddPlanItem(&item); err != nil {
			p.nav.reportWrite(err, p.planError)
			return
		}
		text.SetText("")
		phone.SetText("")
	}
	text.OnSubmitted = func(string) { add() }
	phone.OnSubmitted = func(string) { add() }
	button := widget.NewButtonWithIcon(tr.T("plan.add"), theme.ContentAddIcon(), add)
	if kind == data.PlanPerson {
		return container.NewBorder(nil, nil, nil, button, container.NewGridWithColumns(2, text, phone))
	}
	return container.NewBorder(nil, nil, nil, button, text)
}

func (p *planScreen) planError(err error) string {
	if msg, ok := refusal(p.tr, err, ""); ok {
		return msg
	}
	return p.tr.T("error.save", "Detail", err.Error())
}

// refresh re-reads the plan.
func (p *planScreen) refresh() {
	tr := p.tr
	items, err := p.journal.Plan("")
	if err != nil {
		p.nav.showError(tr.T("error.read", "Detail", err.Error()))
		return
	}
	for _, box := range p.lists {
		box.Objects = nil
	}
	for _, it := range items {
		item := it
		label := widget.NewLabel(item.Text)
		label.Wrapping = fyne.TextWrapWord
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			p.nav.confirmDanger(tr.T("plan.remove_title"), tr.T("plan.remove_question", "Item", item.Text), tr.T("plan.remove"), func() {
				if err := p.journal.DeletePlanItem(item.ID); err != nil {
					p.nav.reportWrite(err, func(err error) string { return tr.T("error.save", "Detail", err.Error()) })
				}
			})
		})
		right := fyne.CanvasObject(remove)
		if item.Kind == data.PlanPerson && item.Phone != "" {
			copyBtn := widget.NewButtonWithIcon(item.Phone, theme.ContentCopyIcon(), func() {
				p.nav.copyText(item.Phone)
				p.nav.showMessage(tr.T("plan.copied_title"), tr.T("plan.copied", "Phone", item.Phone))
			})
			right = container.NewHBox(copyBtn, remove)
		}
		p.lists[item.Kind].Add(container.NewBorder(nil, nil, nil, right, label))
	}
	for kind, box := range p.lists {
		if len(box.Objects) == 0 {
			empty := widget.NewLabel(tr.T("plan." + kind + ".empty"))
			empty.Wrapping = fyne.TextWrapWord
			box.Add(empty)
		}
		box.Refresh()
	}
}
