package calendar

import (
	"iter"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/calendar/lunar"
)

// Default and allowed year ranges of a Calendar.
const (
	// DefaultFromYear and DefaultToYear are the range used when Options leaves both years zero: the spec's
	// recommended 1976–2099 (official UTC+7 lunar calendar nationwide from 1976).
	DefaultFromYear, DefaultToYear = 1976, 2099
	// MinYear and MaxYear bound any Calendar: the lunar package's range, needed for Tết and 10/3.
	MinYear, MaxYear = lunar.MinYear, lunar.MaxYear
	// LabourCode2019From is the first year of the Labour Code 2019 holiday set (11 days, National Day two
	// days); earlier years use the Labour Code 2012 set (10 days, 2/9 only) — policy P17. The 2012 set is
	// applied to every year before 2021, including years when earlier codes were in force.
	LabourCode2019From = 2021
)

// Options configures New. The zero value builds the default calendar: 1976–2099, UTC+7, statutory rules,
// the embedded 2020–2026 announced schedules, default office hours.
type Options struct {
	// FromYear and ToYear bound the calendar (inclusive). Both zero means DefaultFromYear..DefaultToYear;
	// otherwise MinYear ≤ FromYear ≤ ToYear ≤ MaxYear is required.
	FromYear, ToYear int
	// Location is the zone instants are converted to before taking their date; nil means Zone() (UTC+7).
	// Use a fixed-offset zone: office hours are offsets from local midnight, which a DST zone would skew.
	Location *time.Location
	// NoAnnounced ignores the embedded 2020–2026 announced schedules: every year is rule-derived and
	// provisional.
	NoAnnounced bool
	// Holidays are extra holidays as data (P17), e.g. 24/11 from its effective date. Not shipped by default.
	Holidays []HolidayRule
	// Overlays are per-office changes applied last, in order (P16, P7).
	Overlays []Overlay
	// OfficeHours of working days; the zero value means DefaultOfficeHours() (P5).
	OfficeHours OfficeHours
}

// Calendar is an immutable working-day calendar for a year range, with prefix counts that make every
// working-day query O(1) and every working-hour query O(log n). It is safe for concurrent use. Build it once
// with New and share it.
type Calendar struct {
	loc            *time.Location
	first          int32 // day number of FromYear-01-01
	ndays          int32
	fromYear       int
	kind           []DayKind       // per day offset
	cnt            []int32         // cnt[i] = working days in offsets [0, i); len ndays+1
	work           []int32         // offsets of working days, ascending
	hp             []time.Duration // hp[i] = office time in offsets [0, i); len ndays+1
	spans          [7][]Span       // office hours of a working day, by weekday
	notes          map[int32]note  // by day offset: names, bases, reception flags
	provisional    []bool          // by year offset
	minDate, maxDt Date
	// off is the zone's offset (seconds east of UTC) in the Unix-second stretch [fixLo, fixHi), where
	// instants convert by integer arithmetic (instant.go).
	zoneOff, fixLo, fixHi int64
}

type note struct {
	name, nameEN, basis string
	reception, lunar    bool
}

// namedNote returns the note of a day named vi (Vietnamese) with its English name and lunar flag
// (englishName), and basis.
func namedNote(vi, basis string) note {
	en, lunar := englishName(vi)
	return note{name: vi, nameEN: en, basis: basis, lunar: lunar}
}

