// Command gobvectors prints what Go 1.19's encoding/gob writes for the cases that
// tst_gob.cpp pins (the table goReferenceStreams there). Each case runs in a fresh process,
// because gob hands out type ids process-wide in first-use order:
//
//	go build -o /tmp/gobvectors gobvectors.go
//	for c in $(/tmp/gobvectors -list); do echo "$c $(/tmp/gobvectors -case $c)"; done
package main

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"time"
)

type Point struct{ X, Y int }
type Name string

type m = map[interface{}]interface{}
type l = []interface{}
type sm = map[string]interface{}

var cases = map[string]func() interface{}{
	"nested-one":       func() interface{} { return m{"k": l{"a", 1}} },
	"nested-two":       func() interface{} { return m{"k": l{"a", sm{"x": l{1}}}} },
	"nested-map":       func() interface{} { return m{"m": sm{"a": "b"}} },
	"map-then-list":    func() interface{} { return m{"k": sm{"l": l{true, nil}}} },
	"deep":             func() interface{} { return m{"d": l{l{l{l{l{l{l{l{"bottom"}}}}}}}}} },
	"nil-value":        func() interface{} { return m{"k": nil} },
	"bytes":            func() interface{} { return m{"b": []byte{0, 1, 2, 255}} },
	"empty-bytes":      func() interface{} { return m{"b": []byte{}} },
	"uint":             func() interface{} { return m{"u": uint(7)} },
	"uint64-max":       func() interface{} { return m{"u": uint64(18446744073709551615)} },
	"int64-min":        func() interface{} { return m{"i": int64(-9223372036854775808)} },
	"int8":             func() interface{} { return m{"i": int8(-3)} },
	"float32":          func() interface{} { return m{"f": float32(1.5)} },
	"float-negzero":    func() interface{} { return m{"f": math.Copysign(0, -1)} },
	"string-300":       func() interface{} { return m{"blob": strings.Repeat("x", 300)} },
	"string-utf8":      func() interface{} { return m{"s": "héllo 😀"} },
	"empty-list":       func() interface{} { return m{"e": l{}} },
	"empty-map":        func() interface{} { return m{} },
	"empty-nested-map": func() interface{} { return m{"e": sm{}} },
	"string-slice":     func() interface{} { return m{"s": []string{"a", "b"}} },
	"int-slice":        func() interface{} { return m{"s": []int{1, -2}} },
	"map-string-string": func() interface{} {
		gob.Register(map[string]string{})
		return m{"s": map[string]string{"a": "b"}}
	},
	"array":                    func() interface{} { gob.Register([3]int{}); return m{"a": [3]int{1, 2, 3}} },
	"top-string":               func() interface{} { return "hello" },
	"top-int":                  func() interface{} { return 1234567 },
	"top-bool":                 func() interface{} { return true },
	"top-float":                func() interface{} { return 3.5 },
	"top-list":                 func() interface{} { return l{"a", 2} },
	"top-map-string-interface": func() interface{} { return sm{"a": 1} },
	// Not supported by the Qt side: each must fail with GobUnsupportedType naming the type.
	"unsupported-struct":  func() interface{} { gob.Register(Point{}); return m{"p": Point{1, 2}} },
	"unsupported-named":   func() interface{} { gob.Register(Name("")); return m{"n": Name("x")} },
	"unsupported-complex": func() interface{} { return m{"c": complex(1, 2)} },
	"unsupported-time": func() interface{} {
		gob.Register(time.Time{})
		return m{"t": time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)}
	},
	"unsupported-int-keys": func() interface{} {
		gob.Register(map[int]string{})
		return m{"k": map[int]string{1: "a"}}
	},
	"unsupported-top-struct": func() interface{} { return Point{1, 2} },
}

func main() {
	list := flag.Bool("list", false, "list the case names")
	name := flag.String("case", "", "case to encode")
	flag.Parse()
	if *list {
		names := make([]string, 0, len(cases))
		for n := range cases {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Println(strings.Join(names, "\n"))
		return
	}
	gob.Register(l{})
	gob.Register(sm{})
	gob.Register(m{})
	f, ok := cases[*name]
	if !ok {
		fmt.Fprintln(os.Stderr, "unknown case", *name)
		os.Exit(2)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(hex.EncodeToString(buf.Bytes()))
}
