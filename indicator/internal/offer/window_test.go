package offer

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

var (
	vn      = model.Vietnam()
	aug2026 = model.Month(2026, time.August)
	pol     = indicator.DefaultReceptionPolicy()
)

func TestNewWindowErrors(t *testing.T) {
	asOf := time.Date(2026, 9, 5, 0, 0, 0, 0, vn)
	cases := []struct {
		name string
		p    model.Period
		asOf time.Time
		pol  indicator.ReceptionPolicy
		want *Invalid
	}{
		{"zero period", model.Period{}, asOf, pol, &Invalid{Field: "Period", Missing: true}},
		{"period end before start", model.Period{Start: aug2026.End, End: aug2026.Start}, asOf, pol, &Invalid{Field: "Period"}},
		{"zero as-of", aug2026, time.Time{}, pol, &Invalid{Field: "AsOf", Missing: true}},
		{"as-of before the period", aug2026, aug2026.StartTime().Add(-time.Nanosecond), pol, &Invalid{Field: "AsOf"}},
		{"valid", aug2026, asOf, pol, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, bad := NewWindow(tc.p, tc.asOf, tc.pol)
			assert.Equal(t, tc.want, bad)
		})
	}
}

func TestJudgeInstant(t *testing.T) {
	w, bad := NewWindow(aug2026, time.Date(2026, 9, 5, 0, 0, 0, 0, vn), pol)
	require.Nil(t, bad)
	assert.True(t, w.Judge.Equal(aug2026.EndTime().Add(-time.Nanosecond)), "period end − 1 ns when AsOf is later")
	mid := time.Date(2026, 8, 20, 10, 0, 0, 0, vn)
	w, _ = NewWindow(aug2026, mid, pol)
	assert.True(t, w.Judge.Equal(mid), "AsOf when inside the period")
}

// placeOracle is the rule as the model states it: absent; a placeholder (model.Placeholder); not in
// Period.Contains; after AsOf.
func placeOracle(p model.Period, asOf time.Time, t model.Time) Place {
	if !t.Valid {
		return NoReception
	}
	if model.Placeholder(t.T, asOf) {
		return Placeholder
	}
	if !p.Contains(t.T) {
		return OutsidePeriod
	}
	if t.T.After(asOf) {
		return AfterAsOf
	}
	return InWindow
}

// admit places a dossier received at t through Window.Admit (its integer fast path, then place).
func admit(w *Window, t model.Time) Place {
	_, p := w.Admit(&model.Dossier{UnitID: "U", ReceivedAt: t})
	return p
}

