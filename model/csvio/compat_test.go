package csvio

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/model"
)

// TestSyncAndIssuerColumns checks the columns added for group 1 (1.1–1.4): the dossier's sync_* columns
// (model.SyncInfo) and the procedure's publication_decision_id, publisher_code and the optional 8th part
// of a publication item (Publication.IssuerCode), each encoded, decoded and round-tripped.
func TestSyncAndIssuerColumns(t *testing.T) {
	tests := []struct {
		name string
		d    model.Dossier
	}{
		{"synced", model.Dossier{Code: "H99.01-260804-0001", Sync: model.SyncInfo{
			SentAt: vn(2026, 8, 4, 9, 5, 0), Updating: model.FlagFalse, ErrorCode: "0", Message: "Thành công, ok"}}},
		{"sync failed", model.Dossier{Code: "H99.01-260804-0002", Sync: model.SyncInfo{
			SentAt: vn(2026, 8, 4, 9, 5, 0), Updating: model.FlagTrue, ErrorCode: "-1", Message: `sai "MaTTHC"`}}},
		{"never sent", model.Dossier{Code: "H99.01-260804-0003"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewDossierWriter(&buf)
			if err := w.Write(&tt.d); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			n := 0
			for got, err := range DecodeDossiers(&buf) {
				if err != nil {
					t.Fatal(err)
				}
				n++
				s, w := got.Sync, tt.d.Sync
				if !s.SentAt.Equal(w.SentAt) || s.Updating != w.Updating || s.ErrorCode != w.ErrorCode || s.Message != w.Message {
					t.Errorf("sync %+v, want %+v", s, w)
				}
			}
			if n != 1 {
				t.Fatalf("%d dossiers", n)
			}
		})
	}

	p := model.Procedure{
		Code: "PA", PublicationDecisionID: "QD-12", PublisherCode: "H99",
		Publication: []model.Publication{
			{DecisionID: "QD-12", DecisionDate: vn(2026, 8, 3, 0, 0, 0), Kind: model.ParsePublicationKind("1"),
				Issuer: model.NewUnitKind(model.UnitProvince), IssuerCode: "H99", LegalEffectiveDate: vn(2026, 8, 15, 0, 0, 0),
				PublishedAt: vn(2026, 8, 6, 10, 0, 0), Components: [7]bool{true, true, true, true, true, true, true}},
			{DecisionID: "QD-13", Issuer: model.NewUnitKind(model.UnitMinistry)}, // no issuer code: written with 7 parts
		},
	}
	var buf bytes.Buffer
	w := NewProcedureWriter(&buf)
	if err := w.Write(&p); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "|1111111|H99;QD-13|") || !strings.HasSuffix(buf.String(), "|0000000\"\n") {
		t.Errorf("publications cell: %s", buf.String())
	}
	n := 0
	for got, err := range DecodeProcedures(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if got.PublicationDecisionID != "QD-12" || got.PublisherCode != "H99" || len(got.Publication) != 2 ||
			got.Publication[0].IssuerCode != "H99" || got.Publication[1].IssuerCode != "" ||
			!got.Publication[0].Issuer.Is(model.UnitProvince) || !got.Publication[1].Issuer.Is(model.UnitMinistry) ||
			!got.Publication[0].DecisionDate.Equal(p.Publication[0].DecisionDate) || !got.Publication[0].Complete() {
			t.Errorf("procedure %+v", got)
		}
	}
	if n != 1 {
		t.Fatalf("%d procedures", n)
	}
}

// TestOldFilesDecode checks backward compatibility: files written before the group-1 columns existed
// (no sync_* columns, no publisher columns, 7-part publication items) decode as before, with the new
// fields absent; an item with 6 or 9 parts is still refused.
func TestOldFilesDecode(t *testing.T) {
	old := "code,unit_id,received_at,status\nH99.01-260804-0001,H99.01,2026-08-04T09:00:00+07:00,9\n"
	for d, err := range DecodeDossiers(strings.NewReader(old)) {
		if err != nil {
			t.Fatal(err)
		}
		if d.Sync != (model.SyncInfo{}) || d.UnitID != "H99.01" || !d.Status.Is(model.StatusFinished) {
			t.Errorf("old dossier %+v", d)
		}
	}
	oldP := "code,publications\nPA,QD-1|2026-08-03T00:00:00+07:00|1|PROVINCE|2026-08-15T00:00:00+07:00||1111111\n"
	for p, err := range DecodeProcedures(strings.NewReader(oldP)) {
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Publication) != 1 || p.Publication[0].IssuerCode != "" || p.PublisherCode != "" || !p.Publication[0].Complete() ||
			p.Publication[0].PublishedAt.IsSet() {
			t.Errorf("old procedure %+v", p)
		}
	}
	for _, bad := range []string{
		"code,publications\nPA,QD-1|2026-08-03T00:00:00+07:00|1|PROVINCE||\n",               // 6 parts
		"code,publications\nPA,QD-1|2026-08-03T00:00:00+07:00|1|PROVINCE|||1111111|H99|x\n", // 9 parts
	} {
		for _, err := range DecodeProcedures(strings.NewReader(bad)) {
			if !errors.Is(err, ErrBadList) {
				t.Errorf("%q: %v, want ErrBadList", bad, err)
			}
		}
	}
}
