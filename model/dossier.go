package model

// Dossier is one administrative-procedure dossier (hồ sơ TTHC) in the portal's
// vocabulary (DongBoHoSoMC data[]; docs/data.md, Dossier payload). Payload key names are
// given in brackets. Optional times are Time values whose zero value is absent;
// codes keep their raw text. A Dossier is plain data: copying it copies slice
// headers, not their elements.
//
// Field order is for speed only: the fields the indicator calculators read on
// every dossier (identity, channel, status, times, the lists they scan, the
// flags) come first, in the first 568 bytes of the 1 KB struct (amd64),
// so judging a dossier touches few cache lines; descriptive fields follow.
// Always use keyed composite literals (go vet's composites check): the order
// may change again.
type Dossier struct {
	// Code is the primary dossier code [MaHoSo], "{unit id}-{yyMMdd}-{NNNN}".
	Code string
	// UnitID is the handling unit's code (e.g. "H44.03" or "000.00.01.H22").
	// Codecs fill it from [MaDonVi] when present, else from the prefix of Code
	// before "-{yyMMdd}-{NNNN}".
	UnitID string
	// ProcedureCode is the procedure code [MaTTHC], national or local variant.
	ProcedureCode string
	// Channel is the submission channel [KenhThucHien].
	Channel Channel
	// Status [TrangThaiHoSo].
	Status Status

	// SubmittedAt [NgayNopHoSo].
	SubmittedAt Time
	// ReceivedAt is the reception (acceptance) time [NgayTiepNhan].
	ReceivedAt Time
	// DueAt is the appointment (due) time [NgayHenTra]; may be absent.
	DueAt Time
	// ProcessingEndedAt is the end of processing [NgayKetThucXuLy].
	ProcessingEndedAt Time
	// ResultReturnedAt is the result hand-over time [NgayTra].
	ResultReturnedAt Time
	// RejectedAt [NgayTuChoi].
	RejectedAt Time
	// ReceiveDeadline is submission + 8 working hours [HanTiepNhan, local].
	ReceiveDeadline Time

	// Supplements are supplement requests / pauses [DanhSachHoSoBoSung].
	Supplements []Supplement
	// Steps is the timeline (CapNhatTienDoHoSoMC), attached by the caller.
	Steps []Step
	// Results are the result documents [DanhSachGiayToKetQua].
	Results []ResultDoc
	// Fees are the fee lines [DanhSachLePhi].
	Fees []Fee
	// Files are the submitted files [TaiLieuNop].
	Files []File
	// Databases are the connected national database codes [DSKetNoiCSDL MaCSDL].
	Databases []string
	// OnlinePayment [DuocThanhToanTrucTuyen].
	OnlinePayment OnlinePayment
	// HasDigitisedComponents [HoSoCoThanhPhanSoHoa].
	HasDigitisedComponents Flag
	// VNeIDAuthenticated [TaiKhoanDuocXacThucVoiVNeID].
	VNeIDAuthenticated Flag
	// ResultSyncedToStore records that the electronic result was synced to the
	// applicant's data store on the portal (4.5); local, not in the legacy
	// payload [KetQuaDongBoKho].
	ResultSyncedToStore Flag
	// Sync is what was last sent to the portal.
	Sync SyncInfo

	// Descriptive fields, rarely read by the calculators.

	// Aliases are other codes of the same dossier (local codes, [MaHoSoKhac]);
	// lookups search Code and Aliases.
	Aliases []string
	// NationalID is the portal's dossier id of the newer API [IdHoSo].
	NationalID string
	// ProcedureName is the procedure name [TenTTHC].
	ProcedureName string
	// CaseCode is the procedure case (trường hợp) when known locally [MaTruongHop].
	CaseCode string
	// FieldCode and FieldName are the procedure's field [MaLinhVuc, TenLinhVuc].
	FieldCode, FieldName string
	// SubmittedVia is where the dossier was submitted [NoiNopHoSo]; meaning
	// unverified (1 = portal, 2 = local system?), kept as raw text.
	SubmittedVia string
	// ApplicantType is the applicant type [LoaiDoiTuong].
	ApplicantType ApplicantType
	// ApplicantIDs are the applicant identifiers [DinhDanhCHS].
	ApplicantIDs []ApplicantID
	// ReceiptNo [SoBienNhan], ApplicantName [ChuHoSo], ApplicantAccount
	// [MaDoiTuong], ApplicantDocNo [SoGiayToChuHoSo].
	ReceiptNo, ApplicantName, ApplicantAccount, ApplicantDocNo string
	// Contact fields [ThongTinKhac, Email, Fax, SoDienThoai].
	OtherInfo, Email, Fax, Phone string
	// Summary [TrichYeuHoSo], ≤ 1000 chars.
	Summary string
	// HandlingAgency is the agency name [DonViXuLy]; Note [GhiChu];
	// ReturnNote [ThongTinTra].
	HandlingAgency, Note, ReturnNote string
	// ReturnMethod [HinhThuc].
	ReturnMethod ReturnMethod
	// OtherDocs are other paper documents [DanhSachTepDinhKemKhac].
	OtherDocs []OtherDoc
	// Payments are payment transactions known locally (not in the legacy
	// payload).
	Payments []Payment
	// Extra keeps unknown payload keys verbatim, in input order, for lossless
	// re-sending.
	Extra []RawField
}