// New builds a Calendar. Cost: O(days in range) time and about 20 bytes of memory per day (≈1.5 MB for
// 1900–2100), plus two lunar conversions per rule-derived year; build it once and share it.
// Errors: *InputError (errors.Is ErrInvalid) naming the offending Options field — bad year range, office
// hours, holiday rule or overlay — or wrapping the lunar package's error when Tết or 10/3 cannot be dated.
func New(opts Options) (*Calendar, error) {
	from, to := opts.FromYear, opts.ToYear
	if from == 0 && to == 0 {
		from, to = DefaultFromYear, DefaultToYear
	}
	if from < MinYear || to > MaxYear || from > to {
		return nil, &InputError{Op: "New", Field: "Options.FromYear..ToYear", Value: itoa(from) + ".." + itoa(to),
			Reason: "want " + itoa(MinYear) + " ≤ FromYear ≤ ToYear ≤ " + itoa(MaxYear)}
	}
	c := &Calendar{loc: opts.Location, fromYear: from, notes: make(map[int32]note)}
	if c.loc == nil {
		c.loc = Zone()
	}
	if err := c.setHours(opts.OfficeHours); err != nil {
		return nil, err
	}
	c.minDate = NewDate(from, 1, 1)
	c.maxDt = NewDate(to, 12, 31)
	c.fixLo, c.fixHi, c.zoneOff = zoneStretch(c.loc, c.maxDt.In(c.loc))
	c.first = c.minDate.n
	c.ndays = c.maxDt.n - c.first + 1
	c.kind = make([]DayKind, c.ndays)
	c.provisional = make([]bool, to-from+1)
	for i := range c.kind {
		if wd := (Date{n: c.first + int32(i)}).Weekday(); wd == time.Saturday || wd == time.Sunday {
			c.kind[i] = WeeklyRest
		}
	}
	for y := from; y <= to; y++ {
		if !opts.NoAnnounced && y >= announcedFirst && y <= announcedLast {
			continue
		}
		c.provisional[y-from] = true
		if err := c.applyStatutory(y); err != nil {
			return nil, err
		}
	}
	if !opts.NoAnnounced {
		for _, a := range announcedDays() {
			d, err := ParseDate(a.date)
			if err != nil {
				return nil, err // impossible: embedded data is tested
			}
			if i, ok := c.off(d); ok {
				c.kind[i] = a.kind
				c.notes[i] = namedNote(a.name, a.basis)
			}
		}
	}
	if err := c.applyRules(opts.Holidays); err != nil {
		return nil, err
	}
	if err := c.applyOverlays(opts.Overlays); err != nil {
		return nil, err
	}
	c.cnt = make([]int32, c.ndays+1)
	c.hp = make([]time.Duration, c.ndays+1)
	c.work = make([]int32, 0, c.ndays*5/7+16)
	for i, k := range c.kind {
		c.cnt[i+1] = c.cnt[i]
		c.hp[i+1] = c.hp[i]
		if k.Working() {
			c.cnt[i+1]++
			c.work = append(c.work, int32(i))
			c.hp[i+1] += total(c.spans[(Date{n: c.first + int32(i)}).Weekday()])
		}
	}
	return c, nil
}

// off returns d's offset in the calendar and whether d is in range.
func (c *Calendar) off(d Date) (int32, bool) {
	i := d.n - c.first
	return i, i >= 0 && i < c.ndays
}

type holidayAt struct {
	d           Date
	name, basis string
	comp, lunar bool
}

// applyStatutory marks year y's statutory holidays (Labour Code 2019 from 2021, 2012 before) and their
// compensatory days, using the provisional Tết and National Day layout (docs/calendar.md, Compensatory days and Provisional years).
func (c *Calendar) applyStatutory(y int) error {
	basis, compBasis := basisLC2019, basisLC2019Comp
	if y < LabourCode2019From {
		basis, compBasis = basisLC2012, basisLC2012
	}
	const prov = " (provisional layout, docs/calendar.md, Provisional years)"
	tm, td, err := lunar.NewYear(y)
	if err != nil {
		return &InputError{Op: "New", Field: "Options.FromYear..ToYear", Value: itoa(y), Reason: "cannot date Tết", Err: err}
	}
	hy, hm, hd, err := lunar.ToSolar(lunar.Date{Year: y, Month: 3, Day: 10})
	if err != nil {
		return &InputError{Op: "New", Field: "Options.FromYear..ToYear", Value: itoa(y), Reason: "cannot date Giỗ Tổ 10/3", Err: err}
	}
	tet := NewDate(y, tm, td)
	hs := []holidayAt{
		{d: NewDate(y, 1, 1), name: nameNewYear, basis: basis},
		{d: NewDate(hy, hm, hd), name: nameHung, basis: basis},
		{d: NewDate(y, 4, 30), name: nameVictory, basis: basis},
		{d: NewDate(y, 5, 1), name: nameLabour, basis: basis},
		{d: NewDate(y, 9, 2), name: nameNational, basis: basis},
	}
	for k := -1; k <= 3; k++ {
		hs = append(hs, holidayAt{d: tet.AddDays(k), name: nameTet, basis: basis + prov})
	}
	if y >= LabourCode2019From {
		nd := NewDate(y, 9, 2)
		second := nd.AddDays(-1)
		if wd := nd.Weekday(); wd == time.Monday || wd == time.Thursday {
			second = nd.AddDays(1)
		}
		hs = append(hs, holidayAt{d: second, name: nameNational, basis: basisLC2019Tet + prov})
	}
	slices.SortStableFunc(hs, func(a, b holidayAt) int { return a.d.Compare(b.d) })
	hs = slices.CompactFunc(hs, func(a, b holidayAt) bool { return a.d == b.d })
	for _, h := range hs {
		if i, ok := c.off(h.d); ok {
			c.kind[i] = Holiday
			c.notes[i] = namedNote(h.name, h.basis)
		}
	}
	for _, h := range hs {
		if wd := h.d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			c.compensate(h.d, namedNote(h.name, compBasis))
		}
	}
	return nil
}

