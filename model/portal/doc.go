// Package portal reads and writes the legacy exchange payloads of Vietnam's
// National Public Service Portal (Cổng DVCQG): the dossier sync service
// DongBoHoSoMC and the timeline service CapNhatTienDoHoSoMC (docs/data.md,
// Dossier payload, Timeline steps). These payloads feed the service-quality index of Decision
// 766/QĐ-TTg.
//
// # Format
//
// A payload is a JSON object {"service": "<name>", …params, "data": [ … ]} or
// a bare array. Every value of a legacy record is a JSON string; dates are
// yyyyMMddHHmmss in Vietnam time (UTC+07:00). Readers are tolerant, as the
// spec requires: dates may also be ISO 8601 (with or without fraction or
// offset) or dd/MM/yyyy HH:mm:ss (ParseTime; text without an offset is
// Vietnam time); JSON numbers, booleans and null are accepted where a string
// is expected; "", null and a missing key all mean absent; a nested list may
// also arrive as a string holding JSON. Unknown keys are kept verbatim in the
// records' Extra fields (in input order) for lossless re-sending.
//
// Writers (Encoder) emit strings only and omit absent optional fields
// (whether the portal prefers "" is unverified; docs/data.md, Transport and
// value encoding). Codes are written with their raw text, so decode → encode →
// decode is the identity on every known field; times lose sub-second precision.
//
// # Streaming and errors
//
// DecodeDossiers, DecodeSteps and DecodeProcedures return an iter.Seq2 over an
// io.Reader and hold one record at a time. DecodeDossiers reads each record
// once: its text is copied once into a string (sized from the records before;
// no framing pass) and a validating parser checks its grammar while decoding
// every field (unescaped strings are substrings of the record, nested lists are
// decoded in place from a per-decoder slab, dates parsed without allocation).
// DecodeSteps and the chunks of SplitDossiers — which cuts a payload into
// chunks of whole records for decoding on several goroutines — first delimit
// each record with a framer (following strings and brackets only). A
// leading UTF-8 byte order mark is skipped; UTF-16 input is an error wrapping
// ErrUTF16. A decoder holds one record at a time: a 2 GB export decodes in
// memory that does not grow with the file. That holds for hostile input too: no
// record longer than the record limit (MaxRecordBytes, default 1 MiB) and
// no other single value of the envelope longer than it is ever buffered —
// reading stops at the limit with an error wrapping ErrTooLarge that ends
// the sequence — so a decoder holds at most about three times the limit (a
// window of up to twice the limit and one record's copy), whatever the input. A value of a record longer than the field limit (MaxFieldBytes,
// default 256 KiB) is a record error naming the field.
//
// A record with a bad value yields a *RecordError (record index, MaHoSo,
// field path, cause wrapping ErrBadDate, ErrBadNumber, ErrBadFlag,
// ErrBadType, ErrNotObject, ErrBadCode, ErrDuplicateField, ErrInvalidUTF8 or
// ErrTooLarge) and decoding goes on with the next record; the caller decides
// to skip and report, or to stop by breaking the loop. A key repeated within
// one object (the record, or a nested file, fee, supplement …) is an error
// naming the key, never "last value wins". Text must be UTF-8: invalid bytes
// and escaped lone surrogates are an error, never replaced by U+FFFD (which
// would merge distinct codes). Malformed JSON yields an error wrapping
// ErrSyntax and ends the sequence; so does a second "data" array in the
// envelope (also wrapping ErrDuplicateField), after the records of the
// first. An error that ends the sequence has RecordError.Terminal set
// (IsTerminal). No input makes the decoders panic (fuzzed, and fuzzed against
// the previous decoder kept as a test oracle).
//
// # Sync status
//
// A dossier read from a DongBoHoSoMC payload was sent to the portal (the
// payload is what a local system sends), and the payload carries no
// per-record sync answer: DecodeDossiers sets Dossier.Sync to a sending at
// the reception time (NgayTiepNhan, else NgayNopHoSo) with ErrorCode ""
// (accepted), so that 1.4 counts it as synced; with neither date Sync stays
// absent. This is the policy "payload_sync", on by default; the option
// PayloadSync(false) turns it off for a local export in the payload's format
// of dossiers that were not all sent.
//
// # Local extension keys
//
// Values the legacy payload lacks but local systems keep are read and written
// under these keys when present: MaHoSoKhac (aliases, ';'-separated), IdHoSo,
// MaTruongHop, MaDonVi (the handling unit; otherwise derived from the MaHoSo
// prefix by UnitFromCode), HanTiepNhan, KetQuaDongBoKho, LoaiBoSung (on a
// supplement) and DonViChuyen, DonViNhan, SuKienThuc (on a step; SuKienThuc
// "0" marks a step fabricated from the dossier dates).
package portal