// RawField is an unknown key with its raw JSON value, kept verbatim.
type RawField struct {
	// Key is the JSON object key.
	Key string
	// Value is the raw JSON value (string, number, object, ...).
	Value []byte
}

// ApplicantID is one applicant identifier [DinhDanhCHS].
type ApplicantID struct {
	// Kind [LoaiDinhDanh]: "1" = 12 digits, "2" = 9 digits (inferred,
	// unverified); raw text.
	Kind string
	// Number [SoDinhDanh].
	Number string
}

// File is a submitted file [TaiLieuNop].
type File struct {
	// ID [TepDinhKemId], Name [TenTepDinhKem], ComponentCode [MaThanhPhanHoSo],
	// URL [DuongDanTaiTepTin], ReplacedResultCode [MaKetQuaThayThe].
	ID, Name, ComponentCode, URL, ReplacedResultCode string
	// Deleted [IsDeleted].
	Deleted Flag
	// Digitised [DuocSoHoa]: 1 = reused digitised data (4.3).
	Digitised Flag
	// Reused [DuocTaiSuDung] is "0"/"1"/"2"; raw text (meaning of 2 unverified).
	Reused string
	// FromStore [DuocLayTuKhoDMQG]: taken from the citizen's store (4.4, 4.5).
	FromStore Flag
	// Extra keeps unknown keys.
	Extra []RawField
}

// ResultDoc is a result document [DanhSachGiayToKetQua].
type ResultDoc struct {
	// Name [TenGiayTo], ComponentCode [MaThanhPhanHoSo], ID [GiayToId],
	// URL [DuongDanTepTinKetQua], Code [MaGiayToKetQua] (= procedure MAKETQUA).
	Name, ComponentCode, ID, URL, Code string
	// Extra keeps unknown keys.
	Extra []RawField
}

// Electronic reports whether the result is electronic: it has a result code and
// a file link (docs/data.md, Sub-objects). It does not allocate.
func (r ResultDoc) Electronic() bool { return r.Code != "" && r.URL != "" }

// Fee is a fee line [DanhSachLePhi].
type Fee struct {
	// Name [TenPhiLePhi], Code [MaPhiLePhi].
	Name, Code string
	// Method [HinhThucThu]: raw; 1 = on reception, 2 = on supplement, 4 = on
	// result (unverified).
	Method string
	// Amount [Gia] in VND.
	Amount int64
	// AmountUnknown: Gia was absent, null or empty, so the line is an obligation of unknown size (Amount
	// is then 0 and means nothing). The zero value is a given amount, so records built without it read
	// as before; decoders set it.
	AmountUnknown bool
	// Kind [LoaiPhiLePhi]: raw; 1 ordinary, 2 appraisal/licence, 3 renewal
	// (unverified).
	Kind string
	// Extra keeps unknown keys.
	Extra []RawField
}

// OtherDoc is another paper document [DanhSachTepDinhKemKhac].
type OtherDoc struct {
	// Name [TenGiayTo], Quantity [SoLuong] (raw), Kind [LoaiGiayTo].
	Name, Quantity, Kind string
	// Extra keeps unknown keys.
	Extra []RawField
}

// Payment is a locally known payment transaction (not in the legacy payload).
type Payment struct {
	// At is the payment time.
	At Time
	// Amount in VND.
	Amount int64
	// Via is the payment route.
	Via OnlinePayment
	// TransactionID is the payment platform's reference.
	TransactionID string
}

// Supplement is a pause record [DanhSachHoSoBoSung]: request, resubmission and
// the due date before and after.
type Supplement struct {
	// Kind is what paused the dossier (local; the legacy payload only carries
	// document supplements, so decoders leave it unknown).
	Kind SupplementKind
	// ID [HoSoBoSungId], RequestedBy [NguoiYeuCauBoSung], Reason
	// [NoiDungBoSung], ReceivedBy [NguoiTiepNhanBoSung], ReceptionNote
	// [ThongTinTiepNhan], State [TrangThaiBoSung] (raw).
	ID, RequestedBy, Reason, ReceivedBy, ReceptionNote, State string
	// RequestedAt [NgayBoSung].
	RequestedAt Time
	// ResubmittedAt [NgayTiepNhanBoSung].
	ResubmittedAt Time
	// DueBefore [NgayHenTraTruoc], DueAfter [NgayHenTraMoi].
	DueBefore, DueAfter Time
	// Documents [DanhSachGiayToBoSung] is kept as raw JSON: its shape is not
	// documented.
	Documents []byte
	// Fees [DanhSachLePhiBoSung].
	Fees []Fee
	// Extra keeps unknown keys.
	Extra []RawField
}

