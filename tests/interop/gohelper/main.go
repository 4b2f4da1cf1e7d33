// Command gohelper drives the real Go session store (github.com/boj/redistore v1.2, as Debian
// packages it, with gorilla/sessions and gorilla/securecookie) for the interop test: it writes
// and reads sessions in the same Redis as the Qt store, with the cookie either side set.
//
//	gohelper -redis 127.0.0.1:PORT -serializer gob|json -hash HEX [-block HEX] [-hash HEX ...] \
//	    write -name NAME [changes...]
//	gohelper ... read -name NAME -cookie 'NAME=VALUE' [-flashes] [-save] [changes...]
//
// Changes, applied in order: -set key=text (string), -int key=N (int), -float key=X
// (float64), -bool key=true|false, -json key=JSON (numbers that are integers become int,
// others float64, objects map[string]interface{}, arrays []interface{}), -delete key,
// -flash text (session.AddFlash), -maxage N (this session's Options.MaxAge; v1.2 deletes the
// session when it is <= 0).
//
// write loads a new session (no cookie), applies the changes and saves. read loads the session
// of the cookie, prints it, and saves it when there are changes or -save is given.
//
// The last line of standard output is one JSON object:
//
//	{"id":"...","isNew":false,"loadError":"","values":{"user":{"type":"string","value":"alice"}},
//	 "flashes":[...],"saved":true,"saveError":"","setCookie":"NAME=...; Path=/; ..."}
//
// Each value carries its Go type as %T prints it; integers are written as decimal strings so
// that 64-bit values survive, []byte as base64, lists and maps recursively. (redistore's
// JSONSerializer prints its errors to standard output without a newline, hence "last line".)
package main

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/boj/redistore"
	"github.com/gorilla/sessions"
)

func init() {
	// sessions registers []interface{}; nested maps need this, as every Go app storing them.
	gob.Register(map[string]interface{}{})
}

// gob's type ids are process-global, handed out in first-use order. A fresh Go 1.19 process
// gives its first type 65 (gob takes 64 for itself when it starts), later versions give it 64.
// RediStore and the vectors in tests/data number a session map as a fresh Go 1.19 process does,
// and Go of every version reads either numbering. So that the bytes can be compared whatever
// Go this is, a fresh process of this program says where its numbering starts, and 64 is taken
// here when it is still free.
func numberTypesAsGo119() {
	out, err := exec.Command(os.Args[0], "first-type-id").Output()
	if err != nil {
		fail("first-type-id: %v", err)
	}
	if strings.TrimSpace(string(out)) == "64" {
		if err := gob.NewEncoder(new(bytes.Buffer)).Encode(struct{ Taken int }{}); err != nil {
			fail("gob: %v", err)
		}
	}
}

// firstTypeId is the id a fresh process gives its first type: the first message of an
// encoding of a new struct type defines it, as the negative of its id.
func firstTypeId() int {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(struct{ Probe int }{}); err != nil {
		fail("gob: %v", err)
	}
	readUint := func(p []byte) (uint64, []byte) {
		if p[0] < 128 {
			return uint64(p[0]), p[1:]
		}
		n := int(-int8(p[0]))
		var u uint64
		for _, c := range p[1 : 1+n] {
			u = u<<8 | uint64(c)
		}
		return u, p[1+n:]
	}
	_, rest := readUint(b.Bytes()) // the message's length
	u, _ := readUint(rest)
	id := int64(u >> 1)
	if u&1 != 0 {
		id = ^id
	}
	return int(-id)
}

type change struct {
	kind  string
	key   string
	value string
}

type changeList struct {
	kind string
	list *[]change
}

func (c changeList) String() string { return "" }

func (c changeList) Set(s string) error {
	ch := change{kind: c.kind}
	switch c.kind {
	case "delete", "flash", "maxage":
		ch.value = s
	default:
		i := strings.IndexByte(s, '=')
		if i < 0 {
			return fmt.Errorf("want key=value, got %q", s)
		}
		ch.key, ch.value = s[:i], s[i+1:]
	}
	*c.list = append(*c.list, ch)
	return nil
}

type hexList [][]byte

func (h *hexList) String() string { return "" }

func (h *hexList) Set(s string) error {
	b, err := hex.DecodeString(s)
	if err != nil {
		return err
	}
	*h = append(*h, b)
	return nil
}

// fromJSON turns json.Number into int when integral, else float64, recursively.
func fromJSON(v interface{}) (interface{}, error) {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return int(i), nil
		}
		return x.Float64()
	case []interface{}:
		for i := range x {
			e, err := fromJSON(x[i])
			if err != nil {
				return nil, err
			}
			x[i] = e
		}
		return x, nil
	case map[string]interface{}:
		for k := range x {
			e, err := fromJSON(x[k])
			if err != nil {
				return nil, err
			}
			x[k] = e
		}
		return x, nil
	}
	return v, nil
}

