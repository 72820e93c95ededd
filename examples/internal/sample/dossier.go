package sample

import (
	"iter"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// Dossiers returns the province's dossier stream: Len() dossiers received on the working days of the year, in
// reception-day order. The records are generated lazily from the seed while iterating — none is stored — and
// every iteration yields identical records, so the stream may be ranged over many times (also concurrently).
// Each yielded Dossier owns its slices.
//
// The mix is meant to look like a real province: 60–80 % online (KenhThucHien 2), a few postal; online
// dossiers received some minutes to days after submission (some beyond 8 working hours); due dates computed
// by the calendar's deadline engine (DefaultDeadlinePolicy) from the reception instant and written as
// appointments with a time of day (17:00 on the due day, or the exact instant of an hour deadline); about 7 %
// with one supplement request and about 1 % with two (clock restarted, Decree 61/2018 art. 19(4)), some still
// waiting for the applicant; end times drawn around the due date, late mostly when the processing window
// spans Tết or an announced day swap; withdrawals, stops and refusals; fee lines, online payments (codes 1
// and 2, sometimes 0 or 3), submitted and result files, reused digitised data, VNeID accounts, data-store
// links, population database links and timeline steps for about a fifth. Dossiers not finished by AsOf are
// open.
//
// Cost: a few µs and about 12 small allocations (1 KB) per dossier — 0.15–0.3 s per pass over 50 000 dossiers on
// a busy 2-core machine (BenchmarkDossiers); memory O(1) beyond the yielded record.
func (p *Province) Dossiers() iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		p.generate(func(d *model.Dossier, _ *model.Rating) bool { return yield(*d) })
	}
}

// DossierSlice returns the first n dossiers of the stream (all of them when n exceeds Len; none when n ≤ 0),
// for tests that want a slice. Cost: O(n) time and memory.
func (p *Province) DossierSlice(n int) []model.Dossier {
	n = min(n, p.n)
	if n <= 0 {
		return nil
	}
	out := make([]model.Dossier, 0, n)
	for d := range p.Dossiers() {
		out = append(out, d)
		if len(out) == n {
			break
		}
	}
	return out
}

type dossierRef struct{ code, unit string }

// gen is the state of one pass over the stream.
type gen struct {
	p   *Province
	r   *rand.Rand
	cal *calendar.Calendar
	pol calendar.DeadlinePolicy
	buf []byte
}

// generate runs the stream, calling yield with each dossier and, when the dossier was rated, its rating.
func (p *Province) generate(yield func(*model.Dossier, *model.Rating) bool) {
	g := gen{p: p, r: rand.New(rand.NewPCG(p.seed, streamDossiers)), cal: p.Calendar, pol: calendar.DefaultDeadlinePolicy(), buf: make([]byte, 0, 64)}
	d, rt := new(model.Dossier), new(model.Rating) // reused: the records' slices are fresh for each dossier
	for di := range p.days {
		day := &p.days[di]
		for seq := 1; seq <= day.n; seq++ {
			*d, *rt = model.Dossier{}, model.Rating{}
			var rp *model.Rating
			if g.fill(d, day, seq, rt) {
				rp = rt
			}
			if !yield(d, rp) {
				return
			}
		}
	}
}

// officeInstant returns a random instant in the default office hours (07:00–11:30, 13:30–17:00) of date d.
func (g *gen) officeInstant(d calendar.Date) time.Time {
	m := g.r.IntN(480)
	off := 7*time.Hour + time.Duration(m)*time.Minute
	if m >= 270 {
		off += 2 * time.Hour
	}
	return d.In(g.p.loc).Add(off + time.Duration(g.r.IntN(60))*time.Second)
}

// appointment is the appointment (NgayHenTra) a one-stop system writes for deadline dl: an instant with a
// time of day — the close of office hours on the due day for a deadline in days, the exact office-hours
// instant for one in hours — never the 00:00 that ends the due day (docs/rules.md, 2.1: appointments are
// compared as instants).
func (g *gen) appointment(dl *calendar.Deadline) time.Time {
	if dl.Duration.Unit == calendar.WorkingHours {
		return dl.DueAt
	}
	return g.cal.EndOfDay(dl.Due, calendar.DeadlinePolicy{EndOfDay: calendar.OfficeClose})
}

