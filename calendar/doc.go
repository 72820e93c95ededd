// Package calendar is the working-day calendar and deadline engine used to date Vietnamese
// administrative-procedure dossiers (hồ sơ thủ tục hành chính) as the National Public Service Portal does.
//
// # Legal basis
//
// Working days follow the civil-service rest pattern — Saturday and Sunday off (Decision 188/1999/QĐ-TTg) —
// and the statutory holidays: Labour Code 2019 (45/2019/QH14) art. 112(1) from 2021 (11 days: 1/1, five Tết
// days, 10/3 lunar, 30/4, 1/5, 2/9 plus an adjacent day) and Labour Code 2012 art. 115 before (10 days,
// 2/9 only). A holiday on a weekly rest day gives a compensatory day (nghỉ bù, art. 111(3)). Each year the
// Prime Minister approves, by a Government Office letter (công văn), the civil-service layout: Tết days,
// the second National Day day, compensatory days and day swaps (hoán đổi, make-up Saturdays). The 2020–2026
// layouts are embedded with their legal basis; they override rule-derived days. Time limits follow the Civil
// Code 2015 arts. 144–148 (the first day is not counted; a limit in days ends at 24:00 of its last day; a
// last day off rolls to the next working day) and Decree 61/2018/NĐ-CP arts. 17–20 (15:00 forwarding
// cut-off, supplements restart the clock, at most one rescheduling), Circular 01/2018/TT-VPCP art. 13
// (early / on time / late). Decree 118/2025/NĐ-CP replaced Decree 61/2018 from 2025-07-01; its articles on
// receipt, supplements and rescheduling are not yet reflected [Open], so the 61/2018 mechanics are the
// baseline, each configurable. docs/calendar.md tells the whole story: holidays, the lunar calendar, office
// hours and the deadline policies P1–P18.
//
// Official time is UTC+7 (Zone). Tết and Giỗ Tổ Hùng Vương (10/3 lunar) come from package calendar/lunar.
//
// # Policies
//
// Every choice the law leaves open is a named value with a recommended default (docs/calendar.md, Deadline
// policies):
//
//   - Provisional years: a year without an announced schedule is built from the rules and flagged
//     (Calendar.Provisional, DayInfo.Provisional). Tết = the last day of the old lunar year plus days 1–4 of
//     month 1; the second National Day day is 1/9, or 3/9 when 2/9 is a Monday or a Thursday.
//   - Compensatory days: in date order, each holiday on Saturday or Sunday gives off the first later
//     working day that is not a holiday or already compensatory. Coinciding holidays count once.
//   - Holiday set (P17): LabourCode2019From; caller holidays as data (HolidayRule, e.g. 24/11 from its
//     effective date — not shipped by default). Announced data wins over rules (P16); overlays win over both.
//   - Office hours (P5): DefaultOfficeHours 07:00–11:30, 13:30–17:00; per-weekday override (OfficeHours).
//   - Instants outside office hours (P6): see Calendar.AddWorkingHours.
//   - Saturday reception (P7): OverlayReception marks reception-only days; they are not processing days.
//   - Deadline policies P1, P3, P4, P10, P12, P14, P15: fields of DeadlinePolicy, whose zero value is
//     DefaultDeadlinePolicy(). P2 (non-working receipt → next working day), P8 (Unit), P9 (Amount 0 → due
//     on the deemed receipt day), P11 (Calendar.Exclude), P13 (Calendar.ClassifyRefusal) are fixed behaviours.
//   - Publication deadlines (P18): DefaultPublicationUnit with Calendar.Shift.
//
// # Cost
//
// New builds per-day prefix counts once (O(days), ≈1.5 MB for 1900–2100). Afterwards the working-day
// methods, DateOf, Start, WorkingHoursBetween and Judgement.Classify are O(1) without allocation, in
// integer arithmetic wherever the zone's offset is constant (FixedOffset; always for Zone()), with the
// time.Location path's results; AddWorkingHours is O(log k) for a result k days ahead. A Calendar is
// immutable and safe for concurrent use; the package has no mutable global state and never reads the
// clock (callers pass as-of instants, e.g. to JudgeAt).
//
// # Errors
//
// Dates or results outside the built range return *RangeError (errors.Is ErrOutOfRange), which names the
// method the caller called (Op), the argument outside the range (Arg, Date, and Time for an instant) or,
// when the result would leave the range, its start and step (Arg "result", N or Hours); instants too far
// out for a date (beyond ±5,000,000 years) fail the same way instead of wrapping. Malformed input returns
// *InputError (errors.Is ErrInvalid) naming the field. No exported function panics on bad input.
package calendar

// DefaultPublicationUnit is the unit of publication deadlines (docs/calendar.md, P18): working days, as in
// the national portal's indicator formula. The alternative is CalendarDays (current decree text).
const DefaultPublicationUnit = WorkingDays
