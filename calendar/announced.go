package calendar

import "strings"

// Embedded civil-service schedules 2020–2026 (docs/calendar.md, Announced civil-service schedules, [Announced]). Each entry is one weekday off,
// one working weekend day, or a weekend day that carries a holiday (kind Holiday, so that Day can explain
// it), with its name and legal basis or source. Kept as a function returning fresh
// values so that the package holds no mutable global state.

// Holiday names (Vietnamese, as in the Labour Code).
const (
	nameNewYear    = "Tết Dương lịch"
	nameTet        = "Tết Nguyên đán"
	nameHung       = "Giỗ Tổ Hùng Vương"
	nameVictory    = "Ngày Chiến thắng"
	nameLabour     = "Ngày Quốc tế lao động"
	nameNational   = "Quốc khánh"
	prefixComp     = "Nghỉ bù "
	nameSwapOff    = "Nghỉ hoán đổi"
	nameMakeUpWork = "Làm bù"
)

// prefixCompEN is prefixComp in English (englishName).
const prefixCompEN = "Compensatory day off for "

// englishName returns the English name of a statutory or announced day named vi — a name above, optionally
// behind prefixComp and followed by a parenthesised note such as "(Sun 26/4)" or "(làm bù Sat 10/1)" — and
// whether the holiday is dated by the lunar calendar; "" for any other name (a caller's).
func englishName(vi string) (en string, lunar bool) {
	rest, comp := strings.CutPrefix(vi, prefixComp)
	base, suffix, hasSuffix := strings.Cut(rest, " (")
	switch base {
	case nameNewYear:
		en = "New Year's Day"
	case nameTet:
		en, lunar = "Lunar New Year (Tết)", true
	case nameHung:
		en, lunar = "Hùng Kings' Commemoration Day", true
	case nameVictory:
		en = "Victory Day"
	case nameLabour:
		en = "International Labour Day"
	case nameNational:
		en = "National Day"
	case nameSwapOff:
		en = "Swapped day off"
	case nameMakeUpWork:
		en = "Make-up working day"
	default:
		return "", false
	}
	if comp {
		en = prefixCompEN + en
	}
	if hasSuffix {
		en += " (" + strings.Replace(suffix, "làm bù", "made up on", 1)
	}
	return en, lunar
}

// Legal bases.
const (
	basisLC2012     = "Bộ luật Lao động 2012 (10/2012/QH13) art. 115"
	basisLC2019     = "Bộ luật Lao động 2019 (45/2019/QH14) art. 112(1)"
	basisLC2019Comp = "Bộ luật Lao động 2019 (45/2019/QH14) art. 111(3)"
	basisLC2019Tet  = "Bộ luật Lao động 2019 (45/2019/QH14) art. 112(1), (3)"
)

type announcedDay struct {
	date  string // YYYY-MM-DD
	kind  DayKind
	name  string
	basis string
}

// announcedYears lists the years covered by announcedDays, first and last.
const announcedFirst, announcedLast = 2020, 2026