// Step is one timeline step (CapNhatTienDoHoSoMC data[]; docs/data.md, Timeline steps).
type Step struct {
	// DossierCode [MaHoSo].
	DossierCode string
	// At is the time of the step [ThoiDiemXuLy].
	At Time
	// Officer [NguoiXuLy], Title [ChucDanh], Department [PhongBanXuLy],
	// Action [NoiDungXuLy].
	Officer, Title, Department, Action string
	// Status after the step [TrangThai].
	Status Status
	// StartedAt [NgayBatDau], Deadline [NgayKetThucTheoQuyDinh].
	StartedAt, Deadline Time
	// FromUnit, ToUnit are local transfer information [DonViChuyen, DonViNhan].
	FromUnit, ToUnit string
	// RealEvent is false for steps fabricated from the dossier dates. Decoders
	// set it true unless the local key [SuKienThuc] is "0".
	RealEvent bool
	// Extra keeps unknown keys.
	Extra []RawField
}

// SyncInfo is what was last sent to the portal for a dossier (local data).
type SyncInfo struct {
	// SentAt is when the dossier was last sent.
	SentAt Time
	// Updating is the isUpdating parameter used.
	Updating Flag
	// ErrorCode and Message are the portal's error_code and message.
	ErrorCode, Message string
}

// Received returns the reception time NgayTiepNhan, or NgayNopHoSo when it is
// absent (the [Doc] rule; docs/rules.md, Reception). The result is absent when both are.
// Calculators that must not use the fallback read ReceivedAt directly. It does
// not allocate.
func (d *Dossier) Received() Time {
	if d.ReceivedAt.Valid {
		return d.ReceivedAt
	}
	return d.SubmittedAt
}

// HasCode reports whether code is the dossier's Code or one of its Aliases.
func (d *Dossier) HasCode(code string) bool {
	if code == d.Code {
		return true
	}
	for _, a := range d.Aliases {
		if a == code {
			return true
		}
	}
	return false
}

// FeeBearing reports whether some fee line has a positive amount (3.6 drops
// dossiers whose every Gia is 0). A line of unknown amount is not counted here:
// OwesFee is the decided reading. It does not allocate.
func (d *Dossier) FeeBearing() bool {
	for i := range d.Fees {
		if d.Fees[i].Amount > 0 {
			return true
		}
	}
	return false
}

// OwesFee reports whether some fee line has a positive amount or, when
// unknownOwed, an unknown one (Fee.AmountUnknown: an obligation of unknown
// size; docs/rules.md, 3.6). It does not allocate.
func (d *Dossier) OwesFee(unknownOwed bool) bool {
	for i := range d.Fees {
		if f := &d.Fees[i]; f.Amount > 0 && !f.AmountUnknown || unknownOwed && f.AmountUnknown {
			return true
		}
	}
	return false
}

// HasElectronicResult reports whether some result document has a result code
// and a file link (4.1). It does not allocate.
func (d *Dossier) HasElectronicResult() bool {
	for i := range d.Results {
		if d.Results[i].Electronic() {
			return true
		}
	}
	return false
}

// HasResultFile reports whether some result document has a file link (4.2).
func (d *Dossier) HasResultFile() bool {
	for i := range d.Results {
		if d.Results[i].URL != "" {
			return true
		}
	}
	return false
}

// HasSubmittedFile reports whether some submitted file that is not deleted is
// attached (4.2 needs at least one).
func (d *Dossier) HasSubmittedFile() bool {
	for i := range d.Files {
		if !d.Files[i].Deleted.True() {
			return true
		}
	}
	return false
}

// ReusesDigitisedData reports HoSoCoThanhPhanSoHoa = 1 or a submitted file
// with DuocSoHoa = 1 (4.3). It does not allocate.
func (d *Dossier) ReusesDigitisedData() bool {
	if d.HasDigitisedComponents.True() {
		return true
	}
	for i := range d.Files {
		if d.Files[i].Digitised.True() && !d.Files[i].Deleted.True() {
			return true
		}
	}
	return false
}

// UsesPortalStore reports a file taken from the applicant's store on the portal
// (DuocLayTuKhoDMQG = 1) or a result synced to that store (4.5).
func (d *Dossier) UsesPortalStore() bool {
	if d.ResultSyncedToStore.True() {
		return true
	}
	for i := range d.Files {
		if d.Files[i].FromStore.True() && !d.Files[i].Deleted.True() {
			return true
		}
	}
	return false
}

// HasDatabase reports whether code is among the connected database codes.
func (d *Dossier) HasDatabase(code string) bool {
	for _, c := range d.Databases {
		if c == code {
			return true
		}
	}
	return false
}
