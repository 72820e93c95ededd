// Package recdiff compares decoded records field by field for the codecs'
// round-trip tests and fuzz targets: Diff names the first field that differs.
package recdiff

import (
	"bytes"
	"fmt"
	"reflect"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// Diff returns "" when a and b hold equal values, else the path of the first
// difference and both values (e.g. "Files[1].URL: "a" != "b""). Times
// (time.Time) are equal when they denote the same instant after truncation
// to prec (0: exact); their locations are ignored. Nil and empty slices are
// different; unexported fields are compared too. A value with a method
// Equal(T) bool (decimal.Decimal, model.Time) is compared with it, except a
// struct with a time.Time field when prec > 0 (model.Time), which is walked
// so that its time is truncated. Cost: one walk of both
// values, no allocation unless they differ.
func Diff(a, b any, prec time.Duration) string {
	return diff("", reflect.ValueOf(a), reflect.ValueOf(b), prec)
}

func diff(path string, a, b reflect.Value, prec time.Duration) string {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: validity %v != %v", path, a.IsValid(), b.IsValid())
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %v != %v", path, a.Type(), b.Type())
	}
	if a.Type() == timeType && a.CanInterface() {
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		if prec > 0 {
			ta, tb = ta.Truncate(prec), tb.Truncate(prec)
		}
		if !ta.Equal(tb) {
			return fmt.Sprintf("%s: %v != %v", path, ta, tb)
		}
		return ""
	}
	if a.CanInterface() && !(prec > 0 && hasTimeField(a.Type())) {
		if m := a.MethodByName("Equal"); m.IsValid() && m.Type().NumIn() == 1 && m.Type().In(0) == a.Type() &&
			m.Type().NumOut() == 1 && m.Type().Out(0).Kind() == reflect.Bool {
			if !m.Call([]reflect.Value{b})[0].Bool() {
				return fmt.Sprintf("%s: %v != %v", path, a.Interface(), b.Interface())
			}
			return ""
		}
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i), prec); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v != nil %v", path, a.IsNil(), b.IsNil())
		}
		if a.Type().Elem().Kind() == reflect.Uint8 {
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				return fmt.Sprintf("%s: %q != %q", path, a.Bytes(), b.Bytes())
			}
			return ""
		}
		fallthrough
	case reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d != %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), prec); d != "" {
				return d
			}
		}
		return ""
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v != nil %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return diff(path, a.Elem(), b.Elem(), prec)
	case reflect.Map:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: map of %d != %d", path, a.Len(), b.Len())
		}
		for _, k := range a.MapKeys() {
			if d := diff(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k), prec); d != "" {
				return d
			}
		}
		return ""
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q != %q", path, a.String(), b.String())
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Sprintf("%s: %v != %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Sprintf("%s: %d != %d", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return fmt.Sprintf("%s: %d != %d", path, a.Uint(), b.Uint())
		}
	case reflect.Float32, reflect.Float64:
		if a.Float() != b.Float() {
			return fmt.Sprintf("%s: %v != %v", path, a.Float(), b.Float())
		}
	default:
		return fmt.Sprintf("%s: cannot compare kind %v", path, a.Kind())
	}
	return ""
}

func hasTimeField(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if t.Field(i).Type == timeType {
			return true
		}
	}
	return false
}
