package portal

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/model"
)

// DecodeProcedures streams procedures of the national database as returned by
// LayThuTuc (upper-case keys; docs/data.md, Procedure record): a bare array, or an object whose
// "data", "result" or "Result" key holds the array. Use DecodeProcedure for a
// single procedure object. Keys are matched case-insensitively; nesting
// variants are tolerated (fees directly under CACHTHUCTHUCHIEN as well as
// under THOIGIAN). Unknown keys (THANHPHANHOSO, TRINHTUTHUCHIEN, YEUCAU, ...)
// are kept in Procedure.Extra. Error, option and memory rules are those of
// DecodeDossiers (keys repeated with different case are duplicates too);
// RecordError.Code is the MATTHC.
//
// Policies: a THOIGIAN entry without THOIGIANGIAIQUYET has NoDueDate set
// ("some cases have no due date"); THOIGIANGIAIQUYET may use a decimal comma
// ("0,5"). SOTIEN is read by ParseFeeAmount (Vietnamese thousands separators
// accepted); an empty or null SOTIEN leaves the fee's amount unknown. The
// derived flags PaperResult, FullOnlineEligible and PopulationDBConnected
// have no verified national field and are left false for the caller to set.
func DecodeProcedures(r io.Reader, opts ...Option) iter.Seq2[model.Procedure, error] {
	return func(yield func(model.Procedure, error) bool) {
		cfg := newConfig(opts)
		stream(r, cfg, []string{"data", "result", "Result"}, func(i int, raw json.RawMessage) bool {
			p, err := decodeProcedureRecord(i, raw, cfg)
			return yield(p, err)
		}, func(err error) { yield(model.Procedure{}, err) })
	}
}

// DecodeProcedure decodes one LayThuTuc procedure object with the rules of
// DecodeProcedures. Errors are *RecordError values with Index 0; b longer
// than the record limit is ErrTooLarge.
func DecodeProcedure(b []byte, opts ...Option) (model.Procedure, error) {
	cfg := newConfig(opts)
	if len(b) > cfg.Record {
		return model.Procedure{}, &RecordError{Err: fmt.Errorf("%w: %d bytes, limit %d (MaxRecordBytes)", ErrTooLarge, len(b), cfg.Record)}
	}
	if !json.Valid(b) {
		return model.Procedure{}, &RecordError{Err: fmt.Errorf("%w: invalid JSON", ErrSyntax)}
	}
	return decodeProcedureRecord(0, b, cfg)
}

