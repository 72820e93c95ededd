package model

import "github.com/shopspring/decimal"

// Procedure is an administrative procedure (TTHC) of the national database
// (LayThuTuc; docs/data.md, Procedure record). Upper-case payload keys are given in brackets.
type Procedure struct {
	// ID [ID], Code [MATTHC], Name [TENTTHC].
	ID, Code, Name string
	// Type [LOAITTHC] and State [TRANGTHAI] are raw (values unverified;
	// State "1" = public).
	Type, State string
	// Levels [CAPTHUCHIEN].
	Levels []ProcedureLevel
	// Fields [LINHVUCTHUCHIEN].
	Fields []Ref
	// Agencies [COQUANTHUCHIEN].
	Agencies []Ref
	// Durations per channel [CACHTHUCTHUCHIEN.THOIGIAN].
	Durations []ProcedureDuration
	// Fees per channel [CACHTHUCTHUCHIEN.THOIGIAN.PHILEPHI].
	Fees []ProcedureFee
	// Applicants are the applicant kinds [DOITUONGTHUCHIEN.TENDOITUONG].
	Applicants []string
	// Results [KETQUATHUCHIEN].
	Results []Ref
	// LegalBasis [CANCUPHAPLY].
	LegalBasis []LegalDoc
	// PublicationDecisionID [IDQUYETDINHCONGBO], PublisherCode [MACOQUANCONGBO].
	PublicationDecisionID, PublisherCode string

	// PaperResult: the procedure requires a paper result ("yêu cầu trả kết quả
	// bằng văn bản, giấy tờ"; 3.3, 4.1, 4.2). National field unverified.
	PaperResult bool
	// FullOnlineEligible: eligible for full online ("đủ điều kiện thực hiện
	// DVCTT toàn trình"; 3.1). Field name unverified.
	FullOnlineEligible bool
	// PopulationDBConnected: connected to the population database (4.6a).
	PopulationDBConnected bool

	// Publication is the announcement (QĐCB) data for group 1.
	Publication []Publication
	// Extra keeps unknown keys of a decoded procedure (components, steps,
	// requirements, ...) verbatim, in input order.
	Extra []RawField
}

// Ref is a code and name pair (field, agency, result).
type Ref struct {
	// Code and Name.
	Code, Name string
}

// ProcedureLevel is a level at which a procedure is carried out [CAPTHUCHIEN].
type ProcedureLevel struct {
	// Level is raw: "0" ministry, "1" province, "2" district (historical),
	// "3" commune (inferred, unverified).
	Level string
	// Agency [MOTACOQUANTHUCHIEN], Address [DIACHITIEPNHAN].
	Agency, Address string
}

// ProcedureDuration is a processing time for one channel [THOIGIAN].
type ProcedureDuration struct {
	// Channel [KENH].
	Channel Channel
	// Amount [THOIGIANGIAIQUYET], possibly fractional ("0.5" days).
	Amount decimal.Decimal
	// Unit [DONVITINH].
	Unit DurationUnit
	// NoDueDate: the case has no due date.
	NoDueDate bool
	// Description [MOTA].
	Description string
}

// ProcedureFee is a fee of a procedure for one channel [PHILEPHI].
type ProcedureFee struct {
	// Channel [KENH] of the enclosing method.
	Channel Channel
	// Code [MAPHILEPHI].
	Code string
	// Amount [SOTIEN] in VND; Known is false when the amount was null or
	// not a number (then Amount is 0 and does not make the procedure
	// fee-bearing).
	Amount int64
	// Known reports that Amount was given.
	Known bool
	// Currency [DONVI], Description [MOTA].
	Currency, Description string
}

// LegalDoc is a legal basis document [CANCUPHAPLY].
type LegalDoc struct {
	// Number and Name of the document.
	Number, Name string
	// IssuedAt and EffectiveAt dates.
	IssuedAt, EffectiveAt Time
}

