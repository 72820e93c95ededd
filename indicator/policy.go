package indicator

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// RecordPolicy holds every record-level interpretation of an edition, one struct per group: each
// calculator takes its own group's policy (and Reception, the one reading of "received" they share).
// Scoring does not read it. The defaults are DefaultRecordPolicy's; docs/rules.md gives each point with
// its alternatives. The slices it holds (Publication.SyncSuccessCodes, Digitisation.PopulationDBCodes)
// are shared by copies of an Edition: replace them, do not modify them in place.
type RecordPolicy struct {
	Reception    ReceptionPolicy
	Publication  PublicationPolicy
	Timeliness   TimelinessPolicy
	Online       OnlinePolicy
	Payment      PaymentPolicy
	Digitisation DigitisationPolicy
	Satisfaction SatisfactionPolicy
}

// DefaultRecordPolicy returns the portal edition's record policies. Cost: O(1), two small allocations.
func DefaultRecordPolicy() RecordPolicy {
	return RecordPolicy{
		Reception:    DefaultReceptionPolicy(),
		Publication:  DefaultPublicationPolicy(),
		Timeliness:   DefaultTimelinessPolicy(),
		Online:       DefaultOnlinePolicy(),
		Payment:      DefaultPaymentPolicy(),
		Digitisation: DefaultDigitisationPolicy(),
		Satisfaction: DefaultSatisfactionPolicy(),
	}
}

// ReceptionPolicy is the reading of "received in the period" that every dossier metric shares.
type ReceptionPolicy struct {
	// FallbackToSubmitted: a dossier's reception time is NgayTiepNhan, else NgayNopHoSo (true [Doc]).
	FallbackToSubmitted bool
	// ExcludeWithdrawnBeforeReception: dossiers withdrawn before reception are not counted (true).
	ExcludeWithdrawnBeforeReception bool
	// OnlineChannels: KenhThucHien values that make a dossier an online one ({2}), for 3.3 and for 2.1's
	// check that online dossiers are received in time.
	OnlineChannels CodeSet
	// Dates: which record dates are placeholders, not dates (model.DefaultDateBounds: before 2000-01-01
	// or more than one year after as-of [Policy]). Every calculator excludes a record whose needed date
	// is a placeholder, with its own reason code; the zero value only rejects year 1.
	Dates model.DateBounds
	// RegisteredCounted: a dossier in status 1 (Mới đăng ký, registered but not yet received) is judged
	// on its reception or submission time like any other (false: decided, it is outside every dossier
	// metric with ReasonNotReceived; see NotYetReceived).
	RegisteredCounted bool
}

// ReasonNotReceived is the one reason code every dossier calculator gives a dossier that was not yet
// received (NotYetReceived).
const ReasonNotReceived Reason = "reception.not_received"

// NotYetReceived is the one definition of a dossier that was not received: status 1 (Mới đăng ký), unless
// RegisteredCounted. Every dossier metric leaves such a dossier out with ReasonNotReceived, whatever its
// dates. Cost: O(1), no allocation; a nil d is not "not received" (calculators refuse it first).
func (p ReceptionPolicy) NotYetReceived(d *model.Dossier) bool {
	return d != nil && !p.RegisteredCounted && d.Status.Code() == model.StatusRegistered
}

// DefaultReceptionPolicy returns {FallbackToSubmitted: true, ExcludeWithdrawnBeforeReception: true,
// OnlineChannels: {2}, Dates: model.DefaultDateBounds()}.
func DefaultReceptionPolicy() ReceptionPolicy {
	return ReceptionPolicy{FallbackToSubmitted: true, ExcludeWithdrawnBeforeReception: true, OnlineChannels: Codes(2),
		Dates: model.DefaultDateBounds()}
}

// PublicationPolicy is group 1's (1.1–1.4).
type PublicationPolicy struct {
	// DayUnit of the 1.1/1.2 deadlines (WorkingDays [Policy]).
	DayUnit DayUnit
	// LeadDays: 1.1's lead time before the legal document takes effect {Ministry 20, Province 5}.
	LeadDays LevelDays
	// PublishWithinDays: 1.2's publication delay after the decision {Ministry 10, Province 5}.
	PublishWithinDays LevelDays
	// Pending: which not-yet-published procedures enter 1.2's denominator (PendingDecidedBy).
	Pending PendingRule
	// SyncSuccessCodes: the portal error_code values that mean a dossier was accepted for 1.4 ({"0", ""}
	// [Policy]: the meaning of "3"/"-3" is unverified). Nil means the default; empty means none counts.
	SyncSuccessCodes []string
}