// ParseFeeAmount reads a fee amount of the procedure catalogue (SOTIEN): the
// forms ParseAmount accepts, plus Vietnamese thousands separators
// ("50.000", "1.000.000") and an optional trailing currency word ("đồng",
// "VNĐ", "VND", "đ"). Errors wrap ErrBadNumber.
func ParseFeeAmount(s string) (int64, error) {
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	for _, suffix := range []string{"đồng", "vnđ", "vnd", "đ"} {
		if strings.HasSuffix(lower, suffix) {
			t = strings.TrimSpace(t[:len(lower)-len(suffix)])
			break
		}
	}
	if n, err := ParseAmount(t); err == nil {
		return n, nil
	}
	groups := strings.Split(t, ".")
	if len(groups) > 1 && len(groups[0]) >= 1 && len(groups[0]) <= 3 {
		ok := allDigits(groups[0])
		for _, g := range groups[1:] {
			ok = ok && len(g) == 3 && allDigits(g)
		}
		if ok {
			if n, err := strconv.ParseInt(strings.Join(groups, ""), 10, 64); err == nil {
				return n, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
}

func parseDuration(s string) (decimal.Decimal, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	d, err := decimal.NewFromString(t)
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, fmt.Errorf("%w: duration %q", ErrBadNumber, s)
	}
	return d, nil
}

func decodeProcedureRecord(index int, rawBytes []byte, cfg config) (model.Procedure, error) {
	raw := string(rawBytes)
	re := &RecordError{Index: index}
	c := newCursor(re, cfg, true)
	var p model.Procedure
	c.record(raw, func(k string, v string) {
		switch strings.ToUpper(k) {
		case "ID":
			p.ID = c.str(k, v)
		case "MATTHC":
			p.Code = strings.TrimSpace(c.str(k, v))
			re.Code = p.Code
		case "TENTTHC":
			p.Name = c.str(k, v)
		case "LOAITTHC":
			p.Type = c.str(k, v)
		case "TRANGTHAI":
			p.State = c.str(k, v)
		case "IDQUYETDINHCONGBO":
			p.PublicationDecisionID = c.str(k, v)
		case "MACOQUANCONGBO":
			p.PublisherCode = c.str(k, v)
		case "CAPTHUCHIEN":
			p.Levels = objects(c, k, v, func(c *cursor, raw string) (l model.ProcedureLevel) {
				c.record(raw, func(k string, v string) {
					switch strings.ToUpper(k) {
					case "CAPTHUCHIEN":
						l.Level = c.str(k, v)
					case "MOTACOQUANTHUCHIEN":
						l.Agency = c.str(k, v)
					case "DIACHITIEPNHAN":
						l.Address = c.str(k, v)
					}
				})
				return l
			})
		case "LINHVUCTHUCHIEN":
			p.Fields = objects(c, k, v, refDecoder("MALINHVUC", "TENLINHVUC"))
		case "COQUANTHUCHIEN":
			p.Agencies = objects(c, k, v, refDecoder("MADONVI", "TENDONVI"))
		case "KETQUATHUCHIEN":
			p.Results = objects(c, k, v, refDecoder("MAKETQUA", "TENKETQUA"))
		case "DOITUONGTHUCHIEN":
			for _, a := range objects(c, k, v, refDecoder("", "TENDOITUONG")) {
				p.Applicants = append(p.Applicants, a.Name)
			}
		case "CANCUPHAPLY":
			p.LegalBasis = objects(c, k, v, func(c *cursor, raw string) (l model.LegalDoc) {
				c.record(raw, func(k string, v string) {
					switch strings.ToUpper(k) {
					case "SOVANBAN", "SOHIEU", "SOKYHIEU":
						l.Number = c.str(k, v)
					case "TENVANBAN", "TRICHYEU":
						l.Name = c.str(k, v)
					case "NGAYBANHANH":
						l.IssuedAt = c.time(k, v)
					case "NGAYHIEULUC":
						l.EffectiveAt = c.time(k, v)
					}
				})
				return l
			})
		case "CACHTHUCTHUCHIEN":
			objects(c, k, v, func(c *cursor, raw string) struct{} {
				decodeMethod(c, raw, &p)
				return struct{}{}
			})
		default:
			p.Extra = append(p.Extra, extra(k, v))
		}
	})
	if re.Err == nil && p.Code == "" {
		re.Field, re.Err = "MATTHC", ErrBadCode
	}
	if re.Err != nil {
		return p, re
	}
	return p, nil
}

func refDecoder(codeKey, nameKey string) func(*cursor, string) model.Ref {
	return func(c *cursor, raw string) (r model.Ref) {
		c.record(raw, func(k string, v string) {
			switch strings.ToUpper(k) {
			case codeKey:
				r.Code = c.str(k, v)
			case nameKey:
				r.Name = c.str(k, v)
			}
		})
		return r
	}
}

// decodeMethod reads one CACHTHUCTHUCHIEN entry into p's durations and fees.
func decodeMethod(c *cursor, raw string, p *model.Procedure) {
	var channel model.Channel
	var times, fees []string
	var timesKey, feesKey string
	c.record(raw, func(k string, v string) {
		switch strings.ToUpper(k) {
		case "KENH":
			channel = model.ParseChannel(c.str(k, v))
		case "THOIGIAN":
			timesKey, times = k, append(times, v)
		case "PHILEPHI":
			feesKey, fees = k, append(fees, v)
		}
	})
	decodeFees := func(c *cursor, key string, v string) {
		p.Fees = append(p.Fees, objects(c, key, v, func(c *cursor, raw string) (f model.ProcedureFee) {
			f.Channel = channel
			c.record(raw, func(k string, v string) {
				switch strings.ToUpper(k) {
				case "MAPHILEPHI":
					f.Code = c.str(k, v)
				case "SOTIEN":
					if s := strings.TrimSpace(c.str(k, v)); s != "" {
						n, err := ParseFeeAmount(s)
						if err != nil {
							c.fail(k, err)
						}
						f.Amount, f.Known = n, err == nil
					}
				case "DONVI":
					f.Currency = c.str(k, v)
				case "MOTA":
					f.Description = c.str(k, v)
				}
			})
			return f
		})...)
	}
	for _, v := range fees {
		decodeFees(c, feesKey, v)
	}
	for _, v := range times {
		p.Durations = append(p.Durations, objects(c, timesKey, v, func(c *cursor, raw string) (d model.ProcedureDuration) {
			d.Channel = channel
			d.NoDueDate = true
			c.record(raw, func(k string, v string) {
				switch strings.ToUpper(k) {
				case "THOIGIANGIAIQUYET":
					if s := strings.TrimSpace(c.str(k, v)); s != "" {
						amount, err := parseDuration(s)
						if err != nil {
							c.fail(k, err)
							return
						}
						d.Amount, d.NoDueDate = amount, false
					}
				case "DONVITINH":
					d.Unit = model.ParseDurationUnit(c.str(k, v))
				case "MOTA":
					d.Description = c.str(k, v)
				case "PHILEPHI":
					decodeFees(c, k, v)
				}
			})
			return d
		})...)
	}
}
