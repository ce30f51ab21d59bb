package data

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Plan item kinds: the parts of a personal relapse-prevention plan.
const (
	PlanReason  = "reason"  // my reasons to stop
	PlanPerson  = "person"  // my people to call (with a phone number)
	PlanTrigger = "trigger" // my own triggers to avoid
	PlanCoping  = "coping"  // coping strategies that work for me
)

// PlanKinds lists the plan's parts in the order they are shown.
var PlanKinds = []string{PlanReason, PlanPerson, PlanTrigger, PlanCoping}

// MaxPlanText is the longest a plan item's text may be, in characters.
const MaxPlanText = 500

// PlanItem is one line of the user's plan.
type PlanItem struct {
	ID      int64
	UUID    string
	Kind    string
	Text    string
	Phone   string // PlanPerson only
	Created time.Time
}

// Tag is how check-ins refer to this item (as a trigger or coping action).
func (p PlanItem) Tag() string { return PlanTagPrefix + p.UUID }

func (p *PlanItem) validate() error {
	p.Text = strings.TrimSpace(p.Text)
	p.Phone = strings.TrimSpace(p.Phone)
	switch {
	case p.Kind != PlanReason && p.Kind != PlanPerson && p.Kind != PlanTrigger && p.Kind != PlanCoping:
		return &FieldError{Field: "plan_kind", Reason: "unknown"}
	case p.Text == "":
		return &FieldError{Field: "plan_text", Reason: "missing"}
	case !utf8.ValidString(p.Text) || !utf8.ValidString(p.Phone):
		return &FieldError{Field: "plan_text", Reason: "utf8"}
	case utf8.RuneCountInString(p.Text) > MaxPlanText:
		return &FieldError{Field: "plan_text", Reason: "too_long"}
	case !validPhone(p.Phone):
		return &FieldError{Field: "phone", Reason: "invalid"}
	}
	return nil
}

// validPhone accepts what people write as phone numbers: digits with
// spaces, dashes, dots, parentheses and a leading +; empty is allowed.
func validPhone(s string) bool {
	if len(s) > 40 {
		return false
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return s == "" || digits >= 2
}

// AddPlanItem validates p and stores it at the end of its list.
func (s *Store) AddPlanItem(p *PlanItem) error {
	if err := p.validate(); err != nil {
		return fmt.Errorf("add plan item: %w", err)
	}
	if p.UUID == "" {
		p.UUID = newUUID()
	}
	if p.Created.IsZero() {
		p.Created = s.now().UTC().Truncate(time.Millisecond)
	}
	res, err := s.exec(`INSERT INTO plan_items (uuid, kind, text, phone, position, created_ms)
		VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM plan_items WHERE kind = ?), ?)`,
		p.UUID, p.Kind, p.Text, p.Phone, p.Kind, p.Created.UnixMilli())
	if err != nil {
		return fmt.Errorf("add plan item: %w", err)
	}
	p.ID, _ = res.LastInsertId()
	return nil
}

// DeletePlanItem removes one plan item. Check-ins that named it keep the
// tag; they show it as a removed item.
func (s *Store) DeletePlanItem(id int64) error {
	res, err := s.exec(`DELETE FROM plan_items WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete plan item %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete plan item %d: %w", id, ErrNotFound)
	}
	return nil
}

// Plan returns the plan's items of one kind, or of every kind when kind is
// "", in their order.
func (s *Store) Plan(kind string) ([]PlanItem, error) {
	q := `SELECT id, uuid, kind, text, phone, created_ms FROM plan_items`
	var args []any
	if kind != "" {
		q += ` WHERE kind = ?`
		args = append(args, kind)
	}
	rows, err := s.db.Query(q+` ORDER BY kind, position, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read plan: %w", err)
	}
	defer rows.Close()
	var out []PlanItem
	for rows.Next() {
		var p PlanItem
		var created int64
		if err := rows.Scan(&p.ID, &p.UUID, &p.Kind, &p.Text, &p.Phone, &created); err != nil {
			return nil, fmt.Errorf("read plan: %w", err)
		}
		p.Created = time.UnixMilli(created).UTC()
		out = append(out, p)
	}
	return out, rows.Err()
}
