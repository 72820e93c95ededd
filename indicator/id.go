package indicator

import (
	"fmt"
	"strings"
)

// ID is the compact identifier of one metric of the catalogue (docs/rules.md, Groups and maxima). It is small
// enough to index arrays: valid IDs run from 1 to NumIDs-1 and slot 0 of every [NumIDs] array is unused, so
// the zero ID means "no metric". Its text form is the catalogue id ("1.1", "4.6a", …).
type ID uint8

// The metric ids of the catalogue, in catalogue order. M22 (average resolution time) and M50 (petitions by
// category) are reported but not scored.
const (
	M11  ID = iota + 1 // 1.1 procedures announced on time
	M12                // 1.2 procedures published on the national database on time
	M13                // 1.3 published procedures with all required components
	M14                // 1.4 dossiers synchronised to the portal
	M21                // 2.1 dossiers resolved early or on time
	M22                // 2.2 average resolution time (unscored)
	M31                // 3.1 procedures offered online
	M32                // 3.2 online services that received an online dossier
	M33                // 3.3 dossiers submitted online
	M34                // 3.4 fee-bearing procedures with an online payment
	M35                // 3.5 fee-bearing procedures with fee data on the portal
	M36                // 3.6 fee-bearing dossiers paid online
	M41                // 4.1 dossiers with an electronic result
	M42                // 4.2 dossiers digitised
	M43                // 4.3 dossiers reusing digitised data
	M44                // 4.4 communes offering electronic certified copies
	M45                // 4.5 digitised dossiers linked to the applicant's data store
	M46a               // 4.6a citizen procedures connected to the population database
	M46b               // 4.6b dossiers using population data
	M50                // 5.0 petitions by category (unscored)
	M51                // 5.1 petitions handled on time
	M52                // 5.2 petitions handled to the applicant's satisfaction
	M53                // 5.3 dossiers without dissatisfaction, complaint or lateness

	// NumIDs is the length of arrays indexed by ID: valid IDs are 1 … NumIDs-1; index 0 is unused.
	NumIDs = int(M53) + 1
)

var idText = [NumIDs]string{
	"", "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
	"4.1", "4.2", "4.3", "4.4", "4.5", "4.6a", "4.6b", "5.0", "5.1", "5.2", "5.3",
}

// Valid reports whether id is one of the catalogue's metrics. Cost: O(1).
func (id ID) Valid() bool { return id >= M11 && id <= M53 }

// String returns the catalogue id ("1.1", "4.6a"), or "ID(n)" for an invalid value. Cost: O(1), no
// allocation for valid ids.
func (id ID) String() string {
	if !id.Valid() {
		return fmt.Sprintf("ID(%d)", uint8(id))
	}
	return idText[id]
}

// Group returns the portal (six-group) group the metric belongs to, or 0 for an invalid id. Cost: O(1).
func (id ID) Group() Group {
	switch {
	case !id.Valid():
		return 0
	case id <= M14:
		return G1
	case id <= M22:
		return G2
	case id <= M33:
		return G3a
	case id <= M36:
		return G3b
	case id <= M46b:
		return G4
	default:
		return G5
	}
}

// MarshalText encodes the id as its catalogue text. It fails with an *IDError (ErrUnknownID) for an invalid id.
func (id ID) MarshalText() ([]byte, error) {
	if !id.Valid() {
		return nil, &IDError{Input: id.String()}
	}
	return []byte(idText[id]), nil
}