// DefaultPublicationPolicy returns group 1's defaults.
func DefaultPublicationPolicy() PublicationPolicy {
	return PublicationPolicy{
		DayUnit:           WorkingDays,
		LeadDays:          LevelDays{Ministry: 20, Province: 5},
		PublishWithinDays: LevelDays{Ministry: 10, Province: 5},
		Pending:           PendingDecidedBy,
		SyncSuccessCodes:  []string{"0", ""},
	}
}

// TimelinessPolicy is group 2's (2.1, 2.2).
type TimelinessPolicy struct {
	// Supplements: how a supplement request affects the clock (SupplementSubtract [Doc]).
	Supplements SupplementRule
	// MaxSupplements: more requests than this ⇒ late under SupplementSubtract (1 [Doc]).
	MaxSupplements int
	// EndStatusRank: 9 (processed) > 10 (returned) > 3 = 7 = 8 (not received, withdrawn, stopped) [Doc].
	EndStatusRank StatusRank
	// OnlineReceptionHours: online dossiers must be received within this many working hours (8).
	OnlineReceptionHours int
	// Deadline: the deadline engine's policies (cut-off, receipt day, end of the due day, supplements,
	// rescheduling, withdrawn dossiers, due-soon; docs/calendar.md P1–P15).
	Deadline calendar.DeadlinePolicy
	// Terminated: how withdrawn (7), stopped (8) and not-received (3) dossiers enter 2.1.
	Terminated TerminatedRule
	// Financial: what a financial-obligation pause does to the clock (FinancialClockRuns [Open]).
	Financial FinancialRule
	// Appointments: how an appointment (NgayHenTra, NgayHenTraTruoc) is read (AppointmentInstant, decided).
	Appointments AppointmentRule
}

// DefaultTimelinessPolicy returns group 2's defaults.
func DefaultTimelinessPolicy() TimelinessPolicy {
	var rank StatusRank
	rank[9], rank[10], rank[8], rank[3], rank[7] = 1, 2, 3, 3, 3
	return TimelinessPolicy{
		Supplements: SupplementSubtract, MaxSupplements: 1, EndStatusRank: rank, OnlineReceptionHours: 8,
		Deadline: calendar.DefaultDeadlinePolicy(), Terminated: TerminatedEndsProcessing, Financial: FinancialClockRuns,
	}
}

// OnlinePolicy is group 3a's (3.1–3.3).
type OnlinePolicy struct {
	// OfferingStates: offering states counted by 3.2 (published, pending unpublication, testing).
	OfferingStates OfferingStates
	// UnknownProcedure: 3.3's reading of a procedure missing from the catalogue (UnknownNoPaperResult).
	UnknownProcedure UnknownProcedureRule
}

// DefaultOnlinePolicy returns group 3a's defaults.
func DefaultOnlinePolicy() OnlinePolicy {
	var states OfferingStates
	states[model.StatePublished], states[model.StatePendingUnpublish], states[model.StateTesting] = true, true, true
	return OnlinePolicy{OfferingStates: states, UnknownProcedure: UnknownNoPaperResult}
}

// PaymentPolicy is group 3b's (3.4–3.6).
type PaymentPolicy struct {
	// ZeroFeeLinesExcluded: 3.6 excludes dossiers whose every fee line is 0 (true [Portal]).
	ZeroFeeLinesExcluded bool
	// PaidOnlineCodes: DuocThanhToanTrucTuyen values that count as paid online ({1,2}).
	PaidOnlineCodes CodeSet
	// NoFeeLines: 3.6's reading of a fee-bearing procedure's dossier with no fee line (NoFeeLinesCounted).
	NoFeeLines NoFeeLinesRule
	// FeeData: when a dossier carries fee data for 3.5 (FeeDataAnyLine, decided).
	FeeData FeeDataRule
	// UnknownAmount: 3.6's reading of a fee line whose amount is absent (model.Fee.AmountUnknown):
	// UnknownAmountOwed (decided) or UnknownAmountZero.
	UnknownAmount UnknownAmountRule
}

// DefaultPaymentPolicy returns group 3b's defaults: zero fee lines excluded, paid online {1,2}, no fee line
// counted, fee data any line, unknown amount owed.
func DefaultPaymentPolicy() PaymentPolicy {
	return PaymentPolicy{ZeroFeeLinesExcluded: true, PaidOnlineCodes: Codes(1, 2), FeeData: FeeDataAnyLine}
}

