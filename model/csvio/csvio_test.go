package csvio

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

func open(t testing.TB, name string) *bytes.Reader {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

func vn(y int, m time.Month, d, h, mi, s int) model.Time {
	return model.Some(time.Date(y, m, d, h, mi, s, 0, model.Vietnam()))
}

func TestDossiersGolden(t *testing.T) {
	var ds []model.Dossier
	for d, err := range DecodeDossiers(open(t, "dossiers.csv")) {
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	if len(ds) != 3 {
		t.Fatalf("%d dossiers", len(ds))
	}
	// The CSV holds the same dossiers as dossiers.json, reduced to the layout.
	var js []model.Dossier
	for d, err := range portal.DecodeDossiers(open(t, "dossiers.json")) {
		if err != nil {
			t.Fatal(err)
		}
		js = append(js, d)
	}
	for i := range ds {
		c, j := ds[i], js[i]
		if c.Code != j.Code || c.UnitID != j.UnitID || c.Status.Code() != j.Status.Code() || c.Channel.Code() != j.Channel.Code() ||
			!c.ReceivedAt.Equal(j.ReceivedAt) || !c.DueAt.Equal(j.DueAt) || !c.ProcessingEndedAt.Equal(j.ProcessingEndedAt) ||
			c.FeeBearing() != j.FeeBearing() || c.HasElectronicResult() != j.HasElectronicResult() ||
			c.ReusesDigitisedData() != j.ReusesDigitisedData() || c.UsesPortalStore() != j.UsesPortalStore() ||
			c.OnlinePayment.PaidOnline() != j.OnlinePayment.PaidOnline() || len(c.Supplements) != len(j.Supplements) ||
			!reflect.DeepEqual(c.Aliases, j.Aliases) || !reflect.DeepEqual(c.Databases, j.Databases) ||
			c.VNeIDAuthenticated != j.VNeIDAuthenticated || c.HasDigitisedComponents != j.HasDigitisedComponents {
			t.Errorf("dossier %d differs between CSV and JSON:\n csv %+v\njson %+v", i, c, j)
		}
	}
	if s := ds[1].Supplements[0]; !s.RequestedAt.Equal(vn(2026, 8, 12, 10, 0, 0)) || s.ResubmittedAt.IsSet() || !s.DueBefore.Equal(vn(2026, 9, 5, 17, 0, 0)) || s.DueAfter.IsSet() {
		t.Errorf("supplement %+v", s)
	}
	if f := ds[0].Files[1]; f.ComponentCode != "TP02" || !f.Digitised.True() || !f.FromStore.True() {
		t.Errorf("file %+v", f)
	}
}

func TestDossiersRoundTrip(t *testing.T) {
	var ds []model.Dossier
	for d, err := range DecodeDossiers(open(t, "dossiers.csv")) {
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	var buf bytes.Buffer
	w := NewDossierWriter(&buf)
	for i := range ds {
		if err := w.Write(&ds[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var again []model.Dossier
	for d, err := range DecodeDossiers(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		again = append(again, d)
	}
	// Times are re-read from RFC 3339; compare after normalising.
	if !equalDossiers(ds, again) {
		t.Errorf("round trip differs:\n%+v\n%+v", ds, again)
	}
}

func equalDossiers(a, b []model.Dossier) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		// Compare everything except time representation via Equal.
		times := func(d *model.Dossier) []model.Time {
			return []model.Time{d.SubmittedAt, d.ReceiveDeadline, d.ReceivedAt, d.DueAt, d.RejectedAt, d.ProcessingEndedAt, d.ResultReturnedAt}
		}
		tx, ty := times(&x), times(&y)
		for j := range tx {
			if !tx[j].Equal(ty[j]) {
				return false
			}
		}
		x.SubmittedAt, x.ReceiveDeadline, x.ReceivedAt, x.DueAt, x.RejectedAt, x.ProcessingEndedAt, x.ResultReturnedAt = model.Time{}, model.Time{}, model.Time{}, model.Time{}, model.Time{}, model.Time{}, model.Time{}
		y.SubmittedAt, y.ReceiveDeadline, y.ReceivedAt, y.DueAt, y.RejectedAt, y.ProcessingEndedAt, y.ResultReturnedAt = model.Time{}, model.Time{}, model.Time{}, model.Time{}, model.Time{}, model.Time{}, model.Time{}
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

func TestProceduresAndPetitions(t *testing.T) {
	var ps []model.Procedure
	for p, err := range DecodeProcedures(open(t, "procedures.csv")) {
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	if len(ps) != 3 {
		t.Fatalf("%d procedures", len(ps))
	}
	p := ps[0]
	if !p.CitizenFacing() || !p.FeeBearing() || !p.PaperResult || !p.FullOnlineEligible || !p.PopulationDBConnected ||
		len(p.Fees) != 2 || p.Fees[1].Known || len(p.Publication) != 1 || !p.Publication[0].Complete() ||
		!p.Publication[0].Kind.Is(model.PublicationAmended) || !p.Publication[0].Issuer.Is(model.UnitProvince) ||
		!p.Publication[0].PublishedAt.Equal(vn(2026, 1, 20, 9, 30, 0)) {
		t.Errorf("procedure 0 %+v", p)
	}
	if d, ok := ps[1].Duration(model.ChannelOnline); !ok || !d.Amount.Equal(decimal.RequireFromString("0.5")) || !d.Unit.Is(model.DurationDays) {
		t.Errorf("duration %+v", d)
	}
	if ps[1].CitizenFacing() || ps[1].Publication[0].Complete() || ps[1].Publication[0].Components[5] {
		t.Errorf("procedure 1 %+v", ps[1])
	}
	if d := ps[2].Durations[0]; !d.NoDueDate || !d.Amount.IsZero() || ps[2].FeeBearing() {
		t.Errorf("procedure 2 %+v", ps[2])
	}
	var buf bytes.Buffer
	pw := NewProcedureWriter(&buf)
	for i := range ps {
		if err := pw.Write(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := pw.Flush(); err != nil {
		t.Fatal(err)
	}
	var again []model.Procedure
	for p, err := range DecodeProcedures(bytes.NewReader(buf.Bytes())) {
		if err != nil {
			t.Fatal(err)
		}
		again = append(again, p)
	}
	var buf2 bytes.Buffer
	pw2 := NewProcedureWriter(&buf2)
	for i := range again {
		if err := pw2.Write(&again[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := pw2.Flush(); err != nil {
		t.Fatal(err)
	}
	if buf.String() != buf2.String() || len(again) != 3 {
		t.Errorf("procedure round trip:\n%s\n%s", buf.String(), buf2.String())
	}

	var qs []model.Petition
	for q, err := range DecodePetitions(open(t, "petitions.csv")) {
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	if len(qs) != 3 || qs[0].Dislikes != 5 || qs[0].Likes != 3 || !qs[0].Category.Is(model.PetitionProcedure) || len(qs[0].Events) != 3 ||
		!qs[0].Events[2].Kind.Is(model.PetitionEventPublished) || !qs[1].Repeated || !qs[1].Category.Is(model.PetitionStaff) ||
		!qs[1].DeadlineStart().Equal(vn(2026, 8, 22, 8, 0, 0)) || qs[2].Category.IsSet() || !qs[2].ReceivedAt.Equal(vn(2026, 9, 1, 10, 0, 0)) {
		t.Errorf("petitions %+v", qs)
	}
	buf.Reset()
	qw := NewPetitionWriter(&buf)
	for i := range qs {
		if err := qw.Write(&qs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := qw.Flush(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for q, err := range DecodePetitions(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		if q.ID != qs[n].ID || !q.ReceivedAt.Equal(qs[n].ReceivedAt) || len(q.Events) != len(qs[n].Events) || q.Repeated != qs[n].Repeated {
			t.Errorf("petition %d round trip %+v", n, q)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d petitions", n)
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		n     int // results
		errAt int
		index int
		line  int
		code  string
		field string
		want  error
	}{
		{"empty", "", 1, 0, -1, 1, "", "", ErrHeader},
		{"no key column", "unit_id\nH44\n", 1, 0, -1, 1, "", "code", ErrHeader},
		{"duplicate column", "code,code\nA,B\n", 1, 0, -1, 1, "", "code", ErrHeader},
		{"bad date", "code,received_at\nA,2026-13-01\nB,20260801000000\n", 2, 0, 0, 2, "A", "received_at", portal.ErrBadDate},
		{"bad flag", "code,vneid_authenticated\nA,yes\n", 1, 0, 0, 2, "A", "vneid_authenticated", portal.ErrBadFlag},
		{"bad fee", "code,fees\nA,LP|12.5\n", 1, 0, 0, 2, "A", "fees", portal.ErrBadNumber},
		{"bad list", "code,files\nA,TP01|url\n", 1, 0, 0, 2, "A", "files", ErrBadList},
		{"bad file flag", "code,files\nA,TP01|url|x|0\n", 1, 0, 0, 2, "A", "files", portal.ErrBadFlag},
		{"bad file flag 2", "code,files\nA,TP01|url|1|x\n", 1, 0, 0, 2, "A", "files", portal.ErrBadFlag},
		{"bad supplement", "code,supplements\nA,x|||\n", 1, 0, 0, 2, "A", "supplements", portal.ErrBadDate},
		{"missing key", "code,unit_id\n,H44\nB,H44\n", 2, 0, 0, 2, "", "code", ErrMissingKey},
		{"cell count", "code,unit_id\nA\nB,H44\n", 2, 0, 0, 2, "", "", portal.ErrSyntax},
		{"bad quote", "code,unit_id\n\"A,H44\n", 1, 0, 0, 2, "", "", portal.ErrSyntax},
		{"bom and unknown column", "\ufeffcode,whatever\nA,x\n", 1, -1, 0, 0, "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []error
			for _, err := range DecodeDossiers(strings.NewReader(tt.in)) {
				errs = append(errs, err)
			}
			if len(errs) != tt.n {
				t.Fatalf("got %d results %v", len(errs), errs)
			}
			for i, err := range errs {
				if i != tt.errAt {
					if err != nil {
						t.Errorf("result %d: %v", i, err)
					}
					continue
				}
				var re *RecordError
				if !errors.As(err, &re) || !errors.Is(err, tt.want) || re.Index != tt.index || re.Line != tt.line || re.Code != tt.code || re.Field != tt.field || re.Error() == "" {
					t.Errorf("got %#v (%v)", re, err)
				}
			}
		})
	}
	procs := []struct {
		in    string
		field string
		want  error
	}{
		{"code,durations\nP,1|x|Ngày|0\n", "durations", portal.ErrBadNumber},
		{"code,durations\nP,1|1|Ngày|2\n", "durations", portal.ErrBadFlag},
		{"code,fees\nP,1|F|abc\n", "fees", portal.ErrBadNumber},
		{"code,publications\nP,Q||||||11\n", "publications", ErrBadList},
		{"code,publications\nP,Q||||||11111x1\n", "publications", ErrBadList},
		{"code,publications\nP,Q|x|||||\n", "publications", portal.ErrBadDate},
		{"code,paper_result\nP,x\n", "paper_result", portal.ErrBadFlag},
	}
	for _, tt := range procs {
		for _, err := range DecodeProcedures(strings.NewReader(tt.in)) {
			var re *RecordError
			if !errors.As(err, &re) || !errors.Is(err, tt.want) || re.Field != tt.field || re.Code != "P" {
				t.Errorf("%q: %v", tt.in, err)
			}
		}
	}
	for _, in := range []string{"id,likes\nQ,x\n", "id,events\nQ,x|received|\n", "id,repeated\nQ,2\n"} {
		for _, err := range DecodePetitions(strings.NewReader(in)) {
			var re *RecordError
			if !errors.As(err, &re) || re.Code != "Q" {
				t.Errorf("%q: %v", in, err)
			}
		}
	}
}

func TestEarlyStopAndWriterErrors(t *testing.T) {
	in := "code,received_at\nA,x\nB,x\nC,\n"
	n := 0
	for range DecodeDossiers(strings.NewReader(in)) {
		n++
		break
	}
	if n != 1 {
		t.Error("break after error")
	}
	n = 0
	for range DecodeDossiers(strings.NewReader("code,unit_id\nA\nB,x\n")) {
		n++
		break
	}
	n = 0
	for range DecodeDossiers(strings.NewReader("code\nA\nB\n")) {
		n++
		break
	}
	if n != 1 {
		t.Error("break after record")
	}
	var buf bytes.Buffer
	w := NewDossierWriter(&buf)
	if err := w.Write(&model.Dossier{Code: "A", Aliases: []string{"x;y"}}); !errors.Is(err, ErrBadList) {
		t.Errorf("alias with ';': %v", err)
	}
	if err := w.Write(&model.Dossier{Code: "A", Files: []model.File{{URL: "a|b"}}}); !errors.Is(err, ErrBadList) {
		t.Errorf("file with '|': %v", err)
	}
	var re *RecordError
	if err := w.Write(&model.Dossier{Code: "B", Databases: []string{"7|8"}}); !errors.As(err, &re) || re.Code != "B" || re.Field != "databases" {
		t.Errorf("record error: %v", err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return NewDossierWriter(b).Flush() },
		func(b *bytes.Buffer) error { return NewProcedureWriter(b).Flush() },
		func(b *bytes.Buffer) error { return NewPetitionWriter(b).Flush() },
	} {
		var b bytes.Buffer
		if err := f(&b); err != nil || !strings.HasPrefix(b.String(), "code,") && !strings.HasPrefix(b.String(), "id,") {
			t.Errorf("header-only output %q %v", b.String(), err)
		}
	}
	if len(DossierColumns()) != 35 || len(ProcedureColumns()) != 16 || len(PetitionColumns()) != 11 {
		t.Errorf("columns %d %d %d", len(DossierColumns()), len(ProcedureColumns()), len(PetitionColumns()))
	}
	fw := NewDossierWriter(failWriter{})
	if err := fw.Write(&model.Dossier{Code: strings.Repeat("x", 8192)}); err != nil {
		// csv.Writer buffers; the error shows at Flush.
		t.Log(err)
	}
	if err := fw.Flush(); err == nil {
		t.Error("flush error expected")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("network down") }

func TestReaderError(t *testing.T) {
	for _, err := range DecodeDossiers(errReader{}) {
		if err == nil || !strings.Contains(err.Error(), "network down") {
			t.Errorf("got %v", err)
		}
	}
}
