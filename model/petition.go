package model

// Petition is a feedback or petition (phản ánh, kiến nghị, PAKN) with its
// timeline (docs/data.md, Petitions and ratings).
type Petition struct {
	// ID and handling UnitID.
	ID, UnitID string
	// Title is free text.
	Title string
	// ReceivedAt is the first-received time ("Ngày CD/DN gửi PAKN"); it decides
	// the period.
	ReceivedAt Time
	// ForwardedAt is the last forwarding time ("Ngày VPCP, BNĐP khác chuyển gần
	// nhất"); deadlines run from it for forwarded petitions.
	ForwardedAt Time
	// Category of the petition.
	Category PetitionCategory
	// DossierCode is the related dossier, if any (5.4).
	DossierCode string
	// Likes and Dislikes are the portal counts.
	Likes, Dislikes int64
	// Repeated is the repeated-complaint flag.
	Repeated bool
	// Events is the timeline in time order.
	Events []PetitionEvent
}

// PetitionEvent is one step in a petition's timeline.
type PetitionEvent struct {
	// At is when it happened.
	At Time
	// Kind of the event.
	Kind PetitionEventKind
	// Note is free text.
	Note string
}

// DeadlineStart returns ForwardedAt when present, else ReceivedAt (the start
// of 5.2 deadlines).
func (p *Petition) DeadlineStart() Time {
	if p.ForwardedAt.Valid {
		return p.ForwardedAt
	}
	return p.ReceivedAt
}

// Rating is a dossier satisfaction rating (docs/data.md, Petitions and ratings).
type Rating struct {
	// DossierCode is the rated dossier.
	DossierCode string
	// At is the rating time.
	At Time
	// Dislike is the portal's dislike flag.
	Dislike bool
	// Level is the rating level, if given.
	Level RatingLevel
	// Criteria are per-criterion answers; criteria differ by province.
	Criteria []RatingAnswer
}

// RatingAnswer is the answer to one rating criterion.
type RatingAnswer struct {
	// Criterion identifies the question; Answer is the raw answer.
	Criterion, Answer string
}

// Unsatisfied reports a dislike or a level of unsatisfied or very unsatisfied.
func (r Rating) Unsatisfied() bool {
	switch r.Level.Code() {
	case RatingUnsatisfied, RatingVeryUnsatisfied:
		return true
	}
	return r.Dislike
}
