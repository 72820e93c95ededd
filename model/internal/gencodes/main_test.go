package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const codesPath = "../../codes.go"

// TestCodesAreFresh fails when the committed model/codes.go differs from what the table generates.
// Fix: go generate ./model
func TestCodesAreFresh(t *testing.T) {
	old, err := os.ReadFile(codesPath)
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate(table)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, want) {
		t.Fatal("model/codes.go is stale or was edited by hand: run `go generate ./model`")
	}
}

func TestGenerateRejectsInconsistentTables(t *testing.T) {
	ok := func() codeType {
		return codeType{Name: "Colour", Unknown: "ColourUnknown", Doc: "Colour is a colour.", Values: []value{
			val(1, "ColourRed", "Đỏ", "red"),
			val(2, "ColourBlue", "Xanh", "blue"),
		}}
	}
	if _, err := generate([]codeType{ok()}); err != nil {
		t.Fatalf("consistent table: %v", err)
	}
	tests := []struct {
		name string
		edit func(*codeType)
		want string
	}{
		{"duplicate word", func(c *codeType) { c.Values[1].Aliases = []string{"ĐỎ"} }, `word "ĐỎ"`},
		{"duplicate number", func(c *codeType) { c.Values[1] = c.Values[1].alsoNumber(1) }, "number 1"},
		{"duplicate name", func(c *codeType) { c.Values[1].Name = "ColourRed" }, `duplicate identifier "ColourRed"`},
		{"unknown code used", func(c *codeType) { c.Values[0].Code = 0; c.Values[1].Code = -1 }, "code -1"},
		{"missing label", func(c *codeType) { c.Values[0].EN = "" }, "lacks a label"},
		{"ignored word taken", func(c *codeType) { c.Ignored = []string{"blue"} }, `word "blue"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := ok()
			tc.edit(&c)
			_, err := generate([]codeType{c})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
