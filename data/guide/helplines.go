package guide

import "strings"

// Helplines by region, from shared/data/helplines.md. Numbers are data, not
// translated; each line's description is a message ID (help.line.…) and each
// region's name is region.country_<id> (region.elsewhere for the fallback). Check every row again before each release.

// HelplinesChecked is when the numbers were last checked against their sources.
const HelplinesChecked = "2026-11-25"

// Helpline is one number to call.
type Helpline struct {
	Name   string // the service's own name, not translated
	Number string
	NoteID string // message ID describing it (hours, what it is for)
	// Crisis marks a line for someone in crisis or thinking about suicide
	// (shared/data/helplines.md: 988, Samaritans, Lifeline, 3114, 024, 113 …):
	// the urgent-help response leads with it, before the emergency number.
	Crisis bool
}

// Region is the emergency number and helplines of one country or area.
type Region struct {
	ID        string // ISO 3166 code, or "other"
	Emergency string // the emergency number(s), as dialled
	EmergNote string // message ID for what the numbers are, "" for none
	Lines     []Helpline
	Source    string // who publishes the numbers (not translated)
}

// RegionOther is the fallback region: "call your local emergency number".
const RegionOther = "other"

// regions lists every region Steady knows, in the order shown; the fallback
// comes last.
var regions = []Region{
	{ID: "GB", Emergency: "999", EmergNote: "help.emergency.gb", Source: "FRANK; Samaritans (known)", Lines: []Helpline{
		{"FRANK", "0300 123 6600", "help.line.gb_frank", false},
		{"Samaritans", "116 123", "help.line.samaritans", true},
	}},
	{ID: "US", Emergency: "911", Source: "SAMHSA; 988 Lifeline", Lines: []Helpline{
		{"988 Suicide & Crisis Lifeline", "988", "help.line.us_988", true},
		{"SAMHSA National Helpline", "1-800-662-4357", "help.line.us_samhsa", false},
	}},
	{ID: "AU", Emergency: "000", Source: "Australian health bodies", Lines: []Helpline{
		{"National Alcohol and Other Drug Hotline", "1800 250 015", "help.line.au_aod", false},
		{"Lifeline", "13 11 14", "help.line.crisis", true},
	}},
	{ID: "HK", Emergency: "999", Source: "Narcotics Division; Tung Wah CROSS Centre", Lines: []Helpline{
		{"186 186", "186 186", "help.line.hk_186", false},
		{"WhatsApp / WeChat", "98 186 186", "help.line.hk_chat", false},
	}},
	{ID: "TW", Emergency: "119", EmergNote: "help.emergency.ambulance_police_110", Source: "Taiwan FDA; hospital pages", Lines: []Helpline{
		{"戒毒成功專線", "0800-770-885", "help.line.tw_quit", false},
		{"安心專線", "1925", "help.line.crisis", true},
	}},
	{ID: "CN", Emergency: "120", EmergNote: "help.emergency.ambulance_police_110", Source: "National Health Commission", Lines: []Helpline{
		{"12356", "12356", "help.line.cn_12356", true},
	}},
	{ID: "TH", Emergency: "1669", EmergNote: "help.emergency.medical", Source: "Thai EMS; Department of Mental Health", Lines: []Helpline{
		{"กรมสุขภาพจิต", "1323", "help.line.th_1323", true},
		{"1165", "1165", "help.line.th_1165", false},
	}},
	{ID: "JP", Emergency: "119", Source: "MHLW", Lines: []Helpline{
		{"こころの健康相談統一ダイヤル", "0570-064-556", "help.line.jp_kokoro", true},
	}},
	{ID: "VN", Emergency: "115", EmergNote: "help.emergency.ambulance", Source: "known"},
	{ID: "ID", Emergency: "112", EmergNote: "help.emergency.indonesia", Source: "BNN", Lines: []Helpline{
		{"BNN Call Center", "184", "help.line.id_bnn", false},
	}},
	{ID: "DE", Emergency: "112", Source: "BZgA report", Lines: []Helpline{
		{"Sucht & Drogen Hotline", "01806 313031", "help.line.de_sucht", false},
		{"TelefonSeelsorge", "0800 111 0 111", "help.line.crisis", true},
	}},
	{ID: "FR", Emergency: "15", EmergNote: "help.emergency.fr", Source: "Drogues Info Service", Lines: []Helpline{
		{"Drogues Info Service", "0 800 23 13 13", "help.line.fr_dis", false},
		{"3114", "3114", "help.line.suicide", true},
	}},
	{ID: "ES", Emergency: "112", Source: "known", Lines: []Helpline{
		{"024", "024", "help.line.suicide", true},
	}},
	{ID: "IT", Emergency: "112", Source: "Istituto Superiore di Sanità", Lines: []Helpline{
		{"Telefono Verde Droga", "800 186070", "help.line.it_iss", false},
	}},
	{ID: "NL", Emergency: "112", Source: "Jellinek; KNL", Lines: []Helpline{
		{"113 Zelfmoordpreventie", "0800-0113", "help.line.suicide", true},
		{"Jellinek Advieslijn", "088-505 1220", "help.line.nl_jellinek", false},
	}},
	{ID: "BE", Emergency: "112", Source: "known", Lines: []Helpline{
		{"DrugLijn", "078 15 10 20", "help.line.drugs", false},
		{"Zelfmoordlijn", "1813", "help.line.suicide", true},
	}},
	{ID: "PL", Emergency: "112", Source: "Polish drug-helpline page", Lines: []Helpline{
		{"Telefon Zaufania Narkotyki i Narkomania", "800 199 990", "help.line.drugs", false},
		{"116 123", "116 123", "help.line.crisis", true},
	}},
	{ID: "BR", Emergency: "192", EmergNote: "help.emergency.ambulance", Source: "known", Lines: []Helpline{
		{"CVV", "188", "help.line.crisis", true},
	}},
	{ID: "SG", Emergency: "995", EmergNote: "help.emergency.ambulance", Source: "known"},
	{ID: "MY", Emergency: "999", Source: "known"},
	{ID: RegionOther, Emergency: "112", EmergNote: "help.emergency.elsewhere", Source: ""},
}

// Regions returns every region Steady knows, in the order shown; the
// fallback region (RegionOther) comes last.
func Regions() []Region {
	out := make([]Region, len(regions))
	for i, r := range regions {
		out[i] = r.clone()
	}
	return out
}

// RegionByID returns the region with the given ID, or the fallback.
func RegionByID(id string) Region {
	for _, r := range regions {
		if r.ID == id {
			return r.clone()
		}
	}
	return regions[len(regions)-1].clone()
}

// CrisisLines returns the region's crisis lines, in the order shown.
func (r Region) CrisisLines() []Helpline {
	var out []Helpline
	for _, l := range r.Lines {
		if l.Crisis {
			out = append(out, l)
		}
	}
	return out
}

func (r Region) clone() Region {
	r.Lines = append([]Helpline(nil), r.Lines...)
	return r
}

// WarningSigns returns the message IDs of the signs that need a doctor now
// or an emergency number (shared/data/helplines.md).
func WarningSigns() []string { return append([]string(nil), warningSigns...) }

var warningSigns = []string{
	"help.sign.self_harm",
	"help.sign.confusion",
	"help.sign.chest",
	"help.sign.bladder",
	"help.sign.cramps",
}

// NameID is the message ID of the region's name.
func (r Region) NameID() string {
	if r.ID == RegionOther {
		return "region.elsewhere"
	}
	return "region.country_" + strings.ToLower(r.ID)
}
