module example.com/app

go 1.21.4

toolchain go1.22.0

require github.com/pkg/errors v0.9.1

require (
	golang.org/x/text v0.14.0 // indirect
	"example.com/quoted" v1.0.0
)

replace github.com/pkg/errors => github.com/pkg/errors v0.9.0

exclude golang.org/x/text v0.3.0

frobnicate something