func (g *gen) addHours(t time.Time, d time.Duration) time.Time {
	u, err := g.cal.AddWorkingHours(t, d)
	if err != nil { // outside the calendar (not reachable with validated options): wall-clock fallback
		return t.Add(d)
	}
	return u
}

func (g *gen) addDays(d calendar.Date, n int) calendar.Date {
	e, err := g.cal.AddWorkingDays(d, n)
	if err != nil {
		return d.AddDays(n)
	}
	return e
}

func (g *gen) str(parts ...string) string {
	g.buf = g.buf[:0]
	for _, s := range parts {
		g.buf = append(g.buf, s...)
	}
	return string(g.buf)
}

// fill generates one dossier into d; it reports whether the dossier was rated, filling rt. It must consume the
// random stream identically on every pass.
func (g *gen) fill(d *model.Dossier, day *dayPlan, seq int, rt *model.Rating) bool {
	p, r := g.p, g.r
	u := &p.units[pick(p.unitCum, r)]
	k := pick(u.cum, r)
	pp := &p.procs[u.procs[k]]

	g.buf = append(append(append(g.buf[:0], u.id...), day.infix...), zeroPad(seq)...)
	d.Code = string(g.buf)
	d.ProcedureCode, d.ProcedureName = pp.code, pp.name
	d.UnitID, d.HandlingAgency = u.id, u.name
	d.FieldCode, d.FieldName = pp.fieldCode, pp.fieldName
	d.Summary = pp.name

	online := r.Float64() < u.online[k]
	switch {
	case online:
		d.Channel = model.NewChannel(model.ChannelOnline)
		d.SubmittedVia = "1"
	case r.Float64() < 0.03:
		d.Channel = model.NewChannel(model.ChannelPostal)
		d.SubmittedVia = "2"
	default:
		d.Channel = model.NewChannel(model.ChannelDirect)
		d.SubmittedVia = "2"
	}
	g.applicant(d, pp)

	received := g.officeInstant(day.date)
	submitted := received.Add(-time.Duration(r.IntN(900)) * time.Second)
	if online {
		var lag time.Duration
		switch x := r.Float64(); {
		case x < 0.7:
			lag = time.Duration(5+r.IntN(235)) * time.Minute
		case x < 0.95:
			lag = time.Duration(4*60+r.IntN(36*60)) * time.Minute
		default:
			lag = time.Duration(40*60+r.IntN(60*60)) * time.Minute
		}
		submitted = received.Add(-lag)
		d.ReceiveDeadline = model.Some(g.addHours(submitted, 8*time.Hour))
	}
	d.SubmittedAt = model.Some(submitted)
	d.ReturnMethod = model.NewReturnMethod(model.ReturnAtDesk)
	if r.Float64() < 0.1 {
		d.ReturnMethod = model.NewReturnMethod(model.ReturnByPost)
	}

	// Refused at reception (status 3): never received. A refusal that would come after AsOf has not happened:
	// the dossier is received as usual.
	if r.Float64() < 0.004 {
		if rej := g.addHours(submitted, time.Duration(1+r.IntN(8))*time.Hour); rej.Before(p.AsOf) {
			d.Status = model.NewStatus(model.StatusNotAccepted)
			d.RejectedAt, d.ProcessingEndedAt = model.Some(rej), model.Some(rej)
			g.files(d, pp, online)
			return false
		}
	}
	d.ReceivedAt = model.Some(received)
	if r.Float64() < 0.975 {
		d.Sync = model.SyncInfo{SentAt: model.Some(received.Add(time.Duration(1+r.IntN(120)) * time.Minute)), Updating: model.FlagFalse, ErrorCode: "0"}
	}

	dl, err := g.cal.Due(received, pp.dur, g.pol)
	if err != nil { // not reachable with validated options
		d.Status = model.NewStatus(model.StatusProcessing)
		return false
	}
	start := dl.Start

	// Supplements (restart mode): one for ~7 %, two for ~1.2 %; ~10 % of the last ones still unanswered.
	nsup := 0
	switch x := r.Float64(); {
	case x < 0.012:
		nsup = 2
	case x < 0.085:
		nsup = 1
	}
	waiting := false
	pendingDraw := r.Float64() < 0.1
	for i := range nsup {
		req := g.addHours(start, time.Duration(60+r.IntN(16*60))*time.Minute)
		if !req.Before(p.AsOf) {
			break
		}
		s := model.Supplement{
			Kind: model.NewSupplementKind(model.SupplementDocuments), ID: d.Code + "-BS" + strconv.Itoa(i+1),
			RequestedBy: officers[r.IntN(len(officers))], Reason: "Bổ sung thành phần hồ sơ còn thiếu",
			RequestedAt: model.Some(req), DueBefore: model.Some(g.appointment(&dl)), State: "1",
		}
		resub := g.addHours(req, time.Duration(4*60+r.IntN(72*60))*time.Minute)
		if (i == nsup-1 && pendingDraw) || !resub.Before(p.AsOf) {
			d.Supplements = append(d.Supplements, s)
			waiting = true
			break
		}
		dl2, err := g.cal.Supplement(dl, req, resub, g.pol)
		if err != nil {
			break
		}
		s.ResubmittedAt, s.DueAfter, s.State, s.ReceivedBy = model.Some(resub), model.Some(g.appointment(&dl2)), "2", officers[0]
		d.Supplements = append(d.Supplements, s)
		dl, start = dl2, resub
	}
	if !pp.noDue {
		d.DueAt = model.Some(g.appointment(&dl))
	}

	// Lateness: rare, except when the processing window spans Tết or an announced swap.
	pLate := 0.02
	tet, swap := p.special.window(dl.DeemedReceipt, dl.Due)
	if tet {
		pLate = 0.3
	} else if swap {
		pLate = 0.15
	}
	late := !pp.noDue && r.Float64() < pLate

	var end time.Time
	if pp.dur.Unit == calendar.WorkingHours {
		amount := time.Duration(pp.dur.Amount) * time.Hour
		if late {
			end = g.addHours(dl.DueAt, time.Duration(60+r.IntN(16*60))*time.Minute)
		} else {
			end = g.addHours(dl.DueAt, -time.Duration(r.Int64N(int64(amount)*9/10)))
		}
	} else {
		var endDate calendar.Date
		if late {
			endDate = g.addDays(dl.Due, 1+r.IntN(3)+r.IntN(3))
		} else {
			span, _ := g.cal.WorkingDaysBetween(dl.DeemedReceipt, dl.Due)
			back := 0
			if span > 0 && r.Float64() < 0.65 {
				back = 1 + r.IntN(min(span, 4))
			}
			endDate = g.addDays(dl.Due, -back)
		}
		end = g.officeInstant(endDate)
	}
	if !end.After(start) {
		end = start.Add(time.Duration(10+r.IntN(110)) * time.Minute)
	}

	status := model.StatusReturned
	switch x := r.Float64(); {
	case x < 0.005:
		status = model.StatusWithdrawn
		end = g.addHours(start, time.Duration(1+r.IntN(30))*time.Hour)
	case x < 0.007:
		status = model.StatusStopped
		end = g.addHours(start, time.Duration(4+r.IntN(40))*time.Hour)
	case x < 0.1:
		status = model.StatusFinished
	}
	returned := g.addHours(end, time.Duration(r.IntN(16*60))*time.Minute)
	finished := !waiting && end.Before(p.AsOf)
	switch {
	case waiting:
		status = model.StatusSupplement
	case !finished:
		status = model.StatusProcessing
	case status == model.StatusReturned && !returned.Before(p.AsOf):
		status = model.StatusFinished
	}
	d.Status = model.NewStatus(status)
	if finished {
		d.ProcessingEndedAt = model.Some(end)
		if status == model.StatusReturned {
			d.ResultReturnedAt = model.Some(returned)
		}
	}
	resolved := finished && (status == model.StatusFinished || status == model.StatusReturned)

	g.files(d, pp, online)
	electronic := false
	if resolved {
		electronic = r.Float64() < 0.8
		rd := model.ResultDoc{Name: pp.resultName, ComponentCode: "KQ", Code: pp.resultCode}
		url := g.str(resultPrefix, d.Code, "-KQ.pdf")
		rd.ID = url[len(resultPrefix) : len(url)-len(".pdf")]
		if electronic {
			rd.URL = url
		}
		d.Results = []model.ResultDoc{rd}
	}
	d.ResultSyncedToStore = model.FlagOf(electronic && r.Float64() < 0.08)
	g.payment(d, pp, online, submitted)
	if r.Float64() < 0.2 {
		g.steps(d, received, end, finished, status)
	}

	// Rating.
	if !resolved || r.Float64() >= 0.05 {
		return false
	}
	at := end.Add(time.Duration(1+r.IntN(48)) * time.Hour)
	if !at.Before(p.AsOf) {
		return false
	}
	pDislike := 0.06
	if late {
		pDislike = 0.45
	}
	*rt = model.Rating{DossierCode: d.Code, At: model.Some(at), Dislike: r.Float64() < pDislike}
	switch x := r.Float64(); {
	case rt.Dislike && x < 0.7:
		rt.Level = model.NewRatingLevel(model.RatingUnsatisfied)
	case rt.Dislike:
		rt.Level = model.NewRatingLevel(model.RatingVeryUnsatisfied)
	case x < 0.5:
		rt.Level = model.NewRatingLevel(model.RatingVerySatisfied)
	case x < 0.9:
		rt.Level = model.NewRatingLevel(model.RatingSatisfied)
	default:
		rt.Level = model.NewRatingLevel(model.RatingNeutral)
	}
	rt.Criteria = []model.RatingAnswer{{Criterion: "thai_do", Answer: rt.Level.String()}, {Criterion: "thoi_gian", Answer: rt.Level.String()}}
	return true
}

