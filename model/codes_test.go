package model

import "testing"

func TestParseStatus(t *testing.T) {
	tests := []struct {
		raw   string
		code  StatusCode
		known bool
		set   bool
		label string
	}{
		{"", StatusUnknown, false, false, ""},
		{"9", StatusFinished, true, true, "Đã xử lý xong"},
		{"09", StatusFinished, true, true, "Đã xử lý xong"},
		{" 10 ", StatusReturned, true, true, "Đã trả kết quả"},
		{"releasing", StatusFinished, true, true, "Đã xử lý xong"},
		{"DONE", StatusReturned, true, true, "Đã trả kết quả"},
		{"interoperating", StatusUnknown, false, true, ""},
		{"42", StatusUnknown, false, true, ""},
		{"xyz", StatusUnknown, false, true, ""},
		{"Đã xử lý xong", StatusFinished, true, true, "Đã xử lý xong"},
	}
	for _, tt := range tests {
		s := ParseStatus(tt.raw)
		if s.Code() != tt.code || s.Known() != tt.known || s.IsSet() != tt.set || s.Label() != tt.label || s.String() != tt.raw {
			t.Errorf("ParseStatus(%q) = code %v known %v set %v label %q raw %q", tt.raw, s.Code(), s.Known(), s.IsSet(), s.Label(), s.String())
		}
	}
}