func announcedDays() []announcedDay {
	const (
		src2020 = "; Tết layout for civil servants as reported by Sở Công Thương Đắk Lắk (socongthuong.daklak.gov.vn)"
		src2021 = "; layout as reported by the Consulate General in Vancouver (vnconsulate-vancouver.mofa.gov.vn)"
		cv2022  = "; Công văn 245/VPCP-KGVX of 11/1/2022"
		src2023 = "; Tết layout as reported by pld.net.vn"
		cv2024T = "; Công văn 8662/VPCP-KGVX (Tết 2024)"
		cv2024S = "; Công văn 2450/VPCP-KGVX (swap 29/4 ↔ 4/5/2024)"
		cv2025T = "; Công văn 8726/VPCP-KGVX (Tết 2025)"
		src2025 = "; swap 2/5 ↔ 26/4/2025 approved by the Prime Minister, as reported by vietnamplus.vn"
		tb2025N = "; Thông báo 6150/TB-BLĐTBXH (2024)"
		cv2026N = "; Công văn 12729/VPCP-KGVX (New Year swap 2/1 ↔ 10/1/2026)"
		src2026 = "; layout approved by the Prime Minister, as reported by thanhnien.vn"
	)
	return []announcedDay{
		// 2020 — Labour Code 2012 (National Day one day).
		{"2020-01-01", Holiday, nameNewYear, basisLC2012},
		{"2020-01-23", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-01-24", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-01-25", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-01-26", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-01-27", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-01-28", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-01-29", Holiday, nameTet, basisLC2012 + src2020},
		{"2020-04-02", Holiday, nameHung, basisLC2012},
		{"2020-04-30", Holiday, nameVictory, basisLC2012},
		{"2020-05-01", Holiday, nameLabour, basisLC2012},
		{"2020-09-02", Holiday, nameNational, basisLC2012},
		// 2021 — Labour Code 2019 from here on.
		{"2021-01-01", Holiday, nameNewYear, basisLC2019},
		{"2021-02-10", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-02-11", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-02-12", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-02-13", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-02-14", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-02-15", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-02-16", Holiday, nameTet, basisLC2019Tet + src2021},
		{"2021-04-21", Holiday, nameHung, basisLC2019},
		{"2021-04-30", Holiday, nameVictory, basisLC2019},
		{"2021-05-01", Holiday, nameLabour, basisLC2019},
		{"2021-05-03", Compensatory, prefixComp + nameLabour + " (Sat 1/5)", basisLC2019Comp},
		{"2021-09-02", Holiday, nameNational, basisLC2019},
		{"2021-09-03", Holiday, nameNational, basisLC2019Tet + src2021},
		// 2022
		{"2022-01-01", Holiday, nameNewYear, basisLC2019},
		{"2022-01-03", Compensatory, prefixComp + nameNewYear + " (Sat 1/1)", basisLC2019Comp},
		{"2022-01-31", Holiday, nameTet, basisLC2019Tet + cv2022},
		{"2022-02-01", Holiday, nameTet, basisLC2019Tet + cv2022},
		{"2022-02-02", Holiday, nameTet, basisLC2019Tet + cv2022},
		{"2022-02-03", Holiday, nameTet, basisLC2019Tet + cv2022},
		{"2022-02-04", Holiday, nameTet, basisLC2019Tet + cv2022},
		{"2022-04-10", Holiday, nameHung, basisLC2019},
		{"2022-04-30", Holiday, nameVictory, basisLC2019},
		{"2022-05-01", Holiday, nameLabour, basisLC2019},
		{"2022-04-11", Compensatory, prefixComp + nameHung + " (Sun 10/4)", basisLC2019Comp},
		{"2022-05-02", Compensatory, prefixComp + nameVictory + " (Sat 30/4)", basisLC2019Comp},
		{"2022-05-03", Compensatory, prefixComp + nameLabour + " (Sun 1/5)", basisLC2019Comp},
		{"2022-09-01", Holiday, nameNational, basisLC2019Tet},
		{"2022-09-02", Holiday, nameNational, basisLC2019},
		// 2023
		{"2023-01-01", Holiday, nameNewYear, basisLC2019},
		{"2023-01-02", Compensatory, prefixComp + nameNewYear + " (Sun 1/1)", basisLC2019Comp},
		{"2023-01-20", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-01-21", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-01-22", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-01-23", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-01-24", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-01-25", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-01-26", Holiday, nameTet, basisLC2019Tet + src2023},
		{"2023-04-29", Holiday, nameHung, basisLC2019},
		{"2023-04-30", Holiday, nameVictory, basisLC2019},
		{"2023-05-01", Holiday, nameLabour, basisLC2019},
		{"2023-05-02", Compensatory, prefixComp + nameHung + " (Sat 29/4)", basisLC2019Comp},
		{"2023-05-03", Compensatory, prefixComp + nameVictory + " (Sun 30/4)", basisLC2019Comp},
		{"2023-09-01", Holiday, nameNational, basisLC2019Tet},
		{"2023-09-02", Holiday, nameNational, basisLC2019},
		{"2023-09-04", Compensatory, prefixComp + nameNational + " (Sat 2/9)", basisLC2019Comp},
		// 2024
		{"2024-01-01", Holiday, nameNewYear, basisLC2019},
		{"2024-02-08", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-02-09", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-02-10", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-02-11", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-02-12", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-02-13", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-02-14", Holiday, nameTet, basisLC2019Tet + cv2024T},
		{"2024-04-18", Holiday, nameHung, basisLC2019},
		{"2024-04-29", SwapOff, nameSwapOff + " (làm bù Sat 4/5)", "Decision 188/1999/QĐ-TTg" + cv2024S},
		{"2024-04-30", Holiday, nameVictory, basisLC2019},
		{"2024-05-01", Holiday, nameLabour, basisLC2019},
		{"2024-05-04", MakeUpWork, nameMakeUpWork + " (for Mon 29/4)", "Decision 188/1999/QĐ-TTg" + cv2024S},
		{"2024-09-02", Holiday, nameNational, basisLC2019},
		{"2024-09-03", Holiday, nameNational, basisLC2019Tet},
		// 2025
		{"2025-01-01", Holiday, nameNewYear, basisLC2019},
		{"2025-01-27", Holiday, nameTet, basisLC2019Tet + cv2025T},
		{"2025-01-28", Holiday, nameTet, basisLC2019Tet + cv2025T},
		{"2025-01-29", Holiday, nameTet, basisLC2019Tet + cv2025T},
		{"2025-01-30", Holiday, nameTet, basisLC2019Tet + cv2025T},
		{"2025-01-31", Holiday, nameTet, basisLC2019Tet + cv2025T},
		{"2025-04-07", Holiday, nameHung, basisLC2019},
		{"2025-04-26", MakeUpWork, nameMakeUpWork + " (for Fri 2/5)", "Decision 188/1999/QĐ-TTg" + src2025},
		{"2025-04-30", Holiday, nameVictory, basisLC2019},
		{"2025-05-01", Holiday, nameLabour, basisLC2019},
		{"2025-05-02", SwapOff, nameSwapOff + " (làm bù Sat 26/4)", "Decision 188/1999/QĐ-TTg" + src2025},
		{"2025-09-01", Holiday, nameNational, basisLC2019Tet + tb2025N},
		{"2025-09-02", Holiday, nameNational, basisLC2019 + tb2025N},
		// 2026
		{"2026-01-01", Holiday, nameNewYear, basisLC2019},
		{"2026-01-02", SwapOff, nameSwapOff + " (làm bù Sat 10/1)", "Decision 188/1999/QĐ-TTg" + cv2026N},
		{"2026-01-10", MakeUpWork, nameMakeUpWork + " (for Fri 2/1)", "Decision 188/1999/QĐ-TTg" + cv2026N},
		{"2026-02-16", Holiday, nameTet, basisLC2019Tet + src2026},
		{"2026-02-17", Holiday, nameTet, basisLC2019Tet + src2026},
		{"2026-02-18", Holiday, nameTet, basisLC2019Tet + src2026},
		{"2026-02-19", Holiday, nameTet, basisLC2019Tet + src2026},
		{"2026-02-20", Holiday, nameTet, basisLC2019Tet + src2026},
		{"2026-04-26", Holiday, nameHung, basisLC2019},
		{"2026-04-27", Compensatory, prefixComp + nameHung + " (Sun 26/4)", basisLC2019Comp + src2026},
		{"2026-04-30", Holiday, nameVictory, basisLC2019},
		{"2026-05-01", Holiday, nameLabour, basisLC2019},
		{"2026-08-22", MakeUpWork, nameMakeUpWork + " (for Mon 31/8)", "Decision 188/1999/QĐ-TTg" + src2026},
		{"2026-08-31", SwapOff, nameSwapOff + " (làm bù Sat 22/8)", "Decision 188/1999/QĐ-TTg" + src2026},
		{"2026-09-01", Holiday, nameNational, basisLC2019Tet + src2026},
		{"2026-09-02", Holiday, nameNational, basisLC2019},
	}
}
