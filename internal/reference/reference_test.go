package reference

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

func testJudge(t *testing.T) *judge {
	t.Helper()
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	require.NoError(t, err)
	p := model.Quarter(2026, 1)
	jd := &judge{in: Input{Calendar: cal, Period: p, AsOf: time.Date(2026, 3, 20, 12, 0, 0, 0, model.Vietnam())}}
	jd.first = calendar.DateOf(p.Start, model.Vietnam())
	jd.last = calendar.DateOf(p.End, model.Vietnam())
	jd.j = jd.in.AsOf
	return jd
}

func vn(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return t
}

// TestComputeDue pins the deadline walk on the 2026 civil-service calendar (make-up Saturday 10/1, Tết
// 14–22/2), worked by hand from docs/calendar.md P1–P9.
func TestComputeDue(t *testing.T) {
	jd := testJudge(t)
	dur := func(amount string, unit model.DurationUnitCode) model.ProcedureDuration {
		return model.ProcedureDuration{Amount: decimal.RequireFromString(amount), Unit: model.NewDurationUnit(unit)}
	}
	for _, c := range []struct {
		name, recv string
		dur        model.ProcedureDuration
		want       string
	}{
		{"5 working days, before the cut-off, make-up Saturday counted", "2026-01-08 14:59:59", dur("5", model.DurationWorkingDays), "2026-01-15 00:00:00"},
		{"5 working days, at the cut-off second", "2026-01-08 15:00:00", dur("5", model.DurationWorkingDays), "2026-01-16 00:00:00"},
		{"5 working days across Tết", "2026-02-12 10:00:00", dur("5", model.DurationWorkingDays), "2026-02-27 00:00:00"},
		{"after the cut-off on the eve of Tết", "2026-02-13 15:30:00", dur("5", model.DurationWorkingDays), "2026-03-03 00:00:00"},
		{"received on a Sunday", "2026-01-11 09:00:00", dur("1", model.DurationWorkingDays), "2026-01-14 00:00:00"},
		{"10 calendar days ending in Tết move to the next working day", "2026-02-09 09:00:00", dur("10", model.DurationDays), "2026-02-24 00:00:00"},
		{"8 working hours across Tết", "2026-02-13 10:00:00", dur("8", model.DurationHours), "2026-02-23 10:00:00"},
		{"8 working hours from 14:59:59", "2026-02-13 14:59:59", dur("8", model.DurationHours), "2026-02-23 14:59:59"},
		{"8 working hours from the cut-off second start next working day", "2026-02-13 15:00:00", dur("8", model.DurationHours), "2026-02-23 17:00:00"},
		{"half a working day is 4 working hours, lunch skipped", "2026-01-05 10:00:00", dur("0.5", model.DurationWorkingDays), "2026-01-05 16:00:00"},
		{"same-day procedure", "2026-01-05 10:00:00", dur("0", model.DurationWorkingDays), "2026-01-06 00:00:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := jd.computeDue(vn(c.recv), c.dur)
			require.True(t, ok)
			require.Equal(t, vn(c.want), got)
		})
	}
	_, ok := jd.computeDue(vn("2026-01-05 10:00:00"), dur("1", model.DurationMonths))
	require.False(t, ok, "months are not supported")
}

func TestShiftWorkingDays(t *testing.T) {
	jd := testJudge(t)
	for _, c := range []struct {
		due  string
		n    int
		want string
	}{
		{"2026-01-12 00:00:00", 2, "2026-01-14 00:00:00"}, // 24:00 of Sunday 11/1 + Mon 12, Tue 13
		{"2026-01-19 17:00:00", 10, "2026-02-02 17:00:00"},
		{"2026-02-13 17:00:00", 1, "2026-02-23 17:00:00"}, // over Tết
		{"2026-01-09 09:00:00", 1, "2026-01-10 09:00:00"}, // the make-up Saturday
		{"2026-01-09 09:00:00", 0, "2026-01-09 09:00:00"},
	} {
		got, ok := jd.shiftWorkingDays(vn(c.due), c.n)
		require.True(t, ok)
		require.Equal(t, vn(c.want), got, "%s + %d", c.due, c.n)
	}
}

