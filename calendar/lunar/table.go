package lunar

import (
	"fmt"
	"math"
	"slices"
	"sync"
)

// Table span. Month 11 of every lunar year from firstSolstice to
// lastSolstice is located from its December solstice; the months between
// consecutive months 11 are numbered by the rules in doc.go. That covers,
// completely, the lunar years firstSolstice+1 … lastSolstice−1, which include
// every day of the supported solar range.
const (
	firstSolstice = MinYear - 2 // 1898
	lastSolstice  = MaxYear + 1 // 2101
	firstLunar    = MinYear - 1 // first lunar year held completely (1899)
	lastLunar     = MaxYear     // last lunar year held completely (2100)
)

// Solar day-number (Julian Day Number) bounds of the supported range,
// inclusive: MinYear-01-01 and MaxYear-12-31 (checked by TestJDN).
const (
	minDay = 2415021
	maxDay = 2488434
)

// label names one lunar month.
type label struct {
	year  int16
	month int8
	leap  bool
}

// table is the immutable month table built once from the astronomical code.
type table struct {
	// starts[i] is the Julian Day Number of day 1 of month i; starts has
	// one more element than labels (the start of the month after the last).
	starts []int32
	labels []label
	// first[y-firstLunar] is the index of month 1 of lunar year y.
	first []int32
	// leap[y-firstLunar] is the leap month of lunar year y (0 = none).
	leap []int8
	// err is non-nil if the astronomical data violated a calendar invariant
	// (never expected; checked by tests) and is returned by every lookup.
	err error
}

// tableOnce builds the table on first use (≈ 2 500 new moons, ~200
// solstices; a few milliseconds) and returns the same value afterwards.
var tableOnce = sync.OnceValue(buildTable)

// newMoonIndexNear returns a lunation number k whose new moon is near the
// Julian Day jd.
func newMoonIndexNear(jd float64) int {
	return int(math.Floor((jd - newMoonK0Epoch) / synodicMonth))
}

// newMoonDay returns the UTC+7 day number of new moon k.
func newMoonDay(k int) int { return localDay(ttToUT(newMoonInstant(k))) }

// solsticeDay returns the UTC+7 day number of the December solstice of y.
func solsticeDay(y int) int { return localDay(ttToUT(decemberSolsticeJDE(y))) }

// principalTermIndex returns floor(λ/30°) at 00:00 UTC+7 of day d.
func principalTermIndex(d int) int {
	return int(sunLongitudeAtLocalMidnight(d) / 30)
}

func buildTable() *table {
	t, err := buildTableErr()
	if err != nil {
		return &table{err: err}
	}
	return t
}

func buildTableErr() (*table, error) {
	// All month starts from a little before month 11 of firstSolstice to a
	// little after month 11 of lastSolstice.
	kLo := newMoonIndexNear(float64(jdn(firstSolstice, 11, 1))) - 1
	kHi := newMoonIndexNear(float64(jdn(lastSolstice+1, 1, 31))) + 1
	all := make([]int, 0, kHi-kLo+1)
	for k := kLo; k <= kHi; k++ {
		d := newMoonDay(k)
		if n := len(all); n > 0 {
			if l := d - all[n-1]; l != 29 && l != 30 {
				return nil, fmt.Errorf("lunar: internal: month of %d days before new moon k=%d", l, k)
			}
		}
		all = append(all, d)
	}
	// monthAt returns i with all[i] <= d < all[i+1].
	monthAt := func(d int) (int, error) {
		i, found := slices.BinarySearch(all, d)
		if !found {
			i--
		}
		if i < 0 || i+1 >= len(all) {
			return 0, fmt.Errorf("lunar: internal: day %d outside new-moon list", d)
		}
		return i, nil
	}
	m11 := make([]int, 0, lastSolstice-firstSolstice+1)
	for y := firstSolstice; y <= lastSolstice; y++ {
		i, err := monthAt(solsticeDay(y))
		if err != nil {
			return nil, err
		}
		m11 = append(m11, i)
	}

	lo, hi := m11[0], m11[len(m11)-1]
	t := &table{
		starts: make([]int32, 0, hi-lo+1),
		labels: make([]label, 0, hi-lo),
		first:  make([]int32, lastLunar-firstLunar+1),
		leap:   make([]int8, lastLunar-firstLunar+1),
	}
	for i := lo; i <= hi; i++ {
		t.starts = append(t.starts, int32(all[i]))
	}
	for n := 0; n+1 < len(m11); n++ {
		y := firstSolstice + n
		a, b := m11[n], m11[n+1]
		leapAt := -1
		switch b - a {
		case 12:
		case 13:
			for j := a + 1; j < b; j++ {
				if principalTermIndex(all[j]) == principalTermIndex(all[j+1]) {
					leapAt = j
					break
				}
			}
			if leapAt < 0 {
				return nil, fmt.Errorf("lunar: internal: 13-month year after solstice %d has no month without a principal term", y)
			}
		default:
			return nil, fmt.Errorf("lunar: internal: %d months between solstices %d and %d", b-a, y, y+1)
		}
		month, year := 11, y
		var prev label
		for j := a; j < b; j++ {
			var l label
			if j == leapAt {
				l = label{year: prev.year, month: prev.month, leap: true}
			} else {
				l = label{year: int16(year), month: int8(month)}
				month++
				if month == 13 {
					month, year = 1, y+1
				}
			}
			t.labels = append(t.labels, l)
			prev = l
		}
	}
	for i, l := range t.labels {
		y := int(l.year)
		if y < firstLunar || y > lastLunar {
			continue
		}
		if l.leap {
			if t.leap[y-firstLunar] != 0 {
				return nil, fmt.Errorf("lunar: internal: two leap months in lunar year %d", y)
			}
			t.leap[y-firstLunar] = l.month
		}
		if l.month == 1 && !l.leap {
			t.first[y-firstLunar] = int32(i)
		}
	}
	return t, nil
}

// index returns the table index of month (year, month, leap). The caller
// has validated year ∈ [firstLunar, lastLunar], month ∈ [1, 12] and the leap
// flag.
func (t *table) index(year, month int, leap bool) int {
	base := int(t.first[year-firstLunar])
	lm := int(t.leap[year-firstLunar])
	if leap {
		return base + lm
	}
	i := base + month - 1
	if lm != 0 && month > lm {
		i++
	}
	return i
}

// monthLen returns the length of month i.
func (t *table) monthLen(i int) int { return int(t.starts[i+1] - t.starts[i]) }

// find returns the index of the month containing day number d, which must
// lie within the table.
func (t *table) find(d int) int {
	i, found := slices.BinarySearch(t.starts, int32(d))
	if !found {
		i--
	}
	return i
}
