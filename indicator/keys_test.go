package indicator_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/vn-dvc/chiso766/indicator"
)

func TestKeys(t *testing.T) {
	k := indicator.NewKeys([]string{"H99", "", "H99.01", "H99"}, []string{"1.001", "2.002", "1.001", ""})
	assert.Equal(t, 2, k.NumUnits())
	assert.Equal(t, 2, k.NumProcedures())
	assert.Equal(t, []string{"H99", "H99.01"}, k.UnitIDs())
	assert.Equal(t, []string{"1.001", "2.002"}, k.ProcedureCodes())
	tests := []struct {
		name       string
		unit, proc string
		unitIdx    int32
		procIdx    int32
	}{
		{"both known", "H99.01", "2.002", 1, 1},
		{"first wins on duplicates", "H99", "1.001", 0, 0},
		{"unknown unit", "H98", "1.001", -1, 0},
		{"unknown procedure", "H99", "9.9", 0, -1},
		{"empty strings are never interned", "", "", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := k.Ref(tt.unit, tt.proc)
			assert.Equal(t, tt.unitIdx, r.Unit())
			assert.Equal(t, tt.procIdx, r.Procedure())
			if r.Unit() >= 0 {
				assert.Equal(t, tt.unit, k.UnitID(r.Unit()))
			}
			if r.Procedure() >= 0 {
				assert.Equal(t, tt.proc, k.ProcedureCode(r.Procedure()))
			}
		})
	}
	assert.Equal(t, "", k.UnitID(-1))
	assert.Equal(t, "", k.UnitID(2))
	assert.Equal(t, "", k.ProcedureCode(5))
}

func TestKeysNil(t *testing.T) {
	var k *indicator.Keys
	assert.Equal(t, 0, k.NumUnits())
	assert.Equal(t, 0, k.NumProcedures())
	assert.Equal(t, indicator.Ref{}, k.Ref("H99", "1.001"))
	assert.Equal(t, "", k.UnitID(0))
	assert.Equal(t, "", k.ProcedureCode(0))
	assert.Nil(t, k.UnitIDs())
	assert.Nil(t, k.ProcedureCodes())
}

func BenchmarkKeysRef(b *testing.B) {
	units := make([]string, 2000)
	procs := make([]string, 2000)
	for i := range units {
		units[i] = fmt.Sprintf("000.%02d.%02d.H99", i/100, i%100)
		procs[i] = fmt.Sprintf("1.%06d.000.00.00.H99", i)
	}
	k := indicator.NewKeys(units, procs)
	b.ReportAllocs()
	var n int32
	i := 0
	for b.Loop() {
		r := k.Ref(units[i], procs[(i*7)%len(procs)])
		n += r.Unit() + r.Procedure()
		i = (i + 1) % len(units)
	}
	_ = n
}

func ExampleKeys() {
	k := indicator.NewKeys([]string{"H99", "H99.01"}, []string{"1.001", "2.002"})
	r := k.Ref("H99.01", "1.001")
	fmt.Println(r.Unit(), r.Procedure(), k.UnitID(r.Unit()), k.ProcedureCode(r.Procedure()))
	u := k.Ref("H98", "1.001")
	fmt.Println(u.Unit(), u.Procedure())
	// Output:
	// 1 0 H99.01 1.001
	// -1 0
}