// compensate gives the first working day after d that is not already a holiday or compensatory day off,
// for the holiday h (its names and lunar flag; h.basis is the compensation's basis).
func (c *Calendar) compensate(d Date, h note) {
	i, _ := c.off(d)
	for i++; i < c.ndays; i++ {
		if c.kind[i].Working() {
			c.kind[i] = Compensatory
			n := note{name: prefixComp + h.name + " (" + d.String() + ")", basis: h.basis, lunar: h.lunar}
			if h.nameEN != "" {
				n.nameEN = prefixCompEN + h.nameEN + " (" + d.String() + ")"
			}
			c.notes[i] = n
			return
		}
	}
}

// applyRules applies caller holiday rules (docs/calendar.md, P17).
func (c *Calendar) applyRules(rules []HolidayRule) error {
	var hs []holidayAt
	for ri, r := range rules {
		field := "Options.Holidays[" + itoa(ri) + "]"
		inEffect := func(d Date) bool {
			return (r.From.IsZero() || !d.Before(r.From)) && (r.To.IsZero() || !d.After(r.To))
		}
		add := func(d Date) {
			if _, ok := c.off(d); ok && inEffect(d) {
				hs = append(hs, holidayAt{d: d, name: r.Name, basis: r.Basis, comp: !r.NoCompensation, lunar: r.Kind == LunarRule})
			}
		}
		if r.Name == "" {
			return &InputError{Op: "New", Field: field + ".Name", Reason: "a holiday needs a name"}
		}
		switch r.Kind {
		case SolarRule:
			if r.Month < 1 || r.Month > 12 || r.Day < 1 || r.Day > 31 {
				return &InputError{Op: "New", Field: field + ".Month/Day", Value: itoa(r.Day) + "/" + itoa(r.Month), Reason: "no such solar day"}
			}
			for y := c.minDate.Year(); y <= c.maxDt.Year(); y++ {
				if r.Day <= daysIn(y, time.Month(r.Month)) {
					add(NewDate(y, time.Month(r.Month), r.Day))
				}
			}
		case LunarRule:
			if r.Month < 1 || r.Month > 12 || r.Day < 1 || r.Day > 30 {
				return &InputError{Op: "New", Field: field + ".Month/Day", Value: itoa(r.Day) + "/" + itoa(r.Month), Reason: "no such lunar day"}
			}
			for y := max(c.minDate.Year()-1, lunar.MinYear); y <= c.maxDt.Year(); y++ {
				sy, sm, sd, err := lunar.ToSolar(lunar.Date{Year: y, Month: r.Month, Day: r.Day})
				if err != nil {
					continue // day 30 of a 29-day month, or outside the lunar range: no holiday that year
				}
				add(NewDate(sy, sm, sd))
			}
		case ExplicitRule:
			for _, d := range r.Dates {
				add(d)
			}
		default:
			return &InputError{Op: "New", Field: field + ".Kind", Value: itoa(int(r.Kind)), Reason: "unknown RuleKind"}
		}
	}
	slices.SortStableFunc(hs, func(a, b holidayAt) int { return a.d.Compare(b.d) })
	for _, h := range hs {
		i, _ := c.off(h.d)
		n := note{name: h.name, basis: h.basis, lunar: h.lunar}
		switch {
		case c.kind[i].Working():
			c.kind[i] = Holiday
			c.notes[i] = n
		case c.kind[i] == WeeklyRest:
			c.kind[i] = Holiday
			c.notes[i] = n
			if h.comp {
				n.basis = basisLC2019Comp
				if h.d.Year() < LabourCode2019From {
					n.basis = basisLC2012
				}
				c.compensate(h.d, n)
			}
		}
	}
	return nil
}

