package ruletest_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
)

// A rule owner checks a due date by hand before pinning it in a test: a dossier received after the 15:00
// cut-off on the Friday before the 2026 Hùng Kings' holiday.
func Example() {
	cal, err := calendar.New(calendar.Options{FromYear: 2026, ToYear: 2026})
	if err != nil {
		fmt.Println(err)
		return
	}
	received := time.Date(2026, 4, 24, 16, 30, 0, 0, calendar.Zone())
	dl, err := cal.Due(received, calendar.Duration{Amount: 5, Unit: calendar.WorkingDays}, calendar.DefaultDeadlinePolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("deemed received:", dl.DeemedReceipt, dl.DeemedReceipt.Weekday())
	fmt.Println("due:", dl.Due, dl.Due.Weekday())
	fmt.Println("27/4 is", cal.Day(calendar.NewDate(2026, 4, 27)).Name)
	// Output:
	// deemed received: 2026-04-28 Tuesday
	// due: 2026-05-07 Thursday
	// 27/4 is Nghỉ bù Giỗ Tổ Hùng Vương (Sun 26/4)
}