// DigitisationPolicy is group 4's (4.1–4.6b).
type DigitisationPolicy struct {
	// PopulationDBCodes: MaCSDL codes that count as a population-database link for 4.6b ({"7"} [Open]).
	// Nil means the default; empty means no code counts.
	PopulationDBCodes []string
	// ElectronicResultScope: 4.1's denominator (ResultScopePaper).
	ElectronicResultScope ElectronicResultScope
	// UnlinkedFilesCount: a submitted-file entry (TaiLieuNop) without a file link counts as a digitised
	// component for 4.2 (false: decided, only an entry with a link, DuongDanTaiTepTin, counts).
	UnlinkedFilesCount bool
}

// DefaultDigitisationPolicy returns group 4's defaults.
func DefaultDigitisationPolicy() DigitisationPolicy {
	return DigitisationPolicy{PopulationDBCodes: []string{"7"}, ElectronicResultScope: ResultScopePaper}
}

// SatisfactionPolicy is group 5's (5.0–5.3).
type SatisfactionPolicy struct {
	// PetitionDeadlines in working days {Start 15, Reject 2, MoreInfo 5, Publish 2} [Doc].
	PetitionDeadlines PetitionDeadlines
	// Ratings: which dossier ratings count as a dislike for 5.3 (DislikeOnly).
	Ratings RatingRule
}

// DefaultSatisfactionPolicy returns group 5's defaults.
func DefaultSatisfactionPolicy() SatisfactionPolicy {
	return SatisfactionPolicy{PetitionDeadlines: PetitionDeadlines{Start: 15, Reject: 2, MoreInfo: 5, Publish: 2}}
}

// diffPolicy lists the fields of two values of one policy struct that print differently, walking the
// struct by reflection (so a new policy field is compared without being listed anywhere).
func diffPolicy(prefix string, a, b any) []Difference {
	var out []Difference
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := 0; i < va.NumField(); i++ {
		f := va.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		name := prefix + "." + f.Name
		if f.Type.Kind() == reflect.Struct && f.Type.PkgPath() == va.Type().PkgPath() &&
			strings.HasSuffix(f.Type.Name(), "Policy") {
			out = append(out, diffPolicy(name, va.Field(i).Interface(), vb.Field(i).Interface())...)
			continue
		}
		xs, ys := fmt.Sprint(va.Field(i).Interface()), fmt.Sprint(vb.Field(i).Interface())
		if xs != ys {
			out = append(out, Difference{Field: name, A: xs, B: ys})
		}
	}
	return out
}

// SupplementRule is how a supplement request (yêu cầu bổ sung) affects 2.1's clock.
type SupplementRule uint8

const (
	// SupplementSubtract: the applicant's time (request → re-submission) is subtracted; more than
	// MaxSupplements requests ⇒ late [Doc, default].
	SupplementSubtract SupplementRule = iota
	// SupplementRestart: the legal clock restarts at re-submission (Decree 61/2018).
	SupplementRestart
	// SupplementPause: the clock pauses during the applicant's time, without the request limit.
	SupplementPause
)

// String describes the rule.
func (s SupplementRule) String() string {
	return enumName(uint8(s), "SupplementRule", "subtract applicant time", "restart clock (Decree 61/2018)", "pause clock")
}

// TerminatedRule says how dossiers ended by withdrawal after reception (7), a stop (8) or non-acceptance
// (3) enter 2.1. The formula document and the calendar rule P14 disagree; both are offered.
type TerminatedRule uint8

const (
	// TerminatedEndsProcessing (default [Doc]): 3, 7 and 8 are end-of-processing events ranked below 9
	// and 10 (EndStatusRank); the dossier is counted and judged at that event.
	TerminatedEndsProcessing TerminatedRule = iota
	// TerminatedP14: follow P14 through Deadline.IncludeWithdrawn (default false: excluded).
	TerminatedP14
)

// String names the rule.
func (t TerminatedRule) String() string {
	return enumName(uint8(t), "TerminatedRule", "terminated dossiers counted at their end event [Doc]", "P14 (Deadline.IncludeWithdrawn)")
}

// AppointmentRule says how 2.1 reads an appointment (NgayHenTra, or a supplement's NgayHenTraTruoc).
type AppointmentRule uint8

const (
	// AppointmentInstant (default, decided): the appointment is an instant; the dossier is on time when its
	// end is no later than it (NgayKetThucXuLy ≤ NgayHenTra). An appointment written as 00:00 is 24:00 of
	// the previous day, so its due day is the previous day.
	AppointmentInstant AppointmentRule = iota
	// AppointmentDateOnly: for systems that store date-only appointments, an appointment at exactly
	// 00:00:00 local time stands for its own calendar date: due at the end of that date (P4: 24:00, i.e.
	// 00:00 of the next day). An appointment with a time of day stays an instant.
	AppointmentDateOnly
)

