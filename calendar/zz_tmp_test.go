package calendar_test
import ("testing";"fmt";"github.com/vn-dvc/chiso766/calendar")
func TestX(t *testing.T){
 c,_ := calendar.New(calendar.Options{FromYear:2025,ToYear:2027})
 for d:=calendar.NewDate(2026,8,1); d.Before(calendar.NewDate(2026,9,5)); d=d.AddDays(1) { i:=c.Day(d); if i.Working != (d.Weekday()!=0&&d.Weekday()!=6) {fmt.Println(d, i.Kind, i.Name)} }
 n,_ := c.WorkingDaysBetween(calendar.NewDate(2026,8,3), calendar.NewDate(2026,8,24)); fmt.Println(n)
}