// UnmarshalText decodes an id with ParseID. It fails with an *IDError (ErrUnknownID).
func (id *ID) UnmarshalText(b []byte) error {
	v, err := ParseID(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// IDs returns every valid metric id in catalogue order, as a fresh slice. Cost: one small allocation.
func IDs() []ID {
	out := make([]ID, 0, NumIDs-1)
	for id := M11; id <= M53; id++ {
		out = append(out, id)
	}
	return out
}

// ParseID accepts a catalogue id ("1.1", "4.6a"; case-insensitive letter) or a portal alias code
// ("PUBLISH_ON_TIME", "TDGQ" for 2.1, "avgProcessingDays" for 2.2, both PETITION_CLASSIFICATION_* codes for 5.0).
// Surrounding spaces are ignored. It fails with an *IDError matching ErrUnknownID. Cost: O(number of metrics).
func ParseID(s string) (ID, error) {
	t := strings.TrimSpace(s)
	for id := M11; id <= M53; id++ {
		if strings.EqualFold(t, idText[id]) {
			return id, nil
		}
	}
	for id := M11; id <= M53; id++ {
		if code := portalCode(id); code != "" && strings.EqualFold(t, code) {
			return id, nil
		}
	}
	if strings.EqualFold(t, "PETITION_CLASSIFICATION_STAFF") {
		return M50, nil
	}
	return 0, &IDError{Input: s}
}

// Group is a group of the portal's six-group layout (docs/rules.md, Groups and maxima). The zero Group is
// invalid.
type Group uint8

// The portal's six groups.
const (
	G1  Group = iota + 1 // Công khai, minh bạch — publication and transparency (18)
	G2                   // Tiến độ, kết quả giải quyết — timeliness (20)
	G3a                  // Dịch vụ công trực tuyến — online public services (12)
	G3b                  // Thanh toán trực tuyến — online payment (10)
	G4                   // Số hóa hồ sơ — digitisation (22)
	G5                   // Mức độ hài lòng — satisfaction (18)

	// NumGroups is the number of portal groups; Result.Groups is indexed by Group-1.
	NumGroups = int(G5)
)

var groupText = [NumGroups + 1]string{"", "1", "2", "3a", "3b", "4", "5"}
var groupCode = [NumGroups + 1]string{"", "CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL"}
var groupNameVI = [NumGroups + 1]string{"", "Công khai, minh bạch", "Tiến độ, kết quả giải quyết",
	"Dịch vụ công trực tuyến", "Thanh toán trực tuyến", "Số hóa hồ sơ", "Mức độ hài lòng"}
var groupNameEN = [NumGroups + 1]string{"", "publication and transparency", "timeliness of resolution",
	"online public services", "online payment", "digitisation of dossiers", "satisfaction"}

// Valid reports whether g is one of the six portal groups.
func (g Group) Valid() bool { return g >= G1 && g <= G5 }

// String returns "1", "2", "3a", "3b", "4" or "5" (or "Group(n)" when invalid).
func (g Group) String() string {
	if !g.Valid() {
		return fmt.Sprintf("Group(%d)", uint8(g))
	}
	return groupText[g]
}

// PortalCode returns the portal's group code (CKMB, TDGQ, CLGQ, TTTT, MDSH, MDHL), or "" when invalid.
func (g Group) PortalCode() string {
	if !g.Valid() {
		return ""
	}
	return groupCode[g]
}

// NameVI returns the group's Vietnamese name ("" when invalid).
func (g Group) NameVI() string {
	if !g.Valid() {
		return ""
	}
	return groupNameVI[g]
}

// NameEN returns the group's English name ("" when invalid).
func (g Group) NameEN() string {
	if !g.Valid() {
		return ""
	}
	return groupNameEN[g]
}

// Decision maps a portal group to the Decision's five-group layout: 3a and 3b both map to D3.
func (g Group) Decision() DecisionGroup {
	switch g {
	case G1:
		return D1
	case G2:
		return D2
	case G3a, G3b:
		return D3
	case G4:
		return D4
	case G5:
		return D5
	}
	return 0
}

// MarshalText encodes the group as "1" … "5" or "3a"/"3b". Fails with *IDError for an invalid group.
func (g Group) MarshalText() ([]byte, error) {
	if !g.Valid() {
		return nil, &IDError{Input: g.String()}
	}
	return []byte(groupText[g]), nil
}

// DecisionGroup is a group of the Decision's five-group layout (18/20/22/22/18); D3 is the portal's 3a+3b.
type DecisionGroup uint8

// The Decision's five groups.
const (
	D1 DecisionGroup = iota + 1 // publication and transparency (18)
	D2                          // timeliness (20)
	D3                          // online services incl. payment (22) = portal 3a + 3b
	D4                          // digitisation (22)
	D5                          // satisfaction (18)

	// NumDecisionGroups is the number of groups in the Decision layout.
	NumDecisionGroups = int(D5)
)

// String returns "1" … "5" (or "DecisionGroup(n)" when invalid).
func (d DecisionGroup) String() string {
	if d < D1 || d > D5 {
		return fmt.Sprintf("DecisionGroup(%d)", uint8(d))
	}
	return string(rune('0' + d))
}

// Groups returns the portal groups that make up d (two for D3), as a fresh slice.
func (d DecisionGroup) Groups() []Group {
	switch d {
	case D1:
		return []Group{G1}
	case D2:
		return []Group{G2}
	case D3:
		return []Group{G3a, G3b}
	case D4:
		return []Group{G4}
	case D5:
		return []Group{G5}
	}
	return nil
}

// MarshalText encodes the Decision group as "1" … "5".
func (d DecisionGroup) MarshalText() ([]byte, error) {
	if d < D1 || d > D5 {
		return nil, &IDError{Input: d.String()}
	}
	return []byte(d.String()), nil
}
