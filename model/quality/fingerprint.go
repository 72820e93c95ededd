package quality

import (
	"math/bits"

	"github.com/vn-dvc/chiso766/model"
)

// The hasher's multipliers (odd 64-bit constants of the kind used by xxHash and murmur3).
const (
	hashSeed = 0x9e3779b97f4a7c15
	hashK1   = 0x87c37b91114253d5
	hashK2   = 0x4cf5ad432745937f
)

// hasher feeds length-prefixed values into a 64-bit hash, eight bytes at a time: every value is its
// length as one 64-bit word, then its bytes as little-endian words (the last one zero-padded), and each
// word w moves the state x to rotl64((x^w)·K1, 29)·K2. For a fixed x that map is a bijection of w (and for
// a fixed w a bijection of x), so two inputs that differ in one word always differ after it. It is not a
// cryptographic hash and its values are not stable across versions of this package: they are compared
// within one run only. Strings are read in place (no []byte copy).
type hasher struct{ h uint64 }

func newHasher() hasher { return hasher{h: hashSeed} }

func (h *hasher) word(w uint64) { h.h = bits.RotateLeft64((h.h^w)*hashK1, 29) * hashK2 }

func (h *hasher) u64(v uint64) { h.word(v) }

func (h *hasher) str(s string) { h.h = hashBytes(h.h, s) }

func (h *hasher) bytes(b []byte) { h.h = hashBytes(h.h, b) }

// hashBytes feeds one value — its length word, then its bytes as little-endian words, the last one
// zero-padded — into state x.
func hashBytes[T string | []byte](x uint64, s T) uint64 {
	x = bits.RotateLeft64((x^uint64(len(s)))*hashK1, 29) * hashK2
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		x = bits.RotateLeft64((x^w)*hashK1, 29) * hashK2
		s = s[8:]
	}
	if len(s) > 0 {
		var w uint64
		for i := len(s) - 1; i >= 0; i-- {
			w = w<<8 | uint64(s[i])
		}
		x = bits.RotateLeft64((x^w)*hashK1, 29) * hashK2
	}
	return x
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

// Fingerprint returns a 64-bit hash (the package's hasher: not stable across versions, compared within a
// run) of every field of d except the
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

// Identity returns a 64-bit hash (as Fingerprint's) of the fields that do not change while a dossier is processed —
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
