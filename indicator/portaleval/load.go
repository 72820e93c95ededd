package portaleval

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// File names. A folder of saved responses follows the layout of the public captures:
// <endpoint>/<period>-<scope>.json (e.g. transparency/month-all.json), or flat <endpoint>.json or
// <endpoint>-<period>-<scope>.json. <scope> is "all" (every procedure) or anything else, taken as the
// single-procedure scope (the formalityId filter; "formality" in the captures). The scope is the part
// after the last "-" unless it is all digits: "2026-08-all" is period 2026-08, scope all; "2026-08" is
// period 2026-08, all procedures.

// ParseName derives the endpoint, period and procedure scope from a response file's path (slash
// separated, relative to the folder): "dossier-digitized/month-formality.json" → Digitisation, "month",
// "formality"; "transparency.json" → Transparency, "", "". ok is false when no endpoint is named or the
// file is not a .json file. Cost: O(len(p)).
func ParseName(p string) (e Endpoint, period, procedure string, ok bool) {
	if !strings.EqualFold(path.Ext(p), ".json") {
		return "", "", "", false
	}
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	dir := path.Base(path.Dir(p))
	rest := ""
	if de, found := ParseEndpoint(dir); found {
		e, rest = de, base
	} else {
		for _, cand := range endpoints {
			if strings.EqualFold(base, string(cand)) {
				e, rest = cand, ""
				break
			}
			if pre := string(cand) + "-"; len(base) > len(pre) && strings.EqualFold(base[:len(pre)], pre) {
				e, rest = cand, base[len(pre):]
				break
			}
		}
		if e == "" {
			return "", "", "", false
		}
	}
	period = rest
	if i := strings.LastIndexByte(rest, '-'); i >= 0 && strings.Trim(rest[i+1:], "0123456789") != "" {
		period, procedure = rest[:i], rest[i+1:]
	}
	if strings.EqualFold(procedure, "all") {
		procedure = ""
	}
	return e, period, procedure, true
}

// LoadFS decodes every response file of fsys (walked recursively, names as ParseName; other files are
// listed in skipped, never silently ignored) and groups them into one Evaluation per period and scope,
// in sorted order of (period, procedure). Errors: the first decoding *Error, wrapped with the file name;
// NewEvaluation's errors (two files of one endpoint for the same period and scope). Cost: reads and
// decodes every file; O(total size) memory.
func LoadFS(fsys fs.FS) (evs []*Evaluation, skipped []string, err error) {
	groups := map[[2]string][]*Response{}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, werr error) error {
		if werr != nil {
			return werr
		}
		if d.IsDir() {
			return nil
		}
		e, period, proc, ok := ParseName(p)
		if !ok {
			skipped = append(skipped, p)
			return nil
		}
		body, rerr := fs.ReadFile(fsys, p)
		if rerr != nil {
			return rerr
		}
		r, derr := DecodeBytes(e, body)
		if derr != nil {
			return fmt.Errorf("%s: %w", p, derr)
		}
		r.Period, r.Procedure = period, proc
		k := [2]string{period, proc}
		groups[k] = append(groups[k], r)
		return nil
	})
	if err != nil {
		return nil, skipped, err
	}
	keys := make([][2]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		rs := groups[k]
		sort.SliceStable(rs, func(i, j int) bool { return endpointIndex(rs[i].Endpoint) < endpointIndex(rs[j].Endpoint) })
		ev, nerr := NewEvaluation(rs...)
		if nerr != nil {
			return nil, skipped, nerr
		}
		evs = append(evs, ev)
	}
	return evs, skipped, nil
}

func endpointIndex(e Endpoint) int {
	for i, x := range endpoints {
		if x == e {
			return i
		}
	}
	return len(endpoints)
}
