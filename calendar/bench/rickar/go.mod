module github.com/vn-dvc/chiso766/calendar/bench/rickar

go 1.26

require github.com/vn-dvc/chiso766 v0.0.0

require github.com/rickar/cal/v2 v2.1.13

replace github.com/vn-dvc/chiso766 => ../../..
