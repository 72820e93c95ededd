package csvio

import (
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/model"
)

type (
	dcol = column[model.Dossier]
	pcol = column[model.Procedure]
	qcol = column[model.Petition]
)

func dossierColumns() []dcol {
	type D = model.Dossier
	return []dcol{
		str("code", func(d *D) *string { return &d.Code }),
		strList("aliases", func(d *D) *[]string { return &d.Aliases }),
		str("national_id", func(d *D) *string { return &d.NationalID }),
		str("procedure_code", func(d *D) *string { return &d.ProcedureCode }),
		str("procedure_name", func(d *D) *string { return &d.ProcedureName }),
		str("case_code", func(d *D) *string { return &d.CaseCode }),
		str("unit_id", func(d *D) *string { return &d.UnitID }),
		str("field_code", func(d *D) *string { return &d.FieldCode }),
		{"channel", func(d *D) (string, error) { return d.Channel.String(), nil },
			func(d *D, s string) error { d.Channel = model.ParseChannel(s); return nil }},
		str("submitted_via", func(d *D) *string { return &d.SubmittedVia }),
		{"applicant_type", func(d *D) (string, error) { return d.ApplicantType.String(), nil },
			func(d *D, s string) error { d.ApplicantType = model.ParseApplicantType(s); return nil }},
		structList("applicant_ids", 2, func(d *D) *[]model.ApplicantID { return &d.ApplicantIDs },
			func(a *model.ApplicantID) []string { return []string{a.Kind, a.Number} },
			func(p []string) (model.ApplicantID, error) { return model.ApplicantID{Kind: p[0], Number: p[1]}, nil }),
		str("summary", func(d *D) *string { return &d.Summary }),
		tm("submitted_at", func(d *D) *model.Time { return &d.SubmittedAt }),
		tm("receive_deadline", func(d *D) *model.Time { return &d.ReceiveDeadline }),
		tm("received_at", func(d *D) *model.Time { return &d.ReceivedAt }),
		tm("due_at", func(d *D) *model.Time { return &d.DueAt }),
		tm("rejected_at", func(d *D) *model.Time { return &d.RejectedAt }),
		tm("processing_ended_at", func(d *D) *model.Time { return &d.ProcessingEndedAt }),
		tm("result_returned_at", func(d *D) *model.Time { return &d.ResultReturnedAt }),
		{"status", func(d *D) (string, error) { return d.Status.String(), nil },
			func(d *D, s string) error { d.Status = model.ParseStatus(s); return nil }},
		{"return_method", func(d *D) (string, error) { return d.ReturnMethod.String(), nil },
			func(d *D, s string) error { d.ReturnMethod = model.ParseReturnMethod(s); return nil }},
		flag("has_digitised_components", func(d *D) *model.Flag { return &d.HasDigitisedComponents }),
		flag("vneid_authenticated", func(d *D) *model.Flag { return &d.VNeIDAuthenticated }),
		{"online_payment", func(d *D) (string, error) { return d.OnlinePayment.String(), nil },
			func(d *D, s string) error { d.OnlinePayment = model.ParseOnlinePayment(s); return nil }},
		flag("result_synced_to_store", func(d *D) *model.Flag { return &d.ResultSyncedToStore }),
		structList("files", 4, func(d *D) *[]model.File { return &d.Files },
			func(f *model.File) []string {
				return []string{f.ComponentCode, f.URL, f.Digitised.String(), f.FromStore.String()}
			},
			func(p []string) (f model.File, err error) {
				f.ComponentCode, f.URL = p[0], p[1]
				if f.Digitised, err = parseFlag(p[2]); err != nil {
					return f, err
				}
				f.FromStore, err = parseFlag(p[3])
				return f, err
			}),
		structList("results", 2, func(d *D) *[]model.ResultDoc { return &d.Results },
			func(r *model.ResultDoc) []string { return []string{r.Code, r.URL} },
			func(p []string) (model.ResultDoc, error) { return model.ResultDoc{Code: p[0], URL: p[1]}, nil }),
		structList("fees", 2, func(d *D) *[]model.Fee { return &d.Fees },
			func(f *model.Fee) []string {
				if f.AmountUnknown {
					return []string{f.Code, ""}
				}
				return []string{f.Code, strconv.FormatInt(f.Amount, 10)}
			},
			func(p []string) (f model.Fee, err error) {
				f.Code = p[0]
				f.AmountUnknown = strings.TrimSpace(p[1]) == "" // an obligation of unknown size (docs/rules.md, 3.6)
				f.Amount, err = parseInt(p[1])
				return f, err
			}),
		structList("supplements", 4, func(d *D) *[]model.Supplement { return &d.Supplements },
			func(s *model.Supplement) []string {
				return []string{fmtTime(s.RequestedAt), fmtTime(s.ResubmittedAt), fmtTime(s.DueBefore), fmtTime(s.DueAfter)}
			},
			func(p []string) (s model.Supplement, err error) {
				for i, dst := range []*model.Time{&s.RequestedAt, &s.ResubmittedAt, &s.DueBefore, &s.DueAfter} {
					if *dst, err = parseTime(p[i]); err != nil {
						return s, err
					}
				}
				return s, nil
			}),
		strList("databases", func(d *D) *[]string { return &d.Databases }),
		tm("sync_sent_at", func(d *D) *model.Time { return &d.Sync.SentAt }),
		flag("sync_updating", func(d *D) *model.Flag { return &d.Sync.Updating }),
		str("sync_error_code", func(d *D) *string { return &d.Sync.ErrorCode }),
		str("sync_message", func(d *D) *string { return &d.Sync.Message }),
	}
}

