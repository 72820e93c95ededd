package model

// codes.go is generated from the table in internal/gencodes/table.go.
//go:generate go run ./internal/gencodes -o codes.go

// PaidOnline reports whether the dossier counts as paid online for 3.6:
// default policy, true for codes 1 (portal platform) and 2 (ministry/province
// gateway) only; 0 and 3 (meaning unknown) and absent are not paid online.
func (v OnlinePayment) PaidOnline() bool {
	switch v.Code() {
	case PaymentPortal, PaymentGateway:
		return true
	}
	return false
}

// Terminal reports whether k ends processing in the national 2.1 rule:
// 3, 7, 8, 9 and 10.
func (k StatusCode) Terminal() bool {
	switch k {
	case StatusNotAccepted, StatusWithdrawn, StatusStopped, StatusFinished, StatusReturned:
		return true
	}
	return false
}

// Pause reports whether k pauses processing: 5 (supplement) and 6 (financial
// obligation).
func (k StatusCode) Pause() bool { return k == StatusSupplement || k == StatusFinancial }

// Online reports whether the level is partial or full (an online service,
// 3.1).
func (v OnlineLevel) Online() bool {
	c := v.Code()
	return c == OnlinePartial || c == OnlineFull
}

// Active reports whether the state counts for 3.2: published, awaiting
// unpublication or in testing.
func (v PublishedState) Active() bool {
	switch v.Code() {
	case StatePublished, StatePendingUnpublish, StateTesting:
		return true
	}
	return false
}
