// Command jsonvectors prints what Go 1.19's encoding/json does for the cases that
// tst_gojson.cpp pins (the tables goMarshal and goUnmarshal there):
//
//	go run jsonvectors.go
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.25, 2.5, 1e20, 1e21, 123456789012345680000,
		1e-6, 9.999999e-7, 1e-7, 1.5e-7, 5e-324, math.MaxFloat64, -1e-300, 1e100, 3.14159,
		100, 1234567.875, 9007199254740993, 0.000001234, 33e-9}
	fmt.Println("== float64")
	for _, f := range floats {
		b, _ := json.Marshal(f)
		fmt.Printf("%016x %s\n", math.Float64bits(f), b)
	}
	fmt.Println("== float32")
	for _, f := range []float32{0.1, 1.5, 1e-7, 1e21, 16777217, 3.4028235e38} {
		b, _ := json.Marshal(f)
		fmt.Printf("%08x %s\n", math.Float32bits(f), b)
	}
	fmt.Println("== strings")
	for _, s := range []string{"plain", "a\"b\\c/d", "\n\r\t\b\f\x00\x01\x1f\x7f", "<script>&amp;</script>",
		"\u2028\u2029", "héllo wörld", "😀", "\ufffd", "\u00ad\u0080"} {
		b, _ := json.Marshal(s)
		fmt.Printf("%s %s\n", strconv.Quote(s), b)
	}
	fmt.Println("== keys")
	b, _ := json.Marshal(map[string]interface{}{"b": 1, "a": 2, "\uff01": 3, "😀": 4, "B": 5, "": 6, "aa": 7})
	fmt.Printf("%s\n", b)
	fmt.Println("== unmarshal")
	inputs := []string{"", " ", "{", "[", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "[1 2]", "01", "-",
		"1.", "1e", "1e+", "tru", "trUe", "nul", "falsy", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12g4\"",
		"{\"a\":1}x", "nan", "1e400", "-1e400", "1e-400", "[1e400, x]", "\"\\ud83d\\ude00\"",
		"\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\xff\"", "\"\xed\xa0\x80\"", "\"\xe2\x82\"",
		"\"\xf0\x9f\x98\x80\"", "  {\"b\" : [true, false, null, -0, 1E2, 2.5e-3]}  ", "{\"a\":1,\"a\":2}",
		"\"\\/\\b\\f\"", "'x'", "\x01"}
	for _, in := range inputs {
		var v interface{}
		err := json.Unmarshal([]byte(in), &v)
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			fmt.Printf("%s ERR %q @%d\n", strconv.Quote(in), se.Error(), se.Offset)
		case err != nil:
			fmt.Printf("%s ERR %q\n", strconv.Quote(in), err.Error())
		default:
			out, _ := json.Marshal(v)
			fmt.Printf("%s OK %s %q\n", strconv.Quote(in), out, fmt.Sprintf("%#v", v))
		}
	}
}
