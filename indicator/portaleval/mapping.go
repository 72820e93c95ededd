package portaleval

import (
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
)

// Endpoint names one evaluation endpoint of the portal: POST /api/v1/reporting/evaluation/{Endpoint}.
type Endpoint string

// The endpoints of the portal's evaluation page (dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu), 2026.
const (
	Transparency   Endpoint = "transparency"                  // group 1, overview + evaluation
	Progress       Endpoint = "dvc-progress-tree"             // group 2, parent + children
	Online         Endpoint = "provide-online-tree"           // group 3a, parent + children
	Payment        Endpoint = "formality-online-payment-tree" // group 3b, parent + children
	Digitisation   Endpoint = "dossier-digitized"             // group 4, overview + evaluation
	Satisfaction   Endpoint = "handling-satisfaction"         // group 5, overview + evaluation (date range)
	ServiceResults Endpoint = "service-results"               // no group: decoded, scores reported only
)

var endpoints = [...]Endpoint{Transparency, Progress, Online, Payment, Digitisation, Satisfaction, ServiceResults}

// Endpoints lists every known endpoint in group order (service-results last), as a fresh slice.
func Endpoints() []Endpoint { return append([]Endpoint(nil), endpoints[:]...) }

// ParseEndpoint returns the endpoint named s (case-insensitive, surrounding space ignored); ok is false
// for an unknown name. Cost: O(1).
func ParseEndpoint(s string) (e Endpoint, ok bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, e := range endpoints {
		if string(e) == t {
			return e, true
		}
	}
	return "", false
}

// Group returns the portal group the endpoint publishes (0 for service-results and unknown names).
func (e Endpoint) Group() indicator.Group {
	switch e {
	case Transparency:
		return indicator.G1
	case Progress:
		return indicator.G2
	case Online:
		return indicator.G3a
	case Payment:
		return indicator.G3b
	case Digitisation:
		return indicator.G4
	case Satisfaction:
		return indicator.G5
	}
	return 0
}

// Part says which part of a Tally a portal field fills.
type Part string

// Parts of a Tally a portal field can fill. Extra parts are named as in the Tally JSON codec
// ("extra.partialOnline"); PartReported fields are decoded and kept in Unit.Fields but feed no score.
const (
	PartNum      Part = "num"
	PartDen      Part = "den"
	PartReported Part = "reported"
)

// Field is one line of the mapping from the portal's response fields to the library's metrics: on
// Endpoint, the field (or, for the metric-list endpoints, the metric "code") Name fills Part of
// Metric's count. A field may fill several parts (partialCount is both 3.1's extra.partialOnline and
// half of its numerator; totalFeeFormality is the denominator of 3.4 and 3.5).
type Field struct {
	Endpoint Endpoint
	Name     string       // the portal's JSON field name, or a metric code of a "metrics" list
	Metric   indicator.ID // 0 for reported-only fields
	Part     Part         // num, den, extra.<name> or reported
	Note     string
}

// metricCodeNote is the note of every metric code row of a metric-list endpoint.
const metricCodeNote = `"numerator"/"denominator" of the metric row; null counts (4.4) are an empty count, kept as null in MetricRow`

