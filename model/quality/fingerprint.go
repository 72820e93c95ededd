package quality

import (
	"github.com/vn-dvc/chiso766/model"
)

// FNV-1a (64-bit) parameters, as hash/fnv's New64a.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// hasher feeds length-prefixed values into a 64-bit FNV-1a hash. It is hash/fnv's New64a computed in
// place: strings are hashed byte by byte from the string itself (no []byte copy), integers as their 8
// little-endian bytes, so the sums equal those of fnv.New64a fed the same bytes.
type hasher struct{ h uint64 }

func newHasher() hasher { return hasher{h: fnvOffset64} }

func (h *hasher) u64(v uint64) {
	x := h.h
	for range 8 {
		x ^= v & 0xff
		x *= fnvPrime64
		v >>= 8
	}
	h.h = x
}

func (h *hasher) str(s string) {
	h.u64(uint64(len(s)))
	x := h.h
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime64
	}
	h.h = x
}

func (h *hasher) bytes(b []byte) {
	h.u64(uint64(len(b)))
	x := h.h
	for _, c := range b {
		x ^= uint64(c)
		x *= fnvPrime64
	}
	h.h = x
}

func (h *hasher) time(t model.Time) {
	if !t.Valid {
		h.u64(0)
		return
	}
	h.u64(1)
	h.u64(uint64(t.T.UnixNano()))
}

func (h *hasher) extra(fs []model.RawField) {
	h.u64(uint64(len(fs)))
	for _, f := range fs {
		h.str(f.Key)
		h.bytes(f.Value)
	}
}

// Fingerprint returns a 64-bit FNV-1a hash of every field of d except the
// attached timeline (Steps), used by duplicate-code to tell "same content"
// from "different content". Times hash by instant, codes by raw text. Cost:
// O(size of d), no allocation beyond the hash state.
func Fingerprint(d *model.Dossier) uint64 {
	h := newHasher()
	for _, s := range []string{d.Code, d.NationalID, d.ProcedureCode, d.ProcedureName, d.CaseCode, d.UnitID, d.FieldCode,
		d.FieldName, d.Channel.String(), d.SubmittedVia, d.ApplicantType.String(), d.ReceiptNo, d.ApplicantName,
		d.ApplicantAccount, d.ApplicantDocNo, d.OtherInfo, d.Email, d.Fax, d.Phone, d.Summary, d.HandlingAgency, d.Note,
		d.ReturnNote, d.Status.String(), d.ReturnMethod.String(), d.OnlinePayment.String(),
		d.HasDigitisedComponents.String(), d.VNeIDAuthenticated.String(), d.ResultSyncedToStore.String(),
		d.Sync.Updating.String(), d.Sync.ErrorCode, d.Sync.Message} {
		h.str(s)
	}
	for _, t := range []model.Time{d.SubmittedAt, d.ReceiveDeadline, d.ReceivedAt, d.DueAt, d.RejectedAt,
		d.ProcessingEndedAt, d.ResultReturnedAt, d.Sync.SentAt} {
		h.time(t)
	}
	h.u64(uint64(len(d.Aliases)))
	for _, a := range d.Aliases {
		h.str(a)
	}
	h.u64(uint64(len(d.ApplicantIDs)))
	for _, a := range d.ApplicantIDs {
		h.str(a.Kind)
		h.str(a.Number)
	}
	h.u64(uint64(len(d.Files)))
	for _, f := range d.Files {
		for _, s := range []string{f.ID, f.Name, f.ComponentCode, f.URL, f.ReplacedResultCode, f.Reused,
			f.Deleted.String(), f.Digitised.String(), f.FromStore.String()} {
			h.str(s)
		}
		h.extra(f.Extra)
	}
	h.u64(uint64(len(d.Results)))
	for _, r := range d.Results {
		for _, s := range []string{r.Name, r.ComponentCode, r.ID, r.URL, r.Code} {
			h.str(s)
		}
		h.extra(r.Extra)
	}
	fees := func(fs []model.Fee) {
		h.u64(uint64(len(fs)))
		for _, f := range fs {
			for _, s := range []string{f.Name, f.Code, f.Method, f.Kind} {
				h.str(s)
			}
			h.u64(uint64(f.Amount))
			h.extra(f.Extra)
		}
	}
	fees(d.Fees)
	h.u64(uint64(len(d.OtherDocs)))
	for _, o := range d.OtherDocs {
		for _, s := range []string{o.Name, o.Quantity, o.Kind} {
			h.str(s)
		}
		h.extra(o.Extra)
	}
	h.u64(uint64(len(d.Payments)))
	for _, p := range d.Payments {
		h.time(p.At)
		h.u64(uint64(p.Amount))
		h.str(p.Via.String())
		h.str(p.TransactionID)
	}
	h.u64(uint64(len(d.Supplements)))
	for _, s := range d.Supplements {
		for _, x := range []string{s.Kind.String(), s.ID, s.RequestedBy, s.Reason, s.ReceivedBy, s.ReceptionNote, s.State} {
			h.str(x)
		}
		for _, t := range []model.Time{s.RequestedAt, s.ResubmittedAt, s.DueBefore, s.DueAfter} {
			h.time(t)
		}
		h.bytes(s.Documents)
		fees(s.Fees)
		h.extra(s.Extra)
	}
	h.u64(uint64(len(d.Databases)))
	for _, c := range d.Databases {
		h.str(c)
	}
	h.extra(d.Extra)
	return h.h
}

// Identity returns a 64-bit FNV-1a hash of the fields that do not change while a dossier is processed —
// unit, procedure, channel, submission and reception time — used to tell a re-sent update of a dossier
// (same identity; DuplicateCode Info) from a code reused for other data (ResendConflict). Cost: O(1), no
// allocation beyond the hash state.
func Identity(d *model.Dossier) uint64 {
	h := newHasher()
	h.str(d.UnitID)
	h.str(d.ProcedureCode)
	h.str(d.Channel.String())
	h.time(d.SubmittedAt)
	h.time(d.ReceivedAt)
	return h.h
}
