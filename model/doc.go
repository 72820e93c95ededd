// Package model holds the records and codes of Vietnam's administrative-procedure
// services in the vocabulary of the National Public Service Portal (Cổng Dịch vụ
// công quốc gia, Cổng DVCQG), as used to compute the service-quality index of
// Decision 766/QĐ-TTg (2022). It has no I/O: codecs live in model/portal
// (legacy DongBoHoSoMC / CapNhatTienDoHoSoMC payloads) and model/csvio (flat
// CSV), data-quality checks in model/quality.
//
// # Legal basis and sources
//
// The records follow the portal's exchange model as rebuilt in the project's
// handbook (docs/data.md) from open implementations and the circulating formula document
// "Mô tả công thức tính chỉ số 766": dossiers (hồ sơ), timeline steps,
// procedures (thủ tục hành chính, TTHC) of the national database, per-unit
// online-service offerings (Decree 42/2022/NĐ-CP levels một phần and toàn
// trình), publication data for group 1 (Decree 63/2010/NĐ-CP art. 8(2) items
// a–g and art. 15), petitions (phản ánh, kiến nghị) and ratings, and the
// two-tier unit hierarchy in force since 1 July 2025.
//
// # Representation choices
//
//   - Times: optional instants are Time{T, Valid}; the zero value is absent and
//     a zero time.Time never means absent. Vietnam time is the fixed UTC+07:00
//     zone returned by Vietnam(); time.Local is never used.
//   - Flags: the portal's 0/1 flags are the tri-state Flag (absent, false, true).
//   - Codes: one type per code list (Status, Channel, ApplicantType,
//     ReturnMethod, OnlinePayment, OnlineLevel, DurationUnit, UnitKind,
//     PetitionCategory, PublishedState, plus the local lists SupplementKind,
//     PublicationKind, PetitionEventKind, RatingLevel). A value keeps the raw
//     text and a canonical code. Following the handbook (docs/data.md, Code lists), String returns the
//     raw text so that re-encoding is lossless; Label gives the Vietnamese label
//     and LabelEN the English one (the issue text asked String for the label;
//     the handbook's rule was chosen). Parsing never fails: unknown text yields
//     the type's Unknown code and Known() == false. Compare canonical codes
//     with Code() or Is(): "09" and "9" are the same status.
//   - Money is integer VND (int64); counts are int64.
//
// # Policies (defaults, documented where applied)
//
//   - Dossier.Received: NgayTiepNhan, else NgayNopHoSo ([Doc] rule). Use
//     ReceivedAt directly to avoid the fallback.
//   - OnlinePayment.PaidOnline: true for codes 1 and 2 only; the meaning of 0
//     and 3 is unknown and they count as not paid online (docs/data.md, Code lists).
//   - OnlineLevel: raw "1" and "2" read as information only, "3" partial, "4"
//     full (customary legacy mapping, unverified).
//   - Procedure.CitizenFacing: one of the three citizen applicant kinds
//     suffices.
//   - Absent Channel: left absent here; the 3.3 rule counts it as direct
//     (docs/rules.md, 3.3), which is a calculator policy.
//   - Unit attribution: Dossier.UnitID comes from the payload's local MaDonVi
//     key, else from the prefix of MaHoSo (codecs).
//
// Records are plain values with exported fields; methods are cheap and do not
// allocate unless documented. Nothing here panics on any input.
package model
