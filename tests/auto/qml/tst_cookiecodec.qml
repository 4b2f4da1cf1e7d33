import QtQuick
import QtTest
import RediStore

// CookieCodec: Go's cookies decode (the known-answer vectors of gorilla/securecookie), own
// cookies round-trip, key rotation, bad keys and wrong argument types.
TestCase {
    id: testCase
    name: "CookieCodec"

    Component {
        id: codecComponent
        CookieCodec { }
    }

    function createCodec(properties) {
        const codec = createTemporaryObject(codecComponent, testCase, properties || {})
        verify(codec)
        return codec
    }

    function keysOf(pairs) {
        const keys = []
        for (const pair of pairs) {
            keys.push("hex:" + pair.hash_key_hex)
            keys.push(pair.block_key_hex ? "hex:" + pair.block_key_hex : "")
        }
        return keys
    }

    function test_goCookies_data() {
        return goVectors.securecookie
            .filter(v => v.value.type === "string" || v.value.type === "int")
            .map(v => ({ tag: v.id, vector: v }))
    }

    function test_goCookies(data) {
        const v = data.vector
        // The vectors were signed in 2025: no age limit here (the library's tests pin time).
        const codec = createCodec({
            keys: keysOf([{ hash_key_hex: v.hash_key_hex, block_key_hex: v.block_key_hex }]),
            encoding: v.encoder, maxAge: 0 })
        verify(codec.valid, codec.error)
        compare(codec.decode(v.name, v.cookie), v.decoded.v)
        compare(codec.error, "")
        const inspection = codec.inspect(v.name, v.cookie)
        compare(inspection.ok, true)
        compare(inspection.keyIndex, 0)
        compare(inspection.timestamp, v.timestamp)
        // Another name: the MAC covers it.
        compare(codec.decode("other-name", v.cookie), null)
        verify(codec.error.length > 0)
    }

    function test_goSessionCookie() {
        // The cookie Go's redistore set: securecookie(gob(session ID)).
        const v = goVectors.redistore.vectors.find(x => x.id === "rs-gob-basic-hashonly")
        const codec = createCodec({ keys: keysOf(v.store_keys), maxAge: 0 })
        compare(codec.decode(v.session_name, v.cookie_value), v.session_id)
    }

    function test_rotation() {
        const m = goVectors.multi_codec.find(x => x.id === "multi-old-cookie-rotated-store")
        verify(m)
        const codec = createCodec({ keys: keysOf(m.decode_keys), maxAge: 0 })
        const inspection = codec.inspect(m.name, m.cookie)
        compare(inspection.ok, true)
        compare(inspection.value, m.decoded.v)
        compare(inspection.keyIndex, 1)
        compare(inspection.keyErrors.length, 1)
    }

    function test_roundTrip_data() {
        return [
            { tag: "gob, signed", keys: ["hash-secret"], encoding: "gob" },
            { tag: "gob, AES-128", keys: ["hash-secret", "0123456789abcdef"], encoding: "gob" },
            { tag: "json, AES-256", keys: ["hex:" + "ab".repeat(32), "base64:" + Qt.btoa("k".repeat(32))],
              encoding: "json" },
        ]
    }

    function test_roundTrip(data) {
        const codec = createCodec({ keys: data.keys, encoding: data.encoding })
        verify(codec.valid, codec.error)
        const id = "52ZPY4ZW3RFICLUBZPWCHWFNRNXJIQRRKIRB4ZNWI2LC2IO6JSPA"
        const cookie = codec.encode("session", id)
        verify(typeof cookie === "string" && cookie.length > 0, codec.error)
        compare(codec.decode("session", cookie), id)
        const map = codec.encode("session", { user: "alice", n: 2 })
        const back = codec.decode("session", map)
        compare(back.user, "alice")
        compare(back.n, 2)
        // Tampered.
        const tampered = cookie.substring(0, 10) + (cookie[10] === "A" ? "B" : "A") + cookie.substring(11)
        compare(codec.decode("session", tampered), null)
        verify(codec.error.length > 0)
    }

    function test_badKeys_data() {
        return [
            { tag: "none", keys: [], expect: "no keys" },
            { tag: "bad hex", keys: ["hex:zz"], expect: "hex" },
            { tag: "block key size", keys: ["hash", "short"], expect: "block key" },
            { tag: "empty hash key", keys: [""], expect: "" },
        ]
    }

    function test_badKeys(data) {
        const codec = createCodec({ keys: data.keys })
        compare(codec.valid, false)
        verify(codec.error.indexOf(data.expect) >= 0, codec.error)
        compare(codec.decode("session", "abc"), null)
        compare(codec.encode("session", "abc"), null)
        compare(codec.inspect("session", "abc").ok, false)
        codec.keys = ["good-key"]
        compare(codec.valid, true)
        compare(codec.error, "")
    }

    function test_maxAge() {
        const codec = createCodec({ keys: ["hash-secret"] })
        compare(codec.maxAge, 2592000)
        const v = goVectors.securecookie[0]
        codec.keys = keysOf([{ hash_key_hex: v.hash_key_hex, block_key_hex: v.block_key_hex }])
        compare(codec.maxAge, 2592000, "kept when the keys change")
        compare(codec.decode(v.name, v.cookie), null, "signed in 2025: expired")
        verify(codec.error.indexOf("expired") >= 0, codec.error)
    }

    function test_typeErrors_data() {
        return [
            { tag: "decode(number)", method: "decode", call: c => c.decode(1, "x") },
            { tag: "decode(name)", method: "decode", call: c => c.decode("session") },
            { tag: "encode()", method: "encode", call: c => c.encode() },
            { tag: "encode(name)", method: "encode", call: c => c.encode("session") },
            { tag: "inspect(object)", method: "inspect", call: c => c.inspect("s", {}) },
        ]
    }

    function test_typeErrors(data) {
        const codec = createCodec({ keys: ["hash-secret"] })
        let thrown = null
        try {
            data.call(codec)
        } catch (e) {
            thrown = e
        }
        verify(thrown instanceof TypeError, String(thrown))
        verify(thrown.message.indexOf("CookieCodec." + data.method + "()") === 0, thrown.message)
    }
}
