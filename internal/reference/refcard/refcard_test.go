package refcard

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/internal/reference"
	"github.com/vn-dvc/chiso766/model"
)

func vn(s string) model.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return model.Some(t)
}

// TestCheckCompareExplain runs Check on two dossiers (equal), then falsifies one reference decision and
// its count: Compare reports the unit × metric, Explain names the dossier, Markdown renders both.
func TestCheckCompareExplain(t *testing.T) {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	require.NoError(t, err)
	in := reference.Input{
		Units:      []model.Unit{{ID: "P", Kind: model.NewUnitKind(model.UnitProvince)}, {ID: "P.1", Parent: "P"}},
		Procedures: []model.Procedure{{Code: "X"}},
		Period:     model.Month(2026, time.January), AsOf: time.Date(2026, 2, 5, 0, 0, 0, 0, model.Vietnam()), Calendar: cal,
	}
	d := model.Dossier{Code: "A", UnitID: "P.1", ProcedureCode: "X", Channel: model.NewChannel(model.ChannelOnline),
		Status: model.NewStatus(model.StatusFinished), ReceivedAt: vn("2026-01-05 09:00"), DueAt: vn("2026-01-12 00:00"),
		ProcessingEndedAt: vn("2026-01-09 10:00")}
	e := d
	e.Code, e.ProcessingEndedAt = "B", vn("2026-01-12 09:58")
	ds := []model.Dossier{d, e}
	s, err := scorecard.New(scorecard.Inputs{Units: in.Units, Procedures: in.Procedures},
		scorecard.Options{Period: in.Period, AsOf: in.AsOf, Calendar: cal, Edition: indicator.Portal()})
	require.NoError(t, err)
	md, diffs, err := Check(s, in, ds, "two dossiers", 5)
	require.NoError(t, err)
	require.Empty(t, diffs, md)
	require.Contains(t, md, "No difference")

	card, err := s.Run(slices.Values(ds))
	require.NoError(t, err)
	ref, err := reference.Judge(in, ds)
	require.NoError(t, err)
	for i, dc := range ref.Decisions {
		if dc.Code == "B" && dc.Metric == reference.M21 {
			ref.Decisions[i].InNum, ref.Decisions[i].Reason = true, "falsified"
		}
	}
	for _, u := range []string{"P", "P.1"} {
		c := ref.Pooled[u][reference.M21]
		c.Num++
		ref.Pooled[u][reference.M21] = c
	}
	diffs = Compare(card, in.Units, ref)
	require.Len(t, diffs, 2)
	require.Equal(t, reference.M21, diffs[0].Metric)
	require.NoError(t, Explain(s, in.Units, ds, ref, diffs, 5))
	for _, df := range diffs {
		require.Len(t, df.Codes, 1)
		require.Equal(t, "B", df.Codes[0].Code)
		require.Equal(t, reference.Count{Num: 0, Den: 1}, df.Codes[0].Ours)
	}
	md = Markdown("falsified", diffs, []string{"Z"})
	require.Contains(t, md, "| P.1 | 2.1 | 1/2 | 2/2 | B (0/1 → den+num: falsified) |")
	require.True(t, strings.Contains(md, "Codes sent more than once") && strings.Contains(md, "Z"))
}