// fields is the mapping, in endpoint order. Decoding applies it; Mapping returns a copy.
var fields = [...]Field{
	{Transparency, "PUBLISH_ON_TIME", indicator.M11, PartNum + "+" + PartDen, metricCodeNote},
	{Transparency, "PUBLIC_UPDATE_ON_TIME", indicator.M12, PartNum + "+" + PartDen, metricCodeNote},
	{Transparency, "PUBLIC_CONTENT_FULL", indicator.M13, PartNum + "+" + PartDen, metricCodeNote + "; computed at province level and copied to every sub-unit"},
	{Transparency, "DOSSIER_SYNC", indicator.M14, PartNum + "+" + PartDen, metricCodeNote + `; "dataQualityStatus" TEMP_NATIONAL_REPORT_DENOMINATOR marks a temporary denominator`},

	{Progress, "totalOnTime", indicator.M21, PartNum, "dossiers resolved early or on time (or open and not yet due)"},
	{Progress, "totalReceived", indicator.M21, PartDen, "dossiers received and processed in the period"},
	{Progress, "totalOverdue", indicator.M21, "extra.overdue", "published on sub-units only"},
	{Progress, "totalCompleted", indicator.M21, "extra.completed", "published on the parent only"},
	{Progress, "avgProcessingDays", indicator.M22, PartReported, "2.2 as published (days, 2 decimals): Unit.AvgProcessingDays; the sum of seconds behind it is not published"},

	{Online, "partialCount", indicator.M31, "extra.partialOnline", "procedures with a partial online service; also part of 3.1's numerator"},
	{Online, "partialCount", indicator.M31, PartNum, "3.1 numerator = partialCount + fullCount"},
	{Online, "fullCount", indicator.M31, "extra.fullOnline", "procedures with a full online service; also part of 3.1's numerator"},
	{Online, "fullCount", indicator.M31, PartNum, "3.1 numerator = partialCount + fullCount"},
	{Online, "authorityCount", indicator.M31, PartDen, "procedures under the unit's authority"},
	{Online, "onlineDossierCount", indicator.M32, PartNum, "online services with at least one online dossier"},
	{Online, "onlineServiceTotal", indicator.M32, PartDen, "online services"},
	{Online, "channelOnlineSum", indicator.M33, PartNum, "dossiers received online"},
	{Online, "channelTotalSum", indicator.M33, PartDen, "dossiers received (online + direct + postal)"},
	{Online, "channelDirectSum", 0, PartReported, "dossiers received at the counter"},
	{Online, "channelPostalSum", 0, PartReported, "dossiers received by post"},
	{Online, "onlineOnTimeSum", 0, PartReported, "online dossiers resolved on time"},
	{Online, "onlineOverdueSum", 0, PartReported, "online dossiers resolved late"},

	{Payment, "totalDossierOnlinePaymentSuccess", indicator.M36, PartNum, "part A numerator: dossiers paid online"},
	{Payment, "totalDossierFinancialObligation", indicator.M36, PartDen, "part A denominator: fee-bearing dossiers"},
	{Payment, "totalDossierOnlineFormalityPaymentSuccess", indicator.M34, PartNum, "part B numerator: fee-bearing procedures with an online payment"},
	{Payment, "totalFeeFormality", indicator.M34, PartDen, "parts B and C denominator: fee-bearing procedures"},
	{Payment, "totalFeeFormality", indicator.M35, PartDen, "parts B and C denominator: fee-bearing procedures"},
	{Payment, "totalFeeDossierFormality", indicator.M35, PartNum, "part C numerator: fee-bearing procedures whose dossiers carry fee data"},
	{Payment, "totalFeeDossierFormalityDistinct", indicator.M34, "extra.feeProceduresWithDossiers", "reported only"},

	{Digitisation, "ORIGINAL_RESULT_AVAILABLE", indicator.M41, PartNum + "+" + PartDen, metricCodeNote},
	{Digitisation, "SO_HOA_GIAY_TO_GIAI_QUYET", indicator.M42, PartNum + "+" + PartDen, metricCodeNote},
	{Digitisation, "REUSED_DIGITIZED_DATA", indicator.M43, PartNum + "+" + PartDen, metricCodeNote},
	{Digitisation, "ELECTRONIC_CERTIFIED_COPY", indicator.M44, PartNum + "+" + PartDen, metricCodeNote + "; published with null counts and full marks (zero rule)"},
	{Digitisation, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", indicator.M45, PartNum + "+" + PartDen, metricCodeNote},
	{Digitisation, "CITIZEN_DATA_CONNECTED_FORMALITY", indicator.M46a, PartNum + "+" + PartDen, metricCodeNote + "; absent in the single-procedure scope, where 4.6a is not scored (EditionFor)"},
	{Digitisation, "CITIZEN_DATA_CONNECTED_DOSSIER", indicator.M46b, PartNum + "+" + PartDen, metricCodeNote},

	{Satisfaction, "PETITION_CLASSIFICATION_TTHC", indicator.M50, PartNum + "+" + PartDen, "5.0 procedure/policy petitions over petitions (unscored)"},
	{Satisfaction, "PETITION_CLASSIFICATION_STAFF", indicator.M50, "extra.petitionsStaff", "5.0 staff-conduct petitions: the row's numerator (its denominator repeats 5.0's)"},
	{Satisfaction, "PETITION_PROCESSING_ON_TIME", indicator.M51, PartNum + "+" + PartDen, metricCodeNote},
	{Satisfaction, "PETITION_HANDLING_SATISFACTION", indicator.M52, PartNum + "+" + PartDen, metricCodeNote},
	{Satisfaction, "DOSSIER_RECEIVING_SATISFACTION", indicator.M53, PartNum + "+" + PartDen, metricCodeNote},
	{Satisfaction, "totalPetitions", 0, PartReported, "petitions"},
	{Satisfaction, "classifiedPetitions", 0, PartReported, "petitions classified"},
	{Satisfaction, "totalDossiers", 0, PartReported, "dossiers"},
}

// Mapping returns the documented mapping from the portal's response fields to metric ids and Tally parts,
// one Field per (endpoint, field, part), in endpoint order, as a fresh slice. It is the table the
// decoders apply, so it is also the reference for integrators:
//
//   - metric-list endpoints (transparency, dossier-digitized, handling-satisfaction): each metric row's
//     "code" is the metric's portal code (indicator.Metric.PortalCode), its "numerator"/"denominator"
//     the count; PETITION_CLASSIFICATION_STAFF is 5.0's staff share (Tally.PetitionsStaff), so 5.0 is
//     split between procedures (Counts[M50].Num) and staff;
//   - tree endpoints (dvc-progress-tree, provide-online-tree, formality-online-payment-tree): fields of
//     the parent and of each child; 3.1 is partialCount + fullCount over authorityCount, with the split
//     kept in Tally.PartialOnline and Tally.FullOnline;
//   - provide-online-tree's children publish a group score only, no inputs (Unit.Inputs false): their
//     3a score cannot be reproduced or reconciled metric by metric;
//   - in the single-procedure scope (formalityId), dossier-digitized leaves 4.6a out (maximum 20):
//     score with EditionFor(base, procedure).
//
// Cost: O(len(table)). Never fails.
func Mapping() []Field { return append([]Field(nil), fields[:]...) }

// setExtra adds v to the Tally extra count named by part ("extra.<name>"); false for an unknown name.
func setExtra(t *indicator.Tally, part Part, v int64) bool {
	var p *int64
	switch part {
	case "extra.overdue":
		p = &t.Overdue
	case "extra.completed":
		p = &t.Completed
	case "extra.partialOnline":
		p = &t.PartialOnline
	case "extra.fullOnline":
		p = &t.FullOnline
	case "extra.feeProceduresWithDossiers":
		p = &t.FeeProceduresWithDossiers
	case "extra.petitionsStaff":
		p = &t.PetitionsStaff
	default:
		return false
	}
	*p += v
	return true
}

// metricCode resolves a metric row's code on a metric-list endpoint: the metric and whether it is the
// staff share of 5.0. ok is false for a code the mapping does not list for the endpoint.
func metricCode(e Endpoint, code string) (id indicator.ID, staff, ok bool) {
	for _, f := range fields {
		if f.Endpoint == e && f.Name == code && f.Metric != 0 && f.Part != PartReported {
			return f.Metric, f.Part == "extra.petitionsStaff", true
		}
	}
	return 0, false, false
}

// EditionFor returns base adjusted to a scope: for a single procedure (procedure != "") the portal leaves
// 4.6a (a ratio of procedures) out of the evaluation, so its rule becomes Unscored and group 4's maximum
// is 20; the name gets the suffix "/formality". For procedure == "" base is returned unchanged. Never
// fails; cost O(1).
func EditionFor(base indicator.Edition, procedure string) indicator.Edition {
	if procedure == "" {
		return base
	}
	base.Name += "/formality"
	base.Rules[indicator.M46a] = indicator.Rule{Kind: indicator.Unscored}
	return base
}