// applyOverlays applies per-office overlays in order (P16, P7).
func (c *Calendar) applyOverlays(ovs []Overlay) error {
	for oi, o := range ovs {
		field := "Options.Overlays[" + itoa(oi) + "]"
		to := o.To
		if to.IsZero() {
			to = o.From
		}
		if to.Before(o.From) {
			return &InputError{Op: "New", Field: field + ".To", Value: to.String(), Reason: "before From " + o.From.String()}
		}
		if o.Kind > OverlayReception {
			return &InputError{Op: "New", Field: field + ".Kind", Value: itoa(int(o.Kind)), Reason: "unknown OverlayKind"}
		}
		for d := o.From; !d.After(to); d = d.AddDays(1) {
			i, ok := c.off(d)
			if !ok {
				continue
			}
			switch o.Kind {
			case OverlayClosed:
				c.kind[i] = Closed
				c.notes[i] = note{name: o.Name, basis: o.Basis}
			case OverlayWorking:
				c.kind[i] = ExtraWork
				c.notes[i] = note{name: o.Name, basis: o.Basis}
			case OverlayReception:
				n := c.notes[i]
				n.reception = true
				if n.name == "" {
					n.name, n.basis = o.Name, o.Basis
				}
				c.notes[i] = n
			}
		}
	}
	return nil
}

// Location returns the zone the calendar converts instants to.
func (c *Calendar) Location() *time.Location { return c.loc }

// Range returns the calendar's first and last day.
func (c *Calendar) Range() (first, last Date) { return c.minDate, c.maxDt }

// Contains reports whether d lies within the calendar's range.
func (c *Calendar) Contains(d Date) bool { _, ok := c.off(d); return ok }

// IsWorkingDay reports whether d is a processing day: Monday–Friday not off, or an announced make-up day or
// an overlay working day. Days outside the range report false (use Contains or Day to tell). Cost: O(1).
func (c *Calendar) IsWorkingDay(d Date) bool {
	i, ok := c.off(d)
	return ok && c.kind[i].Working()
}

// Day explains d: working or not, why, the holiday or overlay name, legal basis, provisional flag and
// reception flag. For d outside the range it returns DayInfo{Date: d} with InRange false. Cost: O(1)
// (one map lookup).
func (c *Calendar) Day(d Date) DayInfo {
	i, ok := c.off(d)
	if !ok {
		return DayInfo{Date: d}
	}
	n := c.notes[i]
	return DayInfo{
		Date: d, InRange: true, Working: c.kind[i].Working(), Kind: c.kind[i], Name: n.name, NameEN: n.nameEN,
		Basis: n.basis, Lunar: n.lunar, Provisional: c.provisional[d.Year()-c.fromYear], Reception: n.reception,
	}
}

// Holidays returns, in date order, the days of year that are not ordinary ones — the days a year's
// holiday list shows: statutory and caller-added holidays (a holiday period's Saturday and Sunday
// included), compensatory days off, announced swapped days off and make-up working days, and the days of
// overlays (closed, working, reception only) — each as Day gives it: kind, Vietnamese and English name,
// legal basis, lunar and provisional flags. Ordinary weekdays and plain weekends are left out.
// Cost: O(days of the year) to walk, one map lookup per day; no allocation per day. Errors: *RangeError
// (Arg "year") when year is outside the calendar.
func (c *Calendar) Holidays(year int) (iter.Seq[DayInfo], error) {
	first := NewDate(year, 1, 1)
	if year < c.minDate.Year() || year > c.maxDt.Year() {
		return nil, c.argErr("Holidays", "year", first)
	}
	last := NewDate(year, 12, 31)
	return func(yield func(DayInfo) bool) {
		for d := first; !d.After(last); d = d.AddDays(1) {
			i, _ := c.off(d)
			if k := c.kind[i]; k == Regular || k == WeeklyRest {
				if _, noted := c.notes[i]; !noted {
					continue
				}
			}
			if !yield(c.Day(d)) {
				return
			}
		}
	}, nil
}

// Provisional reports whether year is rule-derived (no announced schedule embedded, or Options.NoAnnounced)
// rather than announced (P16). Years outside the range report false.
func (c *Calendar) Provisional(year int) bool {
	k := year - c.fromYear
	return k >= 0 && k < len(c.provisional) && c.provisional[k]
}

// argErr reports argument arg of method op, dated d, outside the range.
func (c *Calendar) argErr(op, arg string, d Date) error {
	return &RangeError{Op: op, Arg: arg, Date: d, Min: c.minDate, Max: c.maxDt}
}

