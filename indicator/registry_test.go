package indicator

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestGroupMaximaSumTo100(t *testing.T) {
	want := map[Group]int64{G1: 18, G2: 20, G3a: 12, G3b: 10, G4: 22, G5: 18}
	sums := map[Group]decimal.Decimal{}
	total := decimal.Zero
	for _, m := range Registry() {
		sums[m.Group] = sums[m.Group].Add(m.Max)
		total = total.Add(m.Max)
	}
	for g, w := range want {
		if !sums[g].Equal(decimal.NewFromInt(w)) || !GroupMax(g).Equal(decimal.NewFromInt(w)) {
			t.Errorf("group %s max = %s (GroupMax %s), want %d", g, sums[g], GroupMax(g), w)
		}
	}
	if !total.Equal(decimal.NewFromInt(100)) {
		t.Errorf("total = %s, want 100", total)
	}
	// The Decision's five-group layout: 18/20/22/22/18.
	wantD := map[DecisionGroup]int64{D1: 18, D2: 20, D3: 22, D4: 22, D5: 18}
	for d, w := range wantD {
		s := decimal.Zero
		for _, g := range d.Groups() {
			s = s.Add(sums[g])
		}
		if !s.Equal(decimal.NewFromInt(w)) {
			t.Errorf("Decision group %s max = %s, want %d", d, s, w)
		}
	}
	// The portal edition's rules agree with the registry's maxima.
	p := Portal()
	for _, m := range Registry() {
		if r := p.Rules[m.ID]; r.Kind != Unscored && !r.Max.Equal(m.Max) {
			t.Errorf("%s: Portal max %s != registry max %s", m.ID, r.Max, m.Max)
		}
		if m.Scored != (p.Rules[m.ID].Kind != Unscored) {
			t.Errorf("%s: Scored=%v disagrees with the portal rule %s", m.ID, m.Scored, p.Rules[m.ID])
		}
	}
}

func TestRegistryComplete(t *testing.T) {
	reg := Registry()
	if len(reg) != NumIDs-1 {
		t.Fatalf("registry has %d metrics, want %d", len(reg), NumIDs-1)
	}
	for i, m := range reg {
		if m.ID != ID(i+1) || !m.Group.Valid() || m.NameVI == "" || m.NameEN == "" || m.Rule == "" || m.LegalBasis == "" {
			t.Errorf("incomplete entry %+v", m)
		}
		if m.Group != m.ID.Group() {
			t.Errorf("%s: group %s != ID.Group %s", m.ID, m.Group, m.ID.Group())
		}
	}
	// Fresh copies: changing the result does not change the registry.
	reg[0].NameEN = "changed"
	if m, _ := Lookup(M11); m.NameEN == "changed" {
		t.Fatal("Registry shares state")
	}
	if _, ok := Lookup(0); ok {
		t.Fatal("Lookup(0) ok")
	}
	if _, ok := Lookup(ID(NumIDs)); ok {
		t.Fatal("Lookup(NumIDs) ok")
	}
	if got := len(IDs()); got != NumIDs-1 {
		t.Fatalf("IDs() has %d", got)
	}
}

func TestParseID(t *testing.T) {
	tests := []struct {
		in   string
		want ID
	}{
		{"1.1", M11}, {"4.6a", M46a}, {"4.6A", M46a}, {" 5.3 ", M53}, {"2.2", M22}, {"5.0", M50},
		{"PUBLISH_ON_TIME", M11}, {"DOSSIER_SYNC", M14}, {"TDGQ", M21}, {"avgProcessingDays", M22},
		{"SO_HOA_GIAY_TO_GIAI_QUYET", M42}, {"CITIZEN_DATA_CONNECTED_FORMALITY", M46a},
		{"PETITION_CLASSIFICATION_TTHC", M50}, {"PETITION_CLASSIFICATION_STAFF", M50},
		{"DOSSIER_RECEIVING_SATISFACTION", M53},
	}
	for _, tc := range tests {
		got, err := ParseID(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseID(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "1", "1.5", "4.6", "6.1", "group", "CKMB"} {
		_, err := ParseID(bad)
		var ie *IDError
		if !errors.Is(err, ErrUnknownID) || !errors.As(err, &ie) || ie.Input != bad {
			t.Errorf("ParseID(%q) err = %v; want *IDError/ErrUnknownID", bad, err)
		}
	}
	// Round trip through text for every id.
	for _, id := range IDs() {
		b, err := id.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back ID
		if err := back.UnmarshalText(b); err != nil || back != id {
			t.Errorf("round trip %s: %v %v", id, back, err)
		}
		if id.String() != string(b) {
			t.Errorf("String %q != text %q", id.String(), b)
		}
	}
	if _, err := ID(0).MarshalText(); !errors.Is(err, ErrUnknownID) {
		t.Errorf("MarshalText(0) err = %v", err)
	}
	var id ID
	if err := json.Unmarshal([]byte(`"nope"`), &id); !errors.Is(err, ErrUnknownID) {
		t.Errorf("json unmarshal bad id err = %v", err)
	}
	if ID(99).String() != "ID(99)" || ID(99).Group() != 0 {
		t.Error("invalid id String/Group")
	}
}

func TestGroups(t *testing.T) {
	wantText := []string{"1", "2", "3a", "3b", "4", "5"}
	wantCode := []string{"CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL"}
	wantDec := []DecisionGroup{D1, D2, D3, D3, D4, D5}
	for g := G1; g <= G5; g++ {
		i := int(g) - 1
		b, err := g.MarshalText()
		if g.String() != wantText[i] || string(b) != wantText[i] || err != nil || g.PortalCode() != wantCode[i] ||
			g.Decision() != wantDec[i] || g.NameVI() == "" || g.NameEN() == "" {
			t.Errorf("group %d: %s %s %s %v", g, g, g.PortalCode(), g.Decision(), err)
		}
	}
	var bad Group
	if bad.Valid() || bad.PortalCode() != "" || bad.NameVI() != "" || bad.NameEN() != "" || bad.Decision() != 0 {
		t.Error("zero group looks valid")
	}
	if _, err := bad.MarshalText(); !errors.Is(err, ErrUnknownID) {
		t.Error("zero group marshals")
	}
	if _, err := DecisionGroup(0).MarshalText(); !errors.Is(err, ErrUnknownID) {
		t.Error("zero decision group marshals")
	}
	if DecisionGroup(9).Groups() != nil || DecisionGroup(9).String() != "DecisionGroup(9)" {
		t.Error("invalid decision group")
	}
	if b, _ := D3.MarshalText(); string(b) != "3" {
		t.Errorf("D3 text %q", b)
	}
}
