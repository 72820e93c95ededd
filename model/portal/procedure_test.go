package portal

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/model"
)

func TestDecodeProceduresGolden(t *testing.T) {
	var ps []model.Procedure
	for p, err := range DecodeProcedures(bytes.NewReader(readFile(t, "procedures.json"))) {
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	if len(ps) != 2 {
		t.Fatalf("%d procedures", len(ps))
	}
	p := ps[0]
	if p.ID != "a1f0c3d2-1193" || p.Code != "1.001193" || p.Type != "1" || p.State != "1" || p.PublicationDecisionID != "QD-1234" || p.PublisherCode != "H44" {
		t.Errorf("identity %+v", p)
	}
	if len(p.Levels) != 1 || p.Levels[0].Level != "3" || p.Levels[0].Address == "" || p.Fields[0] != (model.Ref{Code: "HT", Name: "Hộ tịch"}) ||
		p.Agencies[0].Code != "UBND-XA" || p.Results[0].Code != "KQ.1001193.01" || len(p.Applicants) != 2 || !p.CitizenFacing() {
		t.Errorf("lists %+v", p)
	}
	if len(p.LegalBasis) != 1 || p.LegalBasis[0].Number != "60/2014/QH13" || !p.LegalBasis[0].IssuedAt.IsSet() {
		t.Errorf("legal basis %+v", p.LegalBasis)
	}
	if len(p.Durations) != 2 || !p.Durations[0].Channel.Is(model.ChannelDirect) || !p.Durations[0].Amount.Equal(decimal.NewFromInt(1)) ||
		!p.Durations[0].Unit.Is(model.DurationWorkingDays) || !p.Durations[1].Amount.Equal(decimal.RequireFromString("0.5")) ||
		!p.Durations[1].Unit.Is(model.DurationDays) || p.Durations[1].NoDueDate {
		t.Errorf("durations %+v", p.Durations)
	}
	if len(p.Fees) != 2 || p.Fees[0].Amount != 8000 || !p.Fees[0].Known || !p.Fees[0].Channel.Is(model.ChannelDirect) ||
		p.Fees[1].Known || !p.Fees[1].Channel.Is(model.ChannelOnline) || !p.FeeBearing() {
		t.Errorf("fees %+v", p.Fees)
	}
	if len(p.Extra) != 1 || p.Extra[0].Key != "THANHPHANHOSO" {
		t.Errorf("extra %+v", p.Extra)
	}
	q := ps[1]
	if q.CitizenFacing() || len(q.Fees) != 1 || q.Fees[0].Amount != 1000000 || len(q.Durations) != 2 || !q.Durations[1].NoDueDate ||
		!q.Durations[1].Channel.Is(model.ChannelPostal) || q.Durations[1].Description != "Không quy định" {
		t.Errorf("procedure 2 %+v", q)
	}
}

func TestDecodeProcedure(t *testing.T) {
	p, err := DecodeProcedure([]byte(`{"matthc":"1.0","CACHTHUCTHUCHIEN":[{"KENH":"2","THOIGIAN":[{"THOIGIANGIAIQUYET":"8","DONVITINH":"Giờ"}]}]}`))
	if err != nil || p.Code != "1.0" || !p.Durations[0].Unit.Is(model.DurationHours) {
		t.Errorf("%+v %v", p, err)
	}
	tests := []struct {
		in    string
		field string
		want  error
	}{
		{`{"MATTHC":`, "", ErrSyntax},
		{`[]`, "", ErrNotObject},
		{`{"TENTTHC":"x"}`, "MATTHC", ErrBadCode},
		{`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"THOIGIAN":[{"THOIGIANGIAIQUYET":"mười"}]}]}`, "CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET", ErrBadNumber},
		{`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"THOIGIAN":[{"THOIGIANGIAIQUYET":"-1"}]}]}`, "CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET", ErrBadNumber},
		{`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"PHILEPHI":[{"SOTIEN":"theo quy định"}]}]}`, "CACHTHUCTHUCHIEN[0].PHILEPHI[0].SOTIEN", ErrBadNumber},
		{`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"THOIGIAN":[{"PHILEPHI":[{"SOTIEN":"1.5"}]}]}]}`, "CACHTHUCTHUCHIEN[0].THOIGIAN[0].PHILEPHI[0].SOTIEN", ErrBadNumber},
		{`{"MATTHC":"1","CANCUPHAPLY":[{"NGAYBANHANH":"x"}]}`, "CANCUPHAPLY[0].NGAYBANHANH", ErrBadDate},
	}
	for _, tt := range tests {
		_, err := DecodeProcedure([]byte(tt.in))
		var re *RecordError
		if !errors.As(err, &re) || !errors.Is(err, tt.want) || re.Field != tt.field {
			t.Errorf("%s: %v", tt.in, err)
		}
	}
	n := 0
	for p, err := range DecodeProcedures(strings.NewReader(`[{"MATTHC":"A","CAPTHUCHIEN":[{"CAPTHUCHIEN":"1"}]},{"MATTHC":"B","COQUANTHUCHIEN":"x"},{"MATTHC":"C"}]`)) {
		if (n == 1) != (err != nil) {
			t.Errorf("record %d: %v", n, err)
		}
		if n == 0 && p.Levels[0].Level != "1" {
			t.Error("level")
		}
		n++
	}
	for range DecodeProcedures(strings.NewReader(`{"data":[{"MATTHC":"A"}]}`)) {
		break
	}
}

func TestParseFeeAmount(t *testing.T) {
	for in, want := range map[string]int64{"8000": 8000, "8.000": 8000, "1.000.000 đồng": 1000000, "50.000 VNĐ": 50000, "0": 0, "100000.00": 100000, "15000đ": 15000} {
		if got, err := ParseFeeAmount(in); err != nil || got != want {
			t.Errorf("ParseFeeAmount(%q) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "1.5", "12.50", "abc", "1..000", "1234.000", "9.999.999.999.999.999.999"} {
		if _, err := ParseFeeAmount(in); !errors.Is(err, ErrBadNumber) {
			t.Errorf("ParseFeeAmount(%q) accepted", in)
		}
	}
}