// String names the rule.
func (r AppointmentRule) String() string {
	return enumName(uint8(r), "AppointmentRule", "instant", "date-only at 00:00")
}

// FinancialRule says what a financial-obligation pause (status 6) does to 2.1's clock [Open].
type FinancialRule uint8

const (
	// FinancialClockRuns (default): the pause is ignored; the clock keeps running.
	FinancialClockRuns FinancialRule = iota
	// FinancialPaused: the applicant's time is not counted, as for a supplement, without counting towards
	// MaxSupplements.
	FinancialPaused
)

// String names the rule.
func (f FinancialRule) String() string {
	return enumName(uint8(f), "FinancialRule", "clock runs during financial-obligation pauses", "financial-obligation pauses subtracted")
}

// PendingRule decides which procedures not yet published at the judgement instant enter 1.2's
// denominator (as late) [Policy].
type PendingRule uint8

const (
	// PendingDecidedBy (default): decision date ≤ the period's last day shifted by PublishWithinDays.
	PendingDecidedBy PendingRule = iota
	// PendingOverdue: only when the publication deadline is before the judgement date.
	PendingOverdue
)

// String names the rule.
func (r PendingRule) String() string {
	return enumName(uint8(r), "PendingRule", "decided-by", "overdue")
}

// UnknownProcedureRule decides how 3.3 treats an online dossier whose procedure is not in the catalogue
// (whether its result is a paper document is unknown) [Policy].
type UnknownProcedureRule uint8

const (
	// UnknownNoPaperResult (default): the online channel suffices.
	UnknownNoPaperResult UnknownProcedureRule = iota
	// UnknownPaperResult: the dossier also needs an electronic result.
	UnknownPaperResult
)

// String names the rule.
func (p UnknownProcedureRule) String() string {
	return enumName(uint8(p), "UnknownProcedureRule", "no-paper-result", "paper-result")
}

// NoFeeLinesRule decides what 3.6 does with a dossier of a fee-bearing procedure that carries no fee line
// at all [Policy].
type NoFeeLinesRule uint8

const (
	// NoFeeLinesCounted (default): counted in 3.6's denominator (its procedure is fee-bearing).
	NoFeeLinesCounted NoFeeLinesRule = iota
	// NoFeeLinesExcluded: excluded, as if its lines were all zero.
	NoFeeLinesExcluded
)

// String names the rule.
func (p NoFeeLinesRule) String() string {
	return enumName(uint8(p), "NoFeeLinesRule", "counted", "excluded")
}

// FeeDataRule decides when a dossier carries fee data on the portal for 3.5.
type FeeDataRule uint8

const (
	// FeeDataPositiveLine: at least one fee line with an amount > 0 (the reading before December 2026).
	FeeDataPositiveLine FeeDataRule = iota
	// FeeDataAnyLine (default, decided): at least one fee line, whatever its amount (absent included):
	// the metric asks whether fee data reached the portal.
	FeeDataAnyLine
)

// String names the rule.
func (r FeeDataRule) String() string {
	return enumName(uint8(r), "FeeDataRule", "positive-line", "any-line")
}

// UnknownAmountRule decides what 3.6 reads in a fee line whose amount is absent (model.Fee.AmountUnknown).
type UnknownAmountRule uint8

const (
	// UnknownAmountOwed (default, decided): an obligation of unknown size; the dossier owes something, so
	// such a line is not a zero line and keeps the dossier in 3.6's denominator.
	UnknownAmountOwed UnknownAmountRule = iota
	// UnknownAmountZero: the absent amount reads as 0 (the reading before December 2026).
	UnknownAmountZero
)

// String names the rule.
func (r UnknownAmountRule) String() string {
	return enumName(uint8(r), "UnknownAmountRule", "owed", "zero")
}

// ParentProcedureRule decides which procedures a parent unit counts for the procedure metrics it pools
// itself (3.1, 3.4, 3.5, 4.6a under PoolOwn).
type ParentProcedureRule uint8

const (
	// ParentCatalogue (default, decided): a top parent (a unit with sub-units and no parent above it: the
	// province or ministry of the pass) counts every procedure of the catalogue that the metric's
	// denominator admits (3.1 all, 3.4/3.5 fee-bearing, 4.6a citizen-facing), offered or not, together
	// with those offered in its sub-tree; any other parent counts the procedures offered in its sub-tree.
	// Every parent takes the numerator evidence of every dossier of its sub-tree, whichever unit offers
	// the procedure.
	ParentCatalogue ParentProcedureRule = iota
	// ParentOffered: a parent counts the distinct procedures offered in its sub-tree, with the evidence
	// of dossiers of units that offer them (the reading before December 2026).
	ParentOffered
)