func apply(s *sessions.Session, changes []change) error {
	for _, c := range changes {
		switch c.kind {
		case "set":
			s.Values[c.key] = c.value
		case "int":
			i, err := strconv.ParseInt(c.value, 10, 64)
			if err != nil {
				return err
			}
			s.Values[c.key] = int(i)
		case "float":
			f, err := strconv.ParseFloat(c.value, 64)
			if err != nil {
				return err
			}
			s.Values[c.key] = f
		case "bool":
			b, err := strconv.ParseBool(c.value)
			if err != nil {
				return err
			}
			s.Values[c.key] = b
		case "json":
			dec := json.NewDecoder(bytes.NewReader([]byte(c.value)))
			dec.UseNumber()
			var v interface{}
			if err := dec.Decode(&v); err != nil {
				return fmt.Errorf("-json %s: %v", c.key, err)
			}
			v, err := fromJSON(v)
			if err != nil {
				return err
			}
			s.Values[c.key] = v
		case "delete":
			delete(s.Values, c.value)
		case "flash":
			s.AddFlash(c.value)
		case "maxage":
			n, err := strconv.Atoi(c.value)
			if err != nil {
				return err
			}
			s.Options.MaxAge = n
		}
	}
	return nil
}

func describe(v interface{}) map[string]interface{} {
	d := map[string]interface{}{"type": fmt.Sprintf("%T", v)}
	switch x := v.(type) {
	case nil:
		d["type"] = "nil"
	case string, bool, float64, float32, []byte:
		d["value"] = x
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		d["value"] = fmt.Sprint(x)
	case []interface{}:
		l := make([]interface{}, len(x))
		for i, e := range x {
			l[i] = describe(e)
		}
		d["value"] = l
	case map[string]interface{}:
		m := make(map[string]interface{}, len(x))
		for k, e := range x {
			m[k] = describe(e)
		}
		d["value"] = m
	default:
		d["value"] = fmt.Sprintf("%v", x)
	}
	return d
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "gohelper: "+format+"\n", args...)
	os.Exit(2)
}

func main() {
	addr := flag.String("redis", "127.0.0.1:6379", "redis-server host:port")
	serializer := flag.String("serializer", "gob", "gob or json")
	var hashKeys, blockKeys hexList
	flag.Var(&hashKeys, "hash", "hash key in hex (repeat for key rotation)")
	flag.Var(&blockKeys, "block", "block key in hex, empty for none (pairs with the -hash of the same position)")
	flag.Parse()
	if flag.NArg() < 1 {
		fail("want a command: write or read")
	}
	verb := flag.Arg(0)
	if verb == "first-type-id" {
		fmt.Println(firstTypeId())
		return
	}
	if *serializer == "gob" {
		numberTypesAsGo119()
	}

	var changes []change
	fs := flag.NewFlagSet(verb, flag.ExitOnError)
	name := fs.String("name", "session", "session (cookie) name")
	cookie := fs.String("cookie", "", "Cookie header value for read")
	takeFlashes := fs.Bool("flashes", false, "read: take the flashes (session.Flashes())")
	forceSave := fs.Bool("save", false, "read: save even without changes")
	for _, k := range []string{"set", "int", "float", "bool", "json", "delete", "flash", "maxage"} {
		fs.Var(changeList{kind: k, list: &changes}, k, "a change (see the package comment)")
	}
	fs.Parse(flag.Args()[1:])

	if len(hashKeys) == 0 {
		fail("no -hash key")
	}
	var pairs [][]byte
	for i, h := range hashKeys {
		var b []byte
		if i < len(blockKeys) && len(blockKeys[i]) > 0 {
			b = blockKeys[i]
		}
		pairs = append(pairs, h, b)
	}
	store, err := redistore.NewRediStore(2, "tcp", *addr, "", pairs...)
	if err != nil {
		fail("redis %s: %v", *addr, err)
	}
	defer store.Close()
	switch *serializer {
	case "gob":
	case "json":
		store.SetSerializer(redistore.JSONSerializer{})
	default:
		fail("unknown serializer %q", *serializer)
	}

	req := httptest.NewRequest("GET", "http://localhost/", nil)
	out := map[string]interface{}{}
	switch verb {
	case "write":
	case "read":
		if *cookie == "" {
			fail("read needs -cookie")
		}
		req.Header.Set("Cookie", *cookie)
	default:
		fail("unknown command %q", verb)
	}

	session, err := store.New(req, *name)
	out["loadError"] = ""
	if err != nil {
		out["loadError"] = err.Error()
	}
	out["isNew"] = session.IsNew
	out["id"] = session.ID
	if *takeFlashes {
		flashes := []interface{}{}
		for _, f := range session.Flashes() {
			flashes = append(flashes, describe(f))
		}
		out["flashes"] = flashes
	}
	values := map[string]interface{}{}
	for k, v := range session.Values {
		values[fmt.Sprint(k)] = describe(v)
	}
	out["values"] = values

	if err := apply(session, changes); err != nil {
		fail("%v", err)
	}
	out["saved"] = false
	out["saveError"] = ""
	out["setCookie"] = ""
	if verb == "write" || len(changes) > 0 || *forceSave || *takeFlashes {
		rec := httptest.NewRecorder()
		if err := session.Save(req, rec); err != nil {
			out["saveError"] = err.Error()
		} else {
			out["saved"] = true
			out["id"] = session.ID
			out["setCookie"] = rec.Header().Get("Set-Cookie")
		}
	}
	line, err := json.Marshal(out)
	if err != nil {
		fail("%v", err)
	}
	fmt.Printf("\n%s\n", line)
}