// instantErr reports instant argument arg of method op, whose date is d, outside the range.
func (c *Calendar) instantErr(op, arg string, t time.Time, d Date) error {
	return &RangeError{Op: op, Arg: arg, Date: d, Time: t.In(c.loc), Min: c.minDate, Max: c.maxDt}
}

// stepErr reports that method op's step of n (days, or a Duration's amount) from date d leaves the range.
func (c *Calendar) stepErr(op string, d Date, n int) error {
	return &RangeError{Op: op, Arg: "result", Date: d, N: n, Min: c.minDate, Max: c.maxDt}
}

// WorkingDaysBetween counts the working days stepped onto when moving from from to to: the start is not
// counted, the end is (Civil Code art. 147(2): the first day is not counted). For to on or after from it is
// the number of working days in (from, to]; for to before from it is −(working days in [to, from)). So it
// inverts AddWorkingDays exactly: WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for every d and n, and
// AddWorkingDays(d, WorkingDaysBetween(d, e)) == e for every working day e. (It is antisymmetric only when
// both ends are working days.) Cost: O(1), no allocation. Errors: *RangeError if either date is outside
// the range.
func (c *Calendar) WorkingDaysBetween(from, to Date) (int, error) {
	return c.workingDaysBetween("WorkingDaysBetween", from, to)
}

// workingDaysBetween is WorkingDaysBetween for method op, whose errors name op.
func (c *Calendar) workingDaysBetween(op string, from, to Date) (int, error) {
	i, ok := c.off(from)
	if !ok {
		return 0, c.argErr(op, "from", from)
	}
	j, ok := c.off(to)
	if !ok {
		return 0, c.argErr(op, "to", to)
	}
	if j >= i {
		return int(c.cnt[j+1]) - int(c.cnt[i+1]), nil
	}
	return int(c.cnt[j]) - int(c.cnt[i]), nil
}

// AddWorkingDays returns the n-th working day after d (d itself not counted; d need not be a working day).
// For n < 0 it returns the |n|-th working day before d; for n == 0 it returns d unchanged.
// Cost: O(1), no allocation. Errors: *RangeError if d or the result is outside the range.
func (c *Calendar) AddWorkingDays(d Date, n int) (Date, error) {
	return c.addWorkingDays("AddWorkingDays", d, n)
}

// addWorkingDays is AddWorkingDays for method op, whose errors name op.
func (c *Calendar) addWorkingDays(op string, d Date, n int) (Date, error) {
	i, ok := c.off(d)
	if !ok {
		return Date{}, c.argErr(op, "d", d)
	}
	var k int
	switch {
	case n > 0:
		if n > len(c.work) {
			return Date{}, c.stepErr(op, d, n)
		}
		k = int(c.cnt[i+1]) + n - 1
	case n < 0:
		if n < -len(c.work) {
			return Date{}, c.stepErr(op, d, n)
		}
		k = int(c.cnt[i]) + n
	default:
		return d, nil
	}
	if k < 0 || k >= len(c.work) {
		return Date{}, c.stepErr(op, d, n)
	}
	return Date{n: c.first + c.work[k]}, nil
}

// NextWorkingDay returns the first working day strictly after d. Cost: O(1). Errors: *RangeError.
func (c *Calendar) NextWorkingDay(d Date) (Date, error) {
	return c.addWorkingDays("NextWorkingDay", d, 1)
}

// PrevWorkingDay returns the last working day strictly before d. Cost: O(1). Errors: *RangeError.
func (c *Calendar) PrevWorkingDay(d Date) (Date, error) {
	return c.addWorkingDays("PrevWorkingDay", d, -1)
}

// Shift moves d by n units for publication deadlines (docs/calendar.md, P18): WorkingDays → AddWorkingDays
// ("date − N working days" is the N-th working day before the date, the date itself not counted);
// CalendarDays → d.AddDays(n) with no roll. Cost: O(1). Errors: *RangeError; *InputError for WorkingHours.
func (c *Calendar) Shift(d Date, n int, u Unit) (Date, error) {
	switch u {
	case WorkingDays:
		return c.addWorkingDays("Shift", d, n)
	case CalendarDays:
		if !c.Contains(d) {
			return Date{}, c.argErr("Shift", "d", d)
		}
		if n > int(c.ndays) || n < -int(c.ndays) || !c.Contains(d.AddDays(n)) {
			return Date{}, c.stepErr("Shift", d, n)
		}
		return d.AddDays(n), nil
	}
	return Date{}, &InputError{Op: "Shift", Field: "u", Value: u.String(), Reason: "want WorkingDays or CalendarDays"}
}