// String names the rule.
func (r ParentProcedureRule) String() string {
	return enumName(uint8(r), "ParentProcedureRule", "catalogue", "offered")
}

// ElectronicResultScope selects 4.1's denominator.
type ElectronicResultScope uint8

const (
	// ResultScopePaper (default): dossiers of procedures that return a paper result.
	ResultScopePaper ElectronicResultScope = iota
	// ResultScopeAll: every dossier received in the period [Open: the portal's 4.1 and 4.2 denominators
	// are equal on every published row].
	ResultScopeAll
)

// String names the scope.
func (s ElectronicResultScope) String() string {
	return enumName(uint8(s), "ElectronicResultScope", "paper-result-dossiers", "all-dossiers")
}

// RatingRule says which dossier ratings count as a dislike for 5.3.
type RatingRule uint8

const (
	// DislikeOnly (default): only the portal's dislike flag.
	DislikeOnly RatingRule = iota
	// DislikeOrUnsatisfiedLevel: the flag, or a level "không hài lòng" / "rất không hài lòng" [Policy].
	DislikeOrUnsatisfiedLevel
)

// String names the rule.
func (r RatingRule) String() string {
	return enumName(uint8(r), "RatingRule", "dislike-only", "dislike-or-unsatisfied-level")
}

// enumName is the String of the policy enums: names[v], or "Type(v)" for a value out of range.
func enumName(v uint8, typ string, names ...string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// DayUnit is the unit of a day count in a deadline.
type DayUnit uint8

const (
	// WorkingDays counts working days on the caller's calendar.
	WorkingDays DayUnit = iota
	// CalendarDays counts calendar days.
	CalendarDays
)

// String returns "working days" or "calendar days".
func (u DayUnit) String() string {
	return enumName(uint8(u), "DayUnit", "working days", "calendar days")
}

// LevelDays is a day count that differs between ministries and provinces.
type LevelDays struct {
	Ministry int
	Province int
}

// PetitionDeadlines are the petition deadlines in working days (5.1, 5.2) [Doc].
type PetitionDeadlines struct {
	Start    int // start processing: 15
	Reject   int // reject: 2
	MoreInfo int // request more information: 5
	Publish  int // publish the answer: 2
}

// CodeSet is a set of small integer codes (0–63), e.g. the DuocThanhToanTrucTuyen values that count as
// paid online. It is a comparable value.
type CodeSet uint64

// Codes returns the set of the given codes; codes outside 0–63 are ignored.
func Codes(cs ...int) CodeSet {
	var s CodeSet
	for _, c := range cs {
		if c >= 0 && c < 64 {
			s |= 1 << uint(c)
		}
	}
	return s
}

// Has reports whether c is in the set.
func (s CodeSet) Has(c int) bool { return c >= 0 && c < 64 && s&(1<<uint(c)) != 0 }

// String lists the codes, e.g. "{1,2}".
func (s CodeSet) String() string {
	var parts []string
	for c := 0; c < 64; c++ {
		if s.Has(c) {
			parts = append(parts, fmt.Sprint(c))
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// OfferingStates is a set of offering states, indexed by model.PublishedStateCode (the one definition of
// the portal's states).
type OfferingStates [8]bool

// Has reports whether state s is in the set; an absent or unknown state is not.
func (s OfferingStates) Has(st model.PublishedStateCode) bool {
	return st > 0 && int(st) < len(s) && s[st]
}

// String lists the states in the set, e.g. "{published, pending unpublication, testing}".
func (s OfferingStates) String() string {
	var parts []string
	for st, in := range s {
		if in {
			parts = append(parts, model.PublishedStateCode(st).String())
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// StatusRank ranks dossier end statuses (TrangThaiHoSo 0–15): 0 means "not an end status", a lower
// non-zero rank wins when a timeline has several end events; equal ranks are resolved by time.
type StatusRank [16]uint8

// String lists the end statuses by rank, e.g. "9 > 10 > 3 = 7 = 8".
func (s StatusRank) String() string {
	var ranks []string
	for rank := 1; rank < 256; rank++ {
		var group []string
		for code, r := range s {
			if int(r) == rank {
				group = append(group, fmt.Sprint(code))
			}
		}
		if group != nil {
			ranks = append(ranks, strings.Join(group, " = "))
		}
	}
	if ranks == nil {
		return "none"
	}
	return strings.Join(ranks, " > ")
}