// DossierColumns returns the header of the dossier layout, in order.
func DossierColumns() []string { return names(dossierColumns()) }

// DecodeDossiers streams dossiers from a CSV file in the dossier layout (see
// the package documentation). Columns are matched by header name in any
// order; unknown columns are ignored and missing ones leave fields absent; the
// "code" column is required. A bad row yields the partly read dossier with a
// *RecordError and reading continues; a CSV syntax error or a row over the
// record limit ends the sequence. Memory does not grow with the file (one
// row at a time, never more than the record limit read for one row);
// MaxRecordBytes and MaxFieldBytes set the limits. Cost: one pass over a
// row to cut it, one over its cells; about one allocation per row (its
// text, whose substrings the cells are; list items come from per-decoder
// slabs).
func DecodeDossiers(r io.Reader, opts ...Option) iter.Seq2[model.Dossier, error] {
	cfg := newConfig(opts)
	return func(yield func(model.Dossier, error) bool) {
		rr := newRowReader(r, cfg.Record)
		h, err := readHeader(rr, dossierColumns(), "code")
		if err != nil {
			yield(model.Dossier{}, err)
			return
		}
		dc := newDossierCells(h, cfg)
		for n := 0; ; n++ {
			err := rr.nextRow()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(model.Dossier{}, rowErr(rr, n, err, cfg))
				return
			}
			d, re := dc.row(rr, n)
			if re != nil {
				if !yield(d, re) {
					return
				}
				continue
			}
			if !yield(d, nil) {
				return
			}
		}
	}
}

// DossierWriter writes dossiers in the dossier layout. Nested records are
// reduced to the list cells of the layout (other sub-fields, Steps,
// Payments and Extra are not written); Sync is written to the sync_* columns.
type DossierWriter struct{ w *writer[model.Dossier] }

// NewDossierWriter returns a writer to w; the header is written with the
// first record (or by Flush).
func NewDossierWriter(w io.Writer) *DossierWriter {
	return &DossierWriter{newWriter(w, dossierColumns(), func(d *model.Dossier) string { return d.Code })}
}

// Write writes one dossier. A list item containing ';' or '|' cannot be
// written and yields a *RecordError wrapping ErrBadList.
func (w *DossierWriter) Write(d *model.Dossier) error { return w.w.write(d) }

// Flush writes buffered rows (and the header if nothing was written) and
// reports any write error.
func (w *DossierWriter) Flush() error { return w.w.flush() }

