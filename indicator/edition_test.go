package indicator

import (
	"errors"
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/model"
)

func TestDiffPortalDocument(t *testing.T) {
	d := Diff(Portal(), Document())
	got := map[string]Difference{}
	var fields []string
	for _, x := range d {
		got[x.Field] = x
		fields = append(fields, x.Field)
	}
	want := []string{"Rules[4.2]", "Payment", "DocShare52", "SyncMultiplies33"}
	if strings.Join(fields, ",") != strings.Join(want, ",") {
		t.Fatalf("Diff fields = %v, want %v", fields, want)
	}
	if g := got["Rules[4.2]"]; g.A != "4·R, no data: null" || g.B != "min(4, 4·R/0.8), no data: null" {
		t.Errorf("4.2 diff = %+v", g)
	}
	if len(Diff(Portal(), Portal())) != 0 || len(Diff(Document(), Document())) != 0 {
		t.Error("an edition differs from itself")
	}
	// A user-defined edition: every kind of change is listed.
	e := Portal()
	e.Name = "mine"
	e.Rules[M53].Target = dec("0.95")
	e.Rules[M51].Zero = ZeroNull
	e.Places = 3
	e.Rounding = RoundHalfEven
	e.Online = OnlineFullOnly
	e.Policy.Timeliness.MaxSupplements = 2
	e.Policy.Timeliness.Supplements = SupplementRestart
	e.Policy.Publication.DayUnit = CalendarDays
	e.Policy.Payment.PaidOnlineCodes = Codes(1)
	e.Policy.Publication.LeadDays.Province = 7
	e.Policy.Timeliness.EndStatusRank[7] = 0
	e.Policy.Online.OfferingStates[model.StateTesting] = false
	e.Policy.Timeliness.OnlineReceptionHours = 4
	e.Policy.Satisfaction.PetitionDeadlines.Start = 10
	e.Policy.Payment.ZeroFeeLinesExcluded = false
	e.Policy.Reception.FallbackToSubmitted = false
	e.Policy.Reception.ExcludeWithdrawnBeforeReception = false
	e.Policy.Reception.OnlineChannels = Codes(2, 3)
	e.Policy.Payment.FeeData = FeeDataPositiveLine
	e.Policy.Digitisation.PopulationDBCodes = []string{"7", "9"}
	e.Policy.Publication.PublishWithinDays.Ministry = 12
	d = Diff(Portal(), e)
	if len(d) != 21 {
		for _, x := range d {
			t.Log(x)
		}
		t.Fatalf("%d differences, want 21", len(d))
	}
	if d[0].String() == "" || !strings.Contains(d[0].String(), "→") {
		t.Error("Difference.String")
	}
	// Portal() returns fresh values: the change above did not leak.
	if len(Diff(Portal(), Portal())) != 0 || Portal().Policy.Timeliness.MaxSupplements != 1 {
		t.Error("editions share state")
	}
}

func TestEditionValidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Edition)
		metric ID
		field  string
	}{
		{"negative max", func(e *Edition) { e.Rules[M11].Max = dec("-1") }, M11, "Max"},
		{"max finer than places", func(e *Edition) { e.Rules[M12].Max = dec("4.125") }, M12, "Max"},
		{"zero target", func(e *Edition) { e.Rules[M43].Target = decimal.Zero }, M43, "Target"},
		{"negative target", func(e *Edition) { e.Rules[M53].Target = dec("-0.9") }, M53, "Target"},
		{"unknown kind", func(e *Edition) { e.Rules[M21].Kind = 9 }, M21, "Kind"},
		{"unknown zero rule", func(e *Edition) { e.Rules[M21].Zero = 9 }, M21, "Zero"},
		{"places", func(e *Edition) { e.Places = -1 }, 0, "Places"},
		{"rounding", func(e *Edition) { e.Rounding = 9 }, 0, "Rounding"},
		{"payment", func(e *Edition) { e.Payment = 9 }, 0, "Payment"},
		{"online", func(e *Edition) { e.Online = 9 }, 0, "Online"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := Portal()
			tc.mutate(&e)
			for _, err := range []error{e.Validate(), func() error { _, err := e.Score(Tally{}); return err }()} {
				var re *RuleError
				if !errors.Is(err, ErrBadRule) || !errors.As(err, &re) || re.Metric != tc.metric || re.Field != tc.field {
					t.Fatalf("err = %v, want RuleError %s %s", err, tc.metric, tc.field)
				}
				if re.Edition != "portal-2026" || re.Error() == "" {
					t.Fatalf("bad RuleError %+v", re)
				}
			}
			// ScoreMetric never panics on a bad rule.
			_ = e.ScoreMetric(tc.metric, Count{1, 2})
		})
	}
	// Unscored rules may carry anything.
	e := Portal()
	e.Rules[M22].Max = dec("-5")
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestDocumentEditionRules(t *testing.T) {
	doc := Document()
	// 4.2: full marks at 80 %.
	if s := doc.ScoreMetric(M42, Count{8, 10}).Score; !s.Equal(dec("4")) {
		t.Errorf("document 4.2 at 80%% = %s", s)
	}
	if s := Portal().ScoreMetric(M42, Count{8, 10}).Score; !s.Equal(dec("3.2")) {
		t.Errorf("portal 4.2 at 80%% = %s", s)
	}
	// No petitions: 5.2's six points go 3 to 5.1 and 3 to 5.3.
	var tl Tally
	tl.Counts[M53] = Count{45, 100} // R = 0.45 of target 0.9 → half marks
	res, err := doc.Score(tl)
	if err != nil {
		t.Fatal(err)
	}
	m51, m52, m53 := res.Metric(M51), res.Metric(M52), res.Metric(M53)
	if !m51.Score.Equal(dec("9")) || !m51.Max.Equal(dec("9")) || !m52.Null || !m52.Max.IsZero() ||
		!m53.Score.Equal(dec("4.5")) || !m53.Max.Equal(dec("9")) || !res.Group(G5).Max.Equal(dec("18")) {
		t.Errorf("share52: 5.1 %s/%s 5.2 null=%v %s 5.3 %s/%s", m51.Score, m51.Max, m52.Null, m52.Max, m53.Score, m53.Max)
	}
	pres, _ := Portal().Score(tl)
	if !pres.Group(G5).Score.Equal(dec("15")) {
		t.Errorf("portal group 5 = %s, want 6+6+3", pres.Group(G5).Score)
	}
	// With petitions, no sharing.
	tl.Counts[M51] = Count{1, 2}
	tl.Counts[M52] = Count{1, 2}
	res, _ = doc.Score(tl)
	if !res.Metric(M51).Max.Equal(dec("6")) || res.Metric(M52).Null {
		t.Error("shared although there are petitions")
	}
	// 3.3 multiplied by the sync ratio: 60 % online × 50 % synced = 30 % → 6·0.3/0.5 = 3.6.
	tl = Tally{}
	tl.Counts[M33] = Count{60, 100}
	tl.Counts[M14] = Count{50, 100}
	res, _ = doc.Score(tl)
	if m := res.Metric(M33); !m.Score.Equal(dec("3.6")) || !m.Ratio.Equal(dec("30")) {
		t.Errorf("document 3.3 = %s (%s%%)", m.Score, m.Ratio)
	}
	pres, _ = Portal().Score(tl)
	if m := pres.Metric(M33); !m.Score.Equal(dec("6")) {
		t.Errorf("portal 3.3 = %s", m.Score)
	}
	// No sync data: factor 1.
	tl.Counts[M14] = Count{}
	res, _ = doc.Score(tl)
	if m := res.Metric(M33); !m.Score.Equal(dec("6")) {
		t.Errorf("document 3.3 without sync data = %s", m.Score)
	}
}

func TestTallyExtrasInScoring(t *testing.T) {
	// 1.4: the larger of the own count and the national reporting count.
	var tl Tally
	tl.Counts[M14] = Count{90, 100}
	tl.SyncReportDen = 120
	res, _ := Portal().Score(tl)
	if m := res.Metric(M14); m.Den != 120 || !m.Score.Equal(dec("4.5")) {
		t.Errorf("1.4 = %d, %s", m.Den, m.Score)
	}
	tl.SyncReportDen = 50
	res, _ = Portal().Score(tl)
	if m := res.Metric(M14); m.Den != 100 || !m.Score.Equal(dec("5.4")) {
		t.Errorf("1.4 = %d, %s", m.Den, m.Score)
	}
	// 3.1 under OnlineFullOnly.
	tl = Tally{}
	tl.Counts[M31] = Count{50, 56}
	tl.PartialOnline, tl.FullOnline, tl.FullOnlineEligible = 30, 20, 40
	e := Portal()
	e.Online = OnlineFullOnly
	res, _ = e.Score(tl)
	if m := res.Metric(M31); m.Num != 20 || m.Den != 40 || !m.Score.Equal(dec("1.25")) {
		t.Errorf("3.1 full only = %d/%d %s", m.Num, m.Den, m.Score)
	}
	// 2.2: average days.
	tl = Tally{}
	tl.Counts[M22] = Count{0, 4}
	tl.ProcessingSeconds = 3 * 86400
	res, _ = Portal().Score(tl)
	if !res.AvgProcessingDays.Equal(dec("0.75")) || !res.Metric(M22).Null {
		t.Errorf("avg days = %s", res.AvgProcessingDays)
	}
}

