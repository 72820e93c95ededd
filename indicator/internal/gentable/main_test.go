package main

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

const readmePath = "../../../README.md"

// TestReadmeTableIsFresh fails when the README's metric table differs from what the registry generates.
// Fix: cd indicator && go generate.
func TestReadmeTableIsFresh(t *testing.T) {
	old, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	want, err := splice(old, render())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, want) {
		t.Fatal("README.md metric table is stale: run `go generate ./indicator/`")
	}
}

func TestSplice(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"replaces between markers", "a\n" + beginMarker + "old" + endMarker + "\nb", "a\n" + beginMarker + "NEW" + endMarker + "\nb", nil},
		{"empty block", beginMarker + endMarker, beginMarker + "NEW" + endMarker, nil},
		{"missing end", beginMarker, "", errMarkers},
		{"wrong order", endMarker + beginMarker, "", errMarkers},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := splice([]byte(tc.in), "NEW")
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if err == nil && string(got) != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRenderListsEveryMetric(t *testing.T) {
	out := render()
	for _, id := range []string{"| 1.1 |", "| 2.2 |", "| 4.6a |", "| 4.6b |", "| 5.0 |", "| 5.3 |"} {
		if !bytes.Contains([]byte(out), []byte(id)) {
			t.Errorf("table lacks %s", id)
		}
	}
	if !bytes.Contains([]byte(out), []byte("total 100")) {
		t.Error("table lacks the total of 100")
	}
}