func procedureColumns() []pcol {
	type P = model.Procedure
	return []pcol{
		str("code", func(p *P) *string { return &p.Code }),
		str("name", func(p *P) *string { return &p.Name }),
		str("type", func(p *P) *string { return &p.Type }),
		str("state", func(p *P) *string { return &p.State }),
		structList("fields", 1, func(p *P) *[]model.Ref { return &p.Fields },
			func(r *model.Ref) []string { return []string{r.Code} },
			func(s []string) (model.Ref, error) { return model.Ref{Code: s[0]}, nil }),
		structList("agencies", 1, func(p *P) *[]model.Ref { return &p.Agencies },
			func(r *model.Ref) []string { return []string{r.Code} },
			func(s []string) (model.Ref, error) { return model.Ref{Code: s[0]}, nil }),
		strList("applicants", func(p *P) *[]string { return &p.Applicants }),
		structList("durations", 4, func(p *P) *[]model.ProcedureDuration { return &p.Durations },
			func(d *model.ProcedureDuration) []string {
				amount := ""
				if !d.NoDueDate || !d.Amount.IsZero() {
					amount = d.Amount.String()
				}
				return []string{d.Channel.String(), amount, d.Unit.String(), fmtBool(d.NoDueDate)}
			},
			func(s []string) (d model.ProcedureDuration, err error) {
				d.Channel = model.ParseChannel(s[0])
				if s[1] != "" {
					if d.Amount, err = decimal.NewFromString(s[1]); err != nil {
						return d, errBadNumber(s[1])
					}
				}
				d.Unit = model.ParseDurationUnit(s[2])
				d.NoDueDate, err = parseBool(s[3])
				return d, err
			}),
		structList("fees", 3, func(p *P) *[]model.ProcedureFee { return &p.Fees },
			func(f *model.ProcedureFee) []string {
				amount := ""
				if f.Known {
					amount = strconv.FormatInt(f.Amount, 10)
				}
				return []string{f.Channel.String(), f.Code, amount}
			},
			func(s []string) (f model.ProcedureFee, err error) {
				f.Channel, f.Code = model.ParseChannel(s[0]), s[1]
				if s[2] != "" {
					f.Known = true
					f.Amount, err = parseInt(s[2])
				}
				return f, err
			}),
		structList("results", 1, func(p *P) *[]model.Ref { return &p.Results },
			func(r *model.Ref) []string { return []string{r.Code} },
			func(s []string) (model.Ref, error) { return model.Ref{Code: s[0]}, nil }),
		boolean("paper_result", func(p *P) *bool { return &p.PaperResult }),
		boolean("full_online_eligible", func(p *P) *bool { return &p.FullOnlineEligible }),
		boolean("population_db_connected", func(p *P) *bool { return &p.PopulationDBConnected }),
		str("publication_decision_id", func(p *P) *string { return &p.PublicationDecisionID }),
		str("publisher_code", func(p *P) *string { return &p.PublisherCode }),
		structListRange("publications", 7, 8, func(p *P) *[]model.Publication { return &p.Publication },
			func(x *model.Publication) []string {
				comp := make([]byte, 7)
				for i, c := range x.Components {
					comp[i] = "01"[b2i(c)]
				}
				parts := []string{x.DecisionID, fmtTime(x.DecisionDate), x.Kind.String(), x.Issuer.String(),
					fmtTime(x.LegalEffectiveDate), fmtTime(x.PublishedAt), string(comp)}
				if x.IssuerCode != "" { // the 8th part is optional: files without it stay 7-part
					parts = append(parts, x.IssuerCode)
				}
				return parts
			},
			func(s []string) (x model.Publication, err error) {
				x.DecisionID, x.IssuerCode = s[0], s[7]
				x.Kind, x.Issuer = model.ParsePublicationKind(s[2]), model.ParseUnitKind(s[3])
				for _, f := range []struct {
					i   int
					dst *model.Time
				}{{1, &x.DecisionDate}, {4, &x.LegalEffectiveDate}, {5, &x.PublishedAt}} {
					if *f.dst, err = parseTime(s[f.i]); err != nil {
						return x, err
					}
				}
				if s[6] != "" {
					if len(s[6]) != 7 {
						return x, errBadComponents(s[6])
					}
					for i := range 7 {
						switch s[6][i] {
						case '1':
							x.Components[i] = true
						case '0':
						default:
							return x, errBadComponents(s[6])
						}
					}
				}
				return x, nil
			}),
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ProcedureColumns returns the header of the procedure layout, in order.
func ProcedureColumns() []string { return names(procedureColumns()) }

// DecodeProcedures streams procedures from a CSV file in the procedure layout,
// with the rules of DecodeDossiers ("code" required).
func DecodeProcedures(r io.Reader, opts ...Option) iter.Seq2[model.Procedure, error] {
	return decode(r, newConfig(opts), procedureColumns(), "code", func(p *model.Procedure) string { return p.Code }, model.Procedure{})
}

// ProcedureWriter writes procedures in the procedure layout (fields, agencies
// and results by code only; names, levels and legal basis are not written).
type ProcedureWriter struct{ w *writer[model.Procedure] }

// NewProcedureWriter returns a writer to w.
func NewProcedureWriter(w io.Writer) *ProcedureWriter {
	return &ProcedureWriter{newWriter(w, procedureColumns(), func(p *model.Procedure) string { return p.Code })}
}

// Write writes one procedure.
func (w *ProcedureWriter) Write(p *model.Procedure) error { return w.w.write(p) }

// Flush writes buffered rows and reports any write error.
func (w *ProcedureWriter) Flush() error { return w.w.flush() }

func petitionColumns() []qcol {
	type Q = model.Petition
	return []qcol{
		str("id", func(p *Q) *string { return &p.ID }),
		str("unit_id", func(p *Q) *string { return &p.UnitID }),
		str("title", func(p *Q) *string { return &p.Title }),
		tm("received_at", func(p *Q) *model.Time { return &p.ReceivedAt }),
		tm("forwarded_at", func(p *Q) *model.Time { return &p.ForwardedAt }),
		{"category", func(p *Q) (string, error) { return p.Category.String(), nil },
			func(p *Q, s string) error { p.Category = model.ParsePetitionCategory(s); return nil }},
		str("dossier_code", func(p *Q) *string { return &p.DossierCode }),
		integer("likes", func(p *Q) *int64 { return &p.Likes }),
		integer("dislikes", func(p *Q) *int64 { return &p.Dislikes }),
		boolean("repeated", func(p *Q) *bool { return &p.Repeated }),
		structList("events", 3, func(p *Q) *[]model.PetitionEvent { return &p.Events },
			func(e *model.PetitionEvent) []string { return []string{fmtTime(e.At), e.Kind.String(), e.Note} },
			func(s []string) (e model.PetitionEvent, err error) {
				e.At, err = parseTime(s[0])
				e.Kind, e.Note = model.ParsePetitionEventKind(s[1]), s[2]
				return e, err
			}),
	}
}

// PetitionColumns returns the header of the petition layout, in order.
func PetitionColumns() []string { return names(petitionColumns()) }

// DecodePetitions streams petitions from a CSV file in the petition layout,
// with the rules of DecodeDossiers ("id" required).
func DecodePetitions(r io.Reader, opts ...Option) iter.Seq2[model.Petition, error] {
	return decode(r, newConfig(opts), petitionColumns(), "id", func(p *model.Petition) string { return p.ID }, model.Petition{})
}

// PetitionWriter writes petitions in the petition layout.
type PetitionWriter struct{ w *writer[model.Petition] }

// NewPetitionWriter returns a writer to w.
func NewPetitionWriter(w io.Writer) *PetitionWriter {
	return &PetitionWriter{newWriter(w, petitionColumns(), func(p *model.Petition) string { return p.ID })}
}

// Write writes one petition.
func (w *PetitionWriter) Write(p *model.Petition) error { return w.w.write(p) }

// Flush writes buffered rows and reports any write error.
func (w *PetitionWriter) Flush() error { return w.w.flush() }
