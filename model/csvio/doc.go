// Package csvio reads and writes flat CSV layouts of dossiers, procedures and
// petitions, for users who export their data from a database rather than from
// the National Public Service Portal's payloads. The records are those of
// package model (Decision 766/QĐ-TTg vocabulary; docs/data.md).
//
// # Format
//
// RFC 4180 CSV as encoding/csv reads it (quoted cells with "" and line
// breaks, "\r\n" read as "\n", empty lines skipped), UTF-8, a header row and
// one record per line. The delimiter is ',' or ';': a header line with more
// ';' than ',' outside quotes makes the file ';'-delimited (what a spreadsheet
// saves under a Vietnamese or European locale). Columns are matched by header
// name, in any order; unknown columns are ignored, missing columns leave their
// fields absent, a UTF-8 byte-order mark on the first header is ignored; a
// UTF-16 file is an error wrapping portal.ErrUTF16. The key column ("code" for dossiers and
// procedures, "id" for petitions) is required and may not be empty.
//
// Cells: "" is absent. Times are read as by portal.ParseTime (yyyyMMddHHmmss,
// ISO 8601, dd/MM/yyyy HH:mm:ss; no offset = Vietnam time) and written as
// RFC 3339 in Vietnam time (2026-08-03T09:30:00+07:00, fraction kept). Flags
// are 1/0 (true/false accepted). Codes are written with their raw text. Money
// is integer VND. List cells hold items separated by ';'; an item with several
// parts separates them with '|' (items may not contain ';' or '|').
//
// Dossier layout (DossierColumns):
//
//	code                      MaHoSo (required)
//	aliases                   other codes, ';'-separated
//	national_id               IdHoSo
//	procedure_code            MaTTHC
//	procedure_name            TenTTHC
//	case_code                 procedure case
//	unit_id                   handling unit code
//	field_code                MaLinhVuc
//	channel                   KenhThucHien (1 direct, 2 online, 3 postal)
//	submitted_via             NoiNopHoSo
//	applicant_type            LoaiDoiTuong (1..4)
//	applicant_ids             DinhDanhCHS items kind|number
//	summary                   TrichYeuHoSo
//	submitted_at              NgayNopHoSo
//	receive_deadline          HanTiepNhan
//	received_at               NgayTiepNhan
//	due_at                    NgayHenTra
//	rejected_at               NgayTuChoi
//	processing_ended_at       NgayKetThucXuLy
//	result_returned_at        NgayTra
//	status                    TrangThaiHoSo (1..10 or alias)
//	return_method             HinhThuc
//	has_digitised_components  HoSoCoThanhPhanSoHoa (flag)
//	vneid_authenticated       TaiKhoanDuocXacThucVoiVNeID (flag)
//	online_payment            DuocThanhToanTrucTuyen (0..3)
//	result_synced_to_store    result synced to the citizen's store (flag)
//	files                     TaiLieuNop items component|url|digitised|from_store
//	results                   DanhSachGiayToKetQua items result_code|url
//	fees                      DanhSachLePhi items fee_code|amount (empty amount = unknown, Fee.AmountUnknown)
//	supplements               DanhSachHoSoBoSung items requested|resubmitted|due_before|due_after
//	databases                 DSKetNoiCSDL codes, ';'-separated
//	sync_sent_at              Sync.SentAt: when the dossier was last sent to the portal (local)
//	sync_updating             Sync.Updating: the isUpdating parameter used (flag)
//	sync_error_code           Sync.ErrorCode: the portal's error_code ("0" success; group 1.4)
//	sync_message              Sync.Message: the portal's message
//
// Procedure layout (ProcedureColumns):
//
//	code                      MATTHC (required)
//	name, type, state         TENTTHC, LOAITTHC, TRANGTHAI
//	fields, agencies          field and agency codes, ';'-separated
//	applicants                applicant kinds (TENDOITUONG), ';'-separated
//	durations                 items channel|amount|unit|no_due_date (unit: Giờ, Ngày, Ngày làm việc, Tháng)
//	fees                      items channel|fee_code|amount (empty amount = null)
//	results                   result codes (MAKETQUA), ';'-separated
//	paper_result              requires a paper result (1/0)
//	full_online_eligible      eligible for full online (1/0)
//	population_db_connected   connected to the population database (1/0)
//	publication_decision_id   IDQUYETDINHCONGBO
//	publisher_code            MACOQUANCONGBO (issuing unit when a publication names none)
//	publications              items decision_id|decision_date|kind|issuer|legal_effective|published_at|components[|issuer_code],
//	                          components = 7 characters 0/1 for items a b c d đ e g; issuer is the unit
//	                          kind (PROVINCE, MINISTRY), issuer_code the issuing unit's code (optional
//	                          8th part: 7-part items, as written before it existed, still decode)
//
// Petition layout (PetitionColumns):
//
//	id                        petition id (required)
//	unit_id, title            handling unit, title
//	received_at               first-received time
//	forwarded_at              last forwarding time
//	category                  PETITION_CLASSIFICATION_TTHC / _STAFF or a label
//	dossier_code              related dossier
//	likes, dislikes           counts
//	repeated                  repeated-complaint flag (1/0)
//	events                    items at|kind|note
//
// Further layouts for the data calculators need next to dossiers: timeline
// steps (StepColumns), per-unit offerings (OfferingColumns), units
// (UnitColumns) and dossier ratings (RatingColumns); see their functions.
//
// # Compatibility
//
// Layouts only grow: new columns are added at the end of a layout and new item
// parts at the end of an item, optional. A file written before a column existed
// still decodes (the field is absent); the writer omits an empty optional
// trailing part (publications without an issuer code are written with 7 parts).
//
// # Streaming and errors
//
// Decoders return an iter.Seq2 over an io.Reader and hold one row at a time;
// a row is read in one pass, copied once into a string whose substrings its
// cells are, and list cells take their slices from a per-decoder slab (about
// one allocation per row in all). SplitDossiers cuts a dossier file into
// chunks of whole rows for decoding on several goroutines. A bad cell yields
// the partly read record with a *RecordError (row index, line, key, the CSV
// column's name, cause) and reading continues; the caller chooses to skip
// and report or to stop. Cells must be UTF-8: a mapped cell with invalid
// bytes is a record error wrapping portal.ErrInvalidUTF8 (never replaced by
// U+FFFD, never passed through to merge with another code). A cell longer
// than the field limit (MaxFieldBytes, default 256 KiB) is a record error
// wrapping ErrTooLarge naming the column. A CSV syntax error, an I/O error, a
// bad header, or a row longer than the record limit (MaxRecordBytes, default
// 1 MiB, quoted line breaks included; ErrTooLarge) ends the sequence: that
// error has RecordError.Terminal set (IsTerminal); a header error has Index
// -1 and reads "csvio: header (line 1) …". Reading
// stops at the record limit, so memory does not grow with the file even when
// a stray quote turns the rest of it into one field: a decoder holds at most
// about twice the record limit plus one read. Writers buffer; call Flush at the end.
package csvio
