package lunar_test

import (
	"errors"
	"fmt"

	"github.com/vn-dvc/chiso766/calendar/lunar"
)

func ExampleFromSolar() {
	d, err := lunar.FromSolar(2023, 3, 22)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d, d.Leap)
	// Output: 1/2n/2023 true
}

func ExampleToSolar() {
	// Giỗ Tổ Hùng Vương 2009: day 10 of the non-leap month 3.
	y, m, d, err := lunar.ToSolar(lunar.Date{Year: 2009, Month: 3, Day: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d-%02d-%02d\n", y, m, d)
	// Output: 2009-04-04
}

func ExampleNewYear() {
	m, d, err := lunar.NewYear(2030)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Tết 2030: 2030-%02d-%02d\n", m, d)
	// Output: Tết 2030: 2030-02-02
}

func ExampleLeapMonth() {
	for _, y := range []int{2023, 2026, 2033} {
		lm, err := lunar.LeapMonth(y)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(y, lm)
	}
	// Output:
	// 2023 2
	// 2026 0
	// 2033 11
}

func ExampleMonthLength() {
	n, _ := lunar.MonthLength(2023, 2, true)
	fmt.Println(n)
	_, err := lunar.MonthLength(2026, 2, true)
	fmt.Println(errors.Is(err, lunar.ErrInvalidDate))
	// Output:
	// 29
	// true
}

func ExampleRangeError() {
	_, err := lunar.FromSolar(2101, 1, 1)
	var re *lunar.RangeError
	fmt.Println(errors.Is(err, lunar.ErrOutOfRange), errors.As(err, &re), re.Func)
	// Output: true true FromSolar
}