// TestPlaceMatchesTimeComparisons: the integer comparisons give the time.Time answer on and around every
// bound (to the nanosecond), far away, in other zones, and with monotonic clock readings on either side.
func TestPlaceMatchesTimeComparisons(t *testing.T) {
	now := time.Now() // only for a monotonic clock reading
	asOfs := []time.Time{
		time.Date(2026, 9, 5, 0, 0, 0, 0, vn), time.Date(2026, 8, 20, 12, 30, 15, 500, vn),
		aug2026.StartTime(), aug2026.EndTime().Add(-time.Nanosecond), aug2026.EndTime(),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, asOf := range asOfs {
		w, bad := NewWindow(aug2026, asOf, pol)
		require.Nil(t, bad)
		require.NotEqual(t, [2]int64{1, 0}, [2]int64{w.lo, w.hi}, "the integer comparisons are on")
		var ts []time.Time
		for _, b := range []time.Time{w.Start, w.End, w.AsOf} {
			for _, d := range []time.Duration{-time.Second - 1, -time.Second, -1, 0, 1, time.Second - 1, time.Second, time.Second + 1} {
				ts = append(ts, b.Add(d), b.Add(d).UTC())
			}
		}
		ts = append(ts, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Unix(0, 0))
		for range 2000 {
			ts = append(ts, w.Start.Add(time.Duration(rng.Int64N(int64(40*24*time.Hour)))-3*24*time.Hour))
		}
		ts = append(ts, now)
		for _, tm := range ts {
			mt := model.Some(tm)
			require.Equal(t, placeOracle(aug2026, asOf, mt), admit(&w, mt), "%v as of %v", tm, asOf)
		}
		assert.Equal(t, NoReception, admit(&w, model.None()))
		assert.Equal(t, NoReception, w.place(model.Time{T: w.Start.Add(time.Hour)}), "an absent time is absent whatever T holds")
	}

	// Bounds with a monotonic reading: time.Time compares monotonic readings when both sides have one, so
	// Place falls back to the time.Time comparisons.
	p := model.Period{Start: now.Add(-time.Hour), End: now.Add(time.Hour)}
	w, bad := NewWindow(p, now.Add(time.Minute), pol)
	require.Nil(t, bad)
	assert.Equal(t, [2]int64{1, 0}, [2]int64{w.lo, w.hi}, "the integer comparisons are off")
	for _, d := range []time.Duration{-2 * time.Hour, -time.Minute, 0, time.Minute, 2 * time.Minute, 30 * time.Hour} {
		for _, tm := range []time.Time{now.Add(d), now.Add(d).Round(0)} {
			want := placeOracle(p, now.Add(time.Minute), model.Some(tm))
			assert.Equal(t, want, admit(&w, model.Some(tm)), "%v", d)
		}
	}
}

func TestReceivedFallback(t *testing.T) {
	sub := model.Some(time.Date(2026, 8, 3, 9, 0, 0, 0, vn))
	d := model.Dossier{SubmittedAt: sub}
	noFallback := pol
	noFallback.FallbackToSubmitted = false
	w, _ := NewWindow(aug2026, time.Date(2026, 9, 5, 0, 0, 0, 0, vn), noFallback)
	assert.Equal(t, model.None(), w.Received(&d))
	fb := pol
	fb.FallbackToSubmitted = true
	w, _ = NewWindow(aug2026, time.Date(2026, 9, 5, 0, 0, 0, 0, vn), fb)
	assert.Equal(t, sub, w.Received(&d))
	rec := model.Some(time.Date(2026, 8, 4, 9, 0, 0, 0, vn))
	d.ReceivedAt = rec
	assert.Equal(t, rec, w.Received(&d))
}

func TestAdmitOrder(t *testing.T) {
	w, _ := NewWindow(aug2026, time.Date(2026, 8, 20, 0, 0, 0, 0, vn), pol)
	in := model.Some(time.Date(2026, 8, 10, 9, 0, 0, 0, vn))
	cases := []struct {
		name string
		d    model.Dossier
		want Place
	}{
		{"no unit comes first", model.Dossier{ReceivedAt: model.Some(time.Date(2025, 1, 1, 0, 0, 0, 0, vn))}, NoUnit},
		{"then no reception", model.Dossier{UnitID: "U"}, NoReception},
		{"withdrawn without any date: no reception", model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusWithdrawn)}, NoReception},
		{"then withdrawn before reception", model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusWithdrawn), SubmittedAt: model.Some(time.Date(2025, 1, 1, 0, 0, 0, 0, vn))}, Withdrawn},
		{"withdrawn after reception: judged on", model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusWithdrawn), ReceivedAt: in}, InWindow},
		{"submitted only, not withdrawn", model.Dossier{UnitID: "U", SubmittedAt: in}, InWindow},
		{"then outside the period", model.Dossier{UnitID: "U", ReceivedAt: model.Some(time.Date(2026, 7, 31, 23, 0, 0, 0, vn))}, OutsidePeriod},
		{"then after as-of", model.Dossier{UnitID: "U", ReceivedAt: model.Some(time.Date(2026, 8, 21, 0, 0, 0, 0, vn))}, AfterAsOf},
		{"in the window", model.Dossier{UnitID: "U", ReceivedAt: in}, InWindow},
		{"status 1 in the window: not received", model.Dossier{UnitID: "U", ReceivedAt: in, Status: model.NewStatus(model.StatusRegistered)}, NotReceived},
		{"status 1 without dates: not received before no reception", model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusRegistered)}, NotReceived},
		{"status 1 without unit: no unit", model.Dossier{Status: model.NewStatus(model.StatusRegistered)}, NoUnit},
		{"placeholder NgayTiepNhan: no fallback to NgayNopHoSo", model.Dossier{UnitID: "U", ReceivedAt: model.Some(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)), SubmittedAt: in}, Placeholder},
		{"placeholder NgayNopHoSo under the fallback", model.Dossier{UnitID: "U", SubmittedAt: model.Some(time.Date(1999, 12, 31, 23, 59, 59, 0, vn))}, Placeholder},
		{"a year and a second after as-of", model.Dossier{UnitID: "U", ReceivedAt: model.Some(time.Date(2027, 8, 20, 0, 0, 1, 0, vn))}, Placeholder},
		{"a year after as-of exactly: no placeholder", model.Dossier{UnitID: "U", ReceivedAt: model.Some(time.Date(2027, 8, 20, 0, 0, 0, 0, vn))}, OutsidePeriod},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, place := w.Admit(&tc.d)
			assert.Equal(t, tc.want, place)
			assert.Equal(t, w.Received(&tc.d), got)
		})
	}
}