// Publication is one announcement decision (QĐCB) about a procedure (group 1).
type Publication struct {
	// DecisionID identifies the decision.
	DecisionID string
	// DecisionDate is the decision date.
	DecisionDate Time
	// Kind: new, amended or abolished.
	Kind PublicationKind
	// Issuer is UnitMinistry or UnitProvince (deadlines differ).
	Issuer UnitKind
	// IssuerCode is the issuing unit's code.
	IssuerCode string
	// LegalEffectiveDate is the latest effective date of the legal basis.
	LegalEffectiveDate Time
	// PublishedAt is the publish click in the national database.
	PublishedAt Time
	// Components are Decree 63/2010 art. 8(2) items a, b, c, d, đ, e, g
	// (index 0..6): name, steps, method, composition, time limit, applicants,
	// agency.
	Components [7]bool
}

// Complete reports whether all components a–g are present (1.3).
func (p Publication) Complete() bool {
	for _, c := range p.Components {
		if !c {
			return false
		}
	}
	return true
}

// FeeBearing reports whether at least one fee is given and neither 0 nor null
// (3.5/3.6 denominators). It does not allocate.
func (p *Procedure) FeeBearing() bool {
	for i := range p.Fees {
		if p.Fees[i].Known && p.Fees[i].Amount != 0 {
			return true
		}
	}
	return false
}

// Citizen applicant kinds of the procedure record (docs/data.md, Procedure
// record), read by 4.6a (docs/rules.md, 4.6a), as folded text.
const (
	// ApplicantVietnameseCitizen is "Công dân Việt Nam".
	ApplicantVietnameseCitizen = "Công dân Việt Nam"
	// ApplicantOverseasVietnamese is "Người Việt Nam định cư ở nước ngoài".
	ApplicantOverseasVietnamese = "Người Việt Nam định cư ở nước ngoài"
	// ApplicantForeigner is "Người nước ngoài".
	ApplicantForeigner = "Người nước ngoài"
)

// CitizenFacing reports whether any applicant kind is one of the three citizen
// kinds of the procedure record (ApplicantVietnameseCitizen,
// ApplicantOverseasVietnamese, ApplicantForeigner), matched ignoring case and
// diacritics. Policy: one matching kind suffices. Cost: one allocation per
// applicant.
func (p *Procedure) CitizenFacing() bool {
	for _, a := range p.Applicants {
		switch fold(a) {
		case "cong dan viet nam", "nguoi viet nam dinh cu o nuoc ngoai", "nguoi nuoc ngoai":
			return true
		}
	}
	return false
}

// Duration returns the first duration given for channel c, or for any channel
// when none matches exactly, and whether one exists.
func (p *Procedure) Duration(c ChannelCode) (ProcedureDuration, bool) {
	for _, d := range p.Durations {
		if d.Channel.Is(c) {
			return d, true
		}
	}
	if len(p.Durations) > 0 {
		return p.Durations[0], true
	}
	return ProcedureDuration{}, false
}

// Offering is the online service of one procedure at one unit, time-versioned
// (docs/data.md, Per-agency offering).
type Offering struct {
	// UnitID is the offering unit's code; ProcedureCode the procedure's.
	UnitID, ProcedureCode string
	// Level is the online level.
	Level OnlineLevel
	// State is the published state.
	State PublishedState
	// ValidFrom (inclusive) and ValidTo (exclusive); absent means unbounded.
	ValidFrom, ValidTo Time
}

// ValidAt reports whether the offering is in force at instant t:
// ValidFrom ≤ t < ValidTo, absent bounds being open.
func (o Offering) ValidAt(t Time) bool {
	if !t.Valid {
		return !o.ValidFrom.Valid && !o.ValidTo.Valid
	}
	if o.ValidFrom.Valid && t.T.Before(o.ValidFrom.T) {
		return false
	}
	if o.ValidTo.Valid && !t.T.Before(o.ValidTo.T) {
		return false
	}
	return true
}