func TestRoundingModes(t *testing.T) {
	tests := []struct {
		mode     Rounding
		num, den int64
		want     string
	}{
		{RoundHalfUp, 1125, 1000, "1.13"},
		{RoundHalfEven, 1125, 1000, "1.12"},
		{RoundHalfEven, 1135, 1000, "1.14"},
		{RoundHalfEven, 11251, 10000, "1.13"},
		{RoundDown, 1129, 1000, "1.12"},
		{RoundHalfUp, 1124, 1000, "1.12"},
		{RoundHalfEven, 1, 3, "0.33"},
		{RoundHalfEven, 2, 3, "0.67"},
	}
	for _, tc := range tests {
		got := roundFrac(decimal.NewFromInt(tc.num), decimal.NewFromInt(tc.den), 2, tc.mode)
		if !got.Equal(dec(tc.want)) {
			t.Errorf("%s %d/%d = %s, want %s", tc.mode, tc.num, tc.den, got, tc.want)
		}
	}
	e := Portal()
	e.Rounding = RoundHalfEven
	if s := e.ScoreMetric(M41, Count{3, 16}).Score; !s.Equal(dec("1.12")) {
		t.Errorf("half-even edition 3/16·6 = %s", s)
	}
}

func TestExactFloat(t *testing.T) {
	if got := exactFloat(6 * 98.75 / 100).String(); got != "5.92499999999999982236431605997495353221893310546875" {
		t.Errorf("exactFloat(5.925) = %s", got)
	}
	for _, x := range []float64{0, 1, 0.5, 2.25, 1 << 60, 1e-300, 0.1, 5.925, 123.456} {
		if got := exactFloat(x).InexactFloat64(); got != x {
			t.Errorf("exactFloat(%v) = %s", x, exactFloat(x))
		}
	}
	if got := exactFloat(1 << 60).String(); got != "1152921504606846976" {
		t.Errorf("exactFloat(2^60) = %s", got)
	}
	if got := exactFloat(0.1).String(); got != "0.1000000000000000055511151231257827021181583404541015625" {
		t.Errorf("exactFloat(0.1) = %s", got)
	}
	if exactFloat(-0.5).String() != "-0.5" {
		t.Error("negative")
	}
	if !exactFloat(1e-300).IsPositive() {
		t.Error("tiny")
	}
}

// TestScoreBounds: for random valid tallies and editions, every score lies in [0, Max], every group in
// [0, group max], and the total in [0, 100] for the built-in editions.
func TestScoreBounds(t *testing.T) {
	rng := rand.New(rand.NewSource(2026))
	n := 3000
	if testing.Short() {
		n = 300
	}
	editions := []Edition{Portal(), Document()}
	for i := 0; i < 20; i++ { // random user editions
		e := Portal()
		if i%2 == 1 {
			e = Document()
		}
		e.Name = "random"
		e.Places = int32(rng.Intn(4))
		for id := M11; id <= M53; id++ {
			r := &e.Rules[id]
			r.Kind = RuleKind(rng.Intn(3))
			r.Max = decimal.New(rng.Int63n(2000), -e.Places)
			r.Target = decimal.New(rng.Int63n(150)+1, -2)
			r.Zero = ZeroRule(rng.Intn(4))
		}
		e.Rounding = Rounding(rng.Intn(3))
		e.Online = OnlineRule(rng.Intn(2))
		editions = append(editions, e)
	}
	for i := 0; i < n; i++ {
		tl := randomTally(rng, []int64{0, 1, 3, 1000, 1 << 40}[rng.Intn(5)])
		e := editions[rng.Intn(len(editions))]
		res, err := e.Score(tl)
		if err != nil {
			t.Fatal(err)
		}
		total := decimal.Zero
		for g := G1; g <= G5; g++ {
			gr := res.Group(g)
			if gr.Score.Sign() < 0 || gr.Score.GreaterThan(gr.Max) {
				t.Fatalf("%s group %s = %s of %s", e.Name, g, gr.Score, gr.Max)
			}
			for _, m := range gr.Metrics {
				if m.Score.Sign() < 0 || m.Score.GreaterThan(m.Max) ||
					(m.Null && !m.Score.IsZero()) || m.Ratio.Sign() < 0 || m.Ratio.GreaterThan(hundred) {
					t.Fatalf("%s metric %s: score %s max %s ratio %s null %v (tally %s)", e.Name, m.ID, m.Score, m.Max, m.Ratio, m.Null, mustJSON(tl))
				}
			}
			total = total.Add(gr.Score)
		}
		if !total.Equal(res.Total) || res.Total.GreaterThan(res.Max) {
			t.Fatalf("total %s (sum %s) of %s", res.Total, total, res.Max)
		}
		if e.Name != "random" && res.Max.GreaterThan(hundred) {
			t.Fatalf("built-in edition max %s", res.Max)
		}
		// ScoreMetric with arbitrary (even invalid) counts stays in range.
		id := ID(rng.Intn(NumIDs + 2))
		c := Count{rng.Int63n(2000) - 1000, rng.Int63n(2000) - 1000}
		m := e.ScoreMetric(id, c)
		if m.Score.Sign() < 0 || (id.Valid() && m.Score.GreaterThan(e.Rules[id].Max)) {
			t.Fatalf("ScoreMetric(%s, %v) = %s", id, c, m.Score)
		}
	}
}
