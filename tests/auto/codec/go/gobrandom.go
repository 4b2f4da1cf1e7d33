// Command gobrandom prints random nested session values (single-entry maps, so Go's output
// is deterministic) with the bytes Go 1.19's gob writes for them, one JSON line per seed, each
// from a fresh process; tst_gob.cpp (matchesGoOnRandomNestedValues) reads the lines from
// gob-random.jsonl and encodes and decodes each value:
//
//	go build -o /tmp/gobrandom gobrandom.go
//	for i in $(seq 1 150); do /tmp/gobrandom $i; done > gob-random.jsonl
package main

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
)

type m = map[interface{}]interface{}
type l = []interface{}
type sm = map[string]interface{}

func rstr(r *rand.Rand) string {
	pool := []string{"a", "Z", "é", "😀", "<", "\x00", "long-" + string(bytes.Repeat([]byte("x"), 130))}
	s := ""
	n := r.Intn(4)
	for i := 0; i < n; i++ {
		s += pool[r.Intn(len(pool))]
	}
	return s
}

func val(r *rand.Rand, depth int) (interface{}, interface{}) {
	k := r.Intn(10)
	if depth > 4 {
		k = r.Intn(7)
	}
	switch k {
	case 0:
		s := rstr(r)
		return s, map[string]interface{}{"t": "string", "v": s}
	case 1:
		i := int(r.Int63()>>uint(r.Intn(63))) * (1 - 2*r.Intn(2))
		return i, map[string]interface{}{"t": "int", "v": strconv.Itoa(i)}
	case 2:
		u := uint(r.Uint64() >> uint(r.Intn(64)))
		return u, map[string]interface{}{"t": "uint", "v": strconv.FormatUint(uint64(u), 10)}
	case 3:
		f := []float64{0, 1.5, -2.25, 1e300, math.Inf(1), math.NaN(), math.Copysign(0, -1)}[r.Intn(7)]
		return f, map[string]interface{}{"t": "float64", "v": strconv.FormatUint(math.Float64bits(f), 16)}
	case 4:
		b := r.Intn(2) == 1
		return b, map[string]interface{}{"t": "bool", "v": b}
	case 5:
		b := []byte(rstr(r))
		return b, map[string]interface{}{"t": "bytes", "v": hex.EncodeToString(b)}
	case 6:
		return nil, map[string]interface{}{"t": "nil"}
	case 7, 8:
		n := r.Intn(4)
		var out l = l{}
		var desc []interface{}
		for i := 0; i < n; i++ {
			v, d := val(r, depth+1)
			out = append(out, v)
			desc = append(desc, d)
		}
		return out, map[string]interface{}{"t": "list", "v": desc}
	default:
		out := sm{}
		if r.Intn(4) == 0 {
			return out, map[string]interface{}{"t": "map", "k": nil}
		}
		key := rstr(r)
		v, d := val(r, depth+1)
		out[key] = v
		return out, map[string]interface{}{"t": "map", "k": key, "v": d}
	}
}

func main() {
	seed, _ := strconv.Atoi(os.Args[1])
	gob.Register(l{})
	gob.Register(sm{})
	r := rand.New(rand.NewSource(int64(seed)))
	key := rstr(r)
	v, d := val(r, 1)
	if b, ok := v.(bool); ok {
		d = map[string]interface{}{"t": "bool", "v": b}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m{key: v}); err != nil {
		panic(err)
	}
	out, _ := json.Marshal(map[string]interface{}{"key": key, "value": d, "hex": hex.EncodeToString(buf.Bytes())})
	fmt.Println(string(out))
}