// TestAdmitPolicies: with ExcludeWithdrawnBeforeReception false, a dossier withdrawn before reception is
// placed by its submission time, as any other; under RegisteredCounted a status-1 dossier is placed by its
// dates (NotYetReceived false).
func TestAdmitPolicies(t *testing.T) {
	sub := model.Some(time.Date(2026, 8, 10, 9, 0, 0, 0, vn))
	withdrawn := model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusWithdrawn), SubmittedAt: sub}
	registered := model.Dossier{UnitID: "U", Status: model.NewStatus(model.StatusRegistered), SubmittedAt: sub}
	cases := []struct {
		name string
		mod  func(*indicator.ReceptionPolicy)
		d    *model.Dossier
		want Place
	}{
		{"withdrawn, excluded (default)", func(*indicator.ReceptionPolicy) {}, &withdrawn, Withdrawn},
		{"withdrawn, policy off", func(p *indicator.ReceptionPolicy) { p.ExcludeWithdrawnBeforeReception = false }, &withdrawn, InWindow},
		{"registered, not received (default)", func(*indicator.ReceptionPolicy) {}, &registered, NotReceived},
		{"registered, RegisteredCounted", func(p *indicator.ReceptionPolicy) { p.RegisteredCounted = true }, &registered, InWindow},
	}
	for _, tc := range cases {
		p := pol
		tc.mod(&p)
		w, _ := NewWindow(aug2026, time.Date(2026, 8, 20, 0, 0, 0, 0, vn), p)
		_, place := w.Admit(tc.d)
		assert.Equal(t, tc.want, place, tc.name)
		assert.Equal(t, tc.want == NotReceived, p.NotYetReceived(tc.d), tc.name)
	}
}

// TestWindowBeforePlaceholderBound: a period before the placeholder bound takes the exact path, so a
// reception in it is a placeholder, not in the window.
func TestWindowBeforePlaceholderBound(t *testing.T) {
	p := model.Month(1999, time.December)
	w, bad := NewWindow(p, time.Date(2000, 1, 5, 0, 0, 0, 0, vn), pol)
	require.Nil(t, bad)
	assert.Equal(t, [2]int64{1, 0}, [2]int64{w.lo, w.hi}, "the integer comparisons are off")
	assert.Equal(t, Placeholder, admit(&w, model.Some(time.Date(1999, 12, 10, 9, 0, 0, 0, vn))))
	noBounds := pol
	noBounds.Dates = model.DateBounds{}
	w, _ = NewWindow(p, time.Date(2000, 1, 5, 0, 0, 0, 0, vn), noBounds)
	assert.Equal(t, InWindow, admit(&w, model.Some(time.Date(1999, 12, 10, 9, 0, 0, 0, vn))))
}
