package indicator_test

import (
	"fmt"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// A dossier in status 1 (Mới đăng ký) was registered but not received: every dossier calculator leaves it
// out with indicator.ReasonNotReceived, whatever dates it carries. Reception.RegisteredCounted judges it
// on its dates instead.
func ExampleReceptionPolicy_NotYetReceived() {
	d := model.Dossier{Code: "H44.100-260812-0001", Status: model.NewStatus(model.StatusRegistered)}
	pol := indicator.DefaultReceptionPolicy()
	fmt.Println(pol.NotYetReceived(&d), indicator.ReasonNotReceived)
	pol.RegisteredCounted = true
	fmt.Println(pol.NotYetReceived(&d))
	// Output:
	// true reception.not_received
	// false
}