// Fixed parts of file names and links.
const (
	filePrefix   = "https://dvc.mau.gov.vn/tailieu/"
	resultPrefix = "https://dvc.mau.gov.vn/ketqua/"
)

var (
	fileSuffixes   = [...]string{"-TL1.pdf", "-TL2.pdf", "-TL3.pdf"}
	fileNames      = [...]string{"Thành phần hồ sơ 1.pdf", "Thành phần hồ sơ 2.pdf", "Thành phần hồ sơ 3.pdf"}
	componentCodes = [...]string{"TP1", "TP2", "TP3"}
)

func zeroPad(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func (g *gen) applicant(d *model.Dossier, pp *procPlan) {
	r := g.r
	citizen := pp.who == whoCitizen || (pp.who == whoBoth && r.Float64() < 0.7)
	switch {
	case citizen:
		d.ApplicantType = model.NewApplicantType(model.ApplicantCitizen)
		d.ApplicantName = g.str(surnames[r.IntN(len(surnames))], " ", middleNames[r.IntN(len(middleNames))], " ", givenNames[r.IntN(len(givenNames))])
		g.buf = append(g.buf[:0], "0"...)
		g.buf = strconv.AppendInt(g.buf, 25_000_000_000+r.Int64N(1_000_000_000), 10)
		d.ApplicantDocNo = string(g.buf)
		d.ApplicantIDs = []model.ApplicantID{{Kind: "1", Number: d.ApplicantDocNo}}
	case pp.who == whoAgency:
		d.ApplicantType = model.NewApplicantType(model.ApplicantStateAgency)
		d.ApplicantName = "Cơ quan nhà nước"
	default:
		d.ApplicantType = model.NewApplicantType(model.ApplicantEnterprise)
		d.ApplicantName = g.str(firmKinds[r.IntN(len(firmKinds))], firmWords[r.IntN(len(firmWords))])
		g.buf = strconv.AppendInt(g.buf[:0], 2_500_000_000+r.Int64N(100_000_000), 10)
		d.ApplicantDocNo = string(g.buf)
	}
	online := d.Channel.Is(model.ChannelOnline)
	d.VNeIDAuthenticated = model.FlagOf(citizen && online && r.Float64() < 0.65)
	if citizen && pp.popDB && r.Float64() < 0.55 {
		d.Databases = []string{PopulationDatabaseCode}
	}
}

// files attaches submitted files: always for online dossiers, for ~65 % of the others (scanned at the desk);
// ~30 % reuse digitised data, ~12 % of online citizen dossiers take a file from the portal store.
func (g *gen) files(d *model.Dossier, pp *procPlan, online bool) {
	r := g.r
	nf := 0
	if online {
		nf = 1 + r.IntN(3)
	} else if r.Float64() < 0.65 {
		nf = 1 + r.IntN(2)
	}
	digitised := r.Float64() < 0.3
	fromStore := online && d.ApplicantType.Is(model.ApplicantCitizen) && r.Float64() < 0.12
	if nf > 0 {
		d.Files = make([]model.File, nf)
		for i := range d.Files {
			url := g.str(filePrefix, d.Code, fileSuffixes[i])
			id := url[len(filePrefix) : len(url)-len(".pdf")] // shares the URL's bytes: one allocation per file
			d.Files[i] = model.File{ID: id, Name: fileNames[i], ComponentCode: componentCodes[i], URL: url, Deleted: model.FlagFalse,
				Digitised: model.FlagOf(i == 0 && digitised), Reused: "0", FromStore: model.FlagOf(i == 0 && fromStore)}
		}
	}
	if r.Float64() < 0.95 {
		d.HasDigitisedComponents = model.FlagOf(digitised && nf > 0)
	}
}

// payment adds the fee line and, for fee-bearing procedures integrated with online payment, the online payment
// code of online dossiers (~60 % code 1, ~18 % code 2, a few 0 or 3, the rest paid at the desk).
func (g *gen) payment(d *model.Dossier, pp *procPlan, online bool, submitted time.Time) {
	r := g.r
	if pp.fee < 0 || (pp.fee > 0 && !pp.feeData) {
		return
	}
	amount := pp.fee
	if pp.dur.Unit == calendar.WorkingHours && pp.fee > 0 { // per page
		amount *= int64(1 + r.IntN(5))
	}
	d.Fees = []model.Fee{{Name: "Lệ phí", Code: pp.feeCode, Method: "1", Amount: amount, Kind: "1"}}
	if pp.fee == 0 || !online || !pp.onlinePay {
		return
	}
	var code model.OnlinePaymentCode
	switch x := r.Float64(); {
	case x < 0.6:
		code = model.PaymentPortal
	case x < 0.78:
		code = model.PaymentGateway
	case x < 0.81:
		code = model.PaymentCode0
	case x < 0.83:
		code = model.PaymentCode3
	default:
		return
	}
	d.OnlinePayment = model.NewOnlinePayment(code)
	if d.OnlinePayment.PaidOnline() {
		d.Payments = []model.Payment{{At: model.Some(submitted.Add(time.Duration(1+r.IntN(30)) * time.Minute)), Amount: amount,
			Via: d.OnlinePayment, TransactionID: "GD" + d.Code}}
	}
}

// steps attaches a timeline: received, processing, supplement pauses, finished, returned.
func (g *gen) steps(d *model.Dossier, received, end time.Time, finished bool, status model.StatusCode) {
	r := g.r
	officer := officers[r.IntN(len(officers))]
	d.Steps = make([]model.Step, 0, 4+2*len(d.Supplements))
	add := func(at time.Time, st model.StatusCode, action string) {
		d.Steps = append(d.Steps, model.Step{DossierCode: d.Code, At: model.Some(at), Officer: officer, Action: action,
			Status: model.NewStatus(st), RealEvent: true})
	}
	add(received, model.StatusReceived, "Tiếp nhận hồ sơ")
	proc := received.Add(time.Duration(5+r.IntN(55)) * time.Minute)
	if !finished || proc.Before(end) {
		add(proc, model.StatusProcessing, "Chuyển phòng chuyên môn xử lý")
	}
	for _, s := range d.Supplements {
		add(s.RequestedAt.T, model.StatusSupplement, "Yêu cầu bổ sung hồ sơ")
		if s.ResubmittedAt.IsSet() {
			add(s.ResubmittedAt.T, model.StatusProcessing, "Tiếp nhận hồ sơ bổ sung")
		}
	}
	if !finished {
		return
	}
	switch status {
	case model.StatusWithdrawn:
		add(end, status, "Công dân yêu cầu rút hồ sơ")
	case model.StatusStopped:
		add(end, status, "Dừng xử lý")
	default:
		add(end, model.StatusFinished, "Đã xử lý xong")
		if d.ResultReturnedAt.IsSet() {
			add(d.ResultReturnedAt.T, model.StatusReturned, "Trả kết quả")
		}
	}
}
