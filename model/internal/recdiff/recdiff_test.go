package recdiff

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/model"
)

func TestDiff(t *testing.T) {
	vn := model.Vietnam()
	t0 := time.Date(2026, 8, 3, 8, 15, 12, 250e6, vn)
	a := model.Dossier{Code: "A", ReceivedAt: model.Some(t0), Files: []model.File{{URL: "u"}}, Extra: []model.RawField{{Key: "k", Value: []byte("1")}}}
	b := a
	b.ReceivedAt = model.Some(t0.Truncate(time.Second).UTC())
	if d := Diff(a, b, time.Second); d != "" {
		t.Errorf("same instant to the second: %s", d)
	}
	if d := Diff(a, b, 0); !strings.HasPrefix(d, ".ReceivedAt:") {
		t.Errorf("exact: %q", d)
	}
	b = a
	b.Files = []model.File{{URL: "v"}}
	if d := Diff(a, b, 0); !strings.HasPrefix(d, ".Files[0].URL:") {
		t.Errorf("got %q", d)
	}
	b = a
	b.Extra = []model.RawField{{Key: "k", Value: []byte("2")}}
	if d := Diff(a, b, 0); !strings.HasPrefix(d, ".Extra[0].Value:") {
		t.Errorf("got %q", d)
	}
	b = a
	b.Files = nil
	if d := Diff(a, b, 0); !strings.HasPrefix(d, ".Files: nil") {
		t.Errorf("got %q", d)
	}
	b = a
	b.Channel = model.ParseChannel("2")
	if d := Diff(a, b, 0); !strings.HasPrefix(d, ".Channel") {
		t.Errorf("got %q", d)
	}
	p := model.ProcedureDuration{Amount: decimal.RequireFromString("2.0")}
	q := model.ProcedureDuration{Amount: decimal.RequireFromString("2")}
	if d := Diff(p, q, 0); d != "" {
		t.Errorf("equal decimals: %s", d)
	}
	q.Amount = decimal.RequireFromString("2.5")
	if d := Diff(p, q, 0); !strings.HasPrefix(d, ".Amount:") {
		t.Errorf("got %q", d)
	}
}