// TestJudgeDossiers runs Judge over a few dossiers: decisions, duplicates (latest version wins),
// unattributed records and the pooled sums.
func TestJudgeDossiers(t *testing.T) {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	require.NoError(t, err)
	in := Input{
		Units:      []model.Unit{{ID: "P"}, {ID: "P.1", Parent: "P"}},
		Procedures: []model.Procedure{{Code: "X", Applicants: []string{model.ApplicantVietnameseCitizen}}},
		Period:     model.Month(2026, time.January), AsOf: vn("2026-02-05 00:00:00"), Calendar: cal,
	}
	base := model.Dossier{UnitID: "P.1", ProcedureCode: "X", Channel: model.NewChannel(model.ChannelOnline),
		Status: model.NewStatus(model.StatusFinished), ReceivedAt: model.Some(vn("2026-01-05 09:00:00")),
		DueAt: model.Some(vn("2026-01-12 00:00:00")), ProcessingEndedAt: model.Some(vn("2026-01-12 09:58:00"))}
	late := base
	late.Code = "A"
	late.Sync = model.SyncInfo{SentAt: model.Some(vn("2026-01-05 10:00:00")), ErrorCode: "0"}
	resent := late
	resent.Sync = model.SyncInfo{SentAt: model.Some(vn("2026-01-06 10:00:00")), ErrorCode: "-1"}
	registered := base
	registered.Code, registered.Status, registered.ReceivedAt = "B", model.NewStatus(model.StatusRegistered), model.Time{}
	registered.SubmittedAt = model.Some(vn("2026-01-05 09:00:00"))
	stray := base
	stray.Code, stray.UnitID = "C", "Q"

	res, err := Judge(in, []model.Dossier{resent, late, registered, stray})
	require.NoError(t, err)
	require.Equal(t, []string{"A"}, res.Duplicates)
	require.Equal(t, []string{"C"}, res.Unattributed)
	got := map[string]Decision{}
	for _, d := range res.Decisions {
		if d.Code == "A" {
			got[d.Metric] = d
		}
	}
	require.True(t, got[M14].InDen)
	require.False(t, got[M14].InNum, "the version sent last failed")
	require.True(t, got[M21].InDen)
	require.False(t, got[M21].InNum, "09:58 is after the 00:00 appointment: late (decision 1)")
	require.EqualValues(t, 7*86400+58*60, got[M22].Seconds)
	for _, d := range res.Decisions {
		if d.Code == "B" {
			require.False(t, d.InDen, "status 1 is outside %s", d.Metric)
		}
	}
	require.Equal(t, Count{Num: 0, Den: 1}, res.Pooled["P"][M14])
	require.Equal(t, Count{Num: 0, Den: 1}, res.Pooled["P"][M21])
	require.Equal(t, int64(7*86400+58*60), res.Seconds22["P"])
	require.Equal(t, Count{Num: 0, Den: 1}, res.Pooled["P"][M46a], "the root counts its catalogue (decision 8)")

	_, err = Judge(Input{}, nil)
	require.True(t, errors.Is(err, ErrInput))
}

// TestSupplementMeasures pins the three measures of the applicant's time (docs/rules.md 2.1).
func TestSupplementMeasures(t *testing.T) {
	jd := testJudge(t)
	// office hours: Fri 13/2 15:00 → Mon 23/2 09:00 = 2 h + 2 h (Tết between).
	require.Equal(t, 4*time.Hour, jd.officeBetween(vn("2026-02-13 15:00:00"), vn("2026-02-23 09:00:00")))
	require.Equal(t, 8*time.Hour, jd.officeBetween(vn("2026-01-10 06:00:00"), vn("2026-01-10 18:00:00")), "make-up Saturday")
	got, ok := jd.addOffice(vn("2026-02-13 16:00:00"), 4*time.Hour)
	require.True(t, ok)
	require.Equal(t, vn("2026-02-23 10:00:00"), got)
	// calendar days: 24:00 of 10/2 + 9 days = 24:00 of 19/2, a Tết day → 24:00 of 23/2.
	got, ok = jd.shiftCalendarDays(vn("2026-02-11 00:00:00"), 9)
	require.True(t, ok)
	require.Equal(t, vn("2026-02-24 00:00:00"), got)
}
