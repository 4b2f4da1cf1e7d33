import QtQuick
import QtTest
import RediStore

// SessionAdmin against a real redis-server: every method, every callback called once,
// script errors for wrong arguments, and errors (bad URL, refused, killed, read-only).
TestCase {
    id: testCase
    name: "SessionAdmin"

    // The recorder whose calls test_destroyedWhilePending counts at the admin's destruction.
    property var watched: null

    Component {
        id: adminComponent
        SessionAdmin { url: redis.url }
    }
    Component {
        id: countedAdminComponent
        SessionAdmin {
            url: redis.url
            Component.onDestruction: if (testCase.watched) testCase.watched.atDestruction = testCase.watched.calls
        }
    }

    function createAdmin(properties) {
        const admin = createTemporaryObject(adminComponent, testCase, properties || {})
        verify(admin, "SessionAdmin created")
        return admin
    }

    // Records the calls of one callback.
    function recorder() {
        const r = { calls: 0, error: undefined, value: undefined }
        r.callback = function (error, value) {
            r.calls++
            r.error = error
            r.value = value
        }
        return r
    }

    function waitFor(r, timeout) {
        tryVerify(function () { return r.calls > 0 }, timeout || 10000, "the callback ran")
    }

    // A callback ran once; one more round trip through Redis gives a second call (there must
    // be none) the time to show up.
    function verifyOnce(admin, r) {
        compare(r.calls, 1, "the callback ran exactly once")
        const sentinel = recorder()
        admin.count(sentinel.callback)
        waitFor(sentinel)
        compare(r.calls, 1, "and not again")
    }

    // Runs method(args..., callback) and returns the recorder after the callback ran once.
    function call(admin, method, args) {
        const r = recorder()
        admin[method].apply(admin, (args || []).concat([r.callback]))
        compare(r.calls, 0, method + " never calls back synchronously")
        waitFor(r)
        verifyOnce(admin, r)
        return r
    }

    function initTestCase() {
        verify(redis.running, "redis-server: " + redis.errorString)
    }

    function init() {
        redis.flush()
        redis.setNotifications("")
    }

    function test_connected() {
        const admin = createAdmin()
        tryCompare(admin, "connected", true)
        compare(admin.error, "")
        compare(admin.keyPrefix, "session_")
        compare(admin.serializer, "auto")
        compare(admin.readOnly, false)
    }

    function test_list() {
        verify(redis.putSession("BBB", { user: "bob" }, "datastream", 0))
        verify(redis.putSession("AAA", { user: "alice" }, "gob", 600))
        verify(redis.putSession("CCC", { user: "carol" }, "json", 60))
        verify(redis.putSession("XYZ", { user: "other" }, "json", 60, "other_"))
        const admin = createAdmin()
        const r = call(admin, "list")
        compare(r.error, null)
        compare(r.value.length, 3)
        compare(r.value.map(s => s.id), ["AAA", "BBB", "CCC"])
        compare(r.value[0].key, "session_AAA")
        verify(r.value[0].ttl > 590 && r.value[0].ttl <= 600, "ttl " + r.value[0].ttl)
        verify(r.value[0].ttlMs > 590000 && r.value[0].ttlMs <= 600000)
        compare(r.value[1].ttl, -1, "no expiry")
        for (const session of r.value)
            compare(session.size, redis.command(["STRLEN", session.key]))
    }

    function test_list_empty() {
        const r = call(createAdmin(), "list")
        compare(r.error, null)
        compare(r.value, [])
    }

    function test_list_many() {
        // More keys than one SCAN page.
        for (let i = 0; i < 450; ++i)
            redis.command(["SET", "session_" + (1000 + i), "x"])
        const r = call(createAdmin(), "list")
        compare(r.error, null)
        compare(r.value.length, 450)
        compare(r.value[0].id, "1000")
        compare(r.value[449].id, "1449")
    }

    function test_sessionsOfUser_and_revokeUser() {
        const admin = createAdmin()
        const expiry = String(Date.now() + 3600 * 1000)
        verify(redis.putSession("U1", { user: "ann" }))
        verify(redis.putSession("U2", { user: "ann" }))
        verify(redis.putSession("V1", { user: "ben" }))
        redis.command(["ZADD", "redistore:user:session_:ann", expiry, "U1"])
        redis.command(["ZADD", "redistore:user:session_:ann", expiry, "U2"])
        redis.command(["ZADD", "redistore:user:session_:ben", expiry, "V1"])

        let r = call(admin, "sessionsOfUser", ["ann"])
        compare(r.error, null)
        compare(r.value.map(function (s) { return s.id }).sort(), ["U1", "U2"])
        verify(r.value[0].ttl > 0)
        r = call(admin, "sessionsOfUser", ["nobody"])
        compare(r.value.length, 0)

        r = call(admin, "revokeUser", ["ann"])
        compare(r.error, null)
        compare(r.value, 2)
        verify(!redis.exists("session_U1"))
        verify(redis.exists("session_V1"))

        admin.readOnly = true
        r = call(admin, "revokeUser", ["ben"])
        verify(r.error !== null)
        verify(redis.exists("session_V1"))
    }

    function test_count() {
        for (const id of ["A", "B", "C"])
            verify(redis.putSession(id, { n: 1 }))
        redis.command(["SET", "unrelated", "x"])
        const r = call(createAdmin(), "count")
        compare(r.error, null)
        compare(r.value, 3)
    }

    function test_get_data() {
        return [
            { tag: "datastream", serializer: "datastream" },
            { tag: "gob", serializer: "gob" },
            { tag: "json", serializer: "json" },
        ]
    }

    function test_get(data) {
        verify(redis.putSession("S1", { user: "alice", visits: 7, tags: ["a", "b"] },
                                data.serializer))
        const r = call(createAdmin(), "get", ["S1"])
        compare(r.error, null)
        compare(r.value.user, "alice")
        compare(r.value.visits, 7)
        compare(r.value.tags, ["a", "b"])
    }

    function test_get_go_gob() {
        // The bytes Go's redistore wrote for a session (GobSerializer).
        const vector = goVectors.redistore.vectors.find(v => v.id === "rs-gob-basic-hashonly")
        verify(vector)
        verify(redis.putHex("session_GO", vector.redis_value_hex))
        const r = call(createAdmin(), "get", ["GO"])
        compare(r.error, null)
        compare(r.value.name, "alice")
        compare(r.value.admin, true)
    }

    function test_get_missing() {
        const r = call(createAdmin(), "get", ["NOPE"])
        verify(typeof r.error === "string" && r.error.length > 0, "error: " + r.error)
        verify(r.error.indexOf("NOPE") >= 0, r.error)
        compare(r.value, null)
    }

    function test_get_undecodable() {
        redis.command(["SET", "session_BAD", "not a session"])
        const admin = createAdmin()
        const r = recorder()
        admin.get("BAD", r.callback)
        waitFor(r)
        verify(typeof r.error === "string" && r.error.indexOf("BAD") >= 0, r.error)
        compare(admin.error, r.error, "the error property follows the last call")
        compare(admin.connected, true, "Redis answered")
        verifyOnce(admin, r)
        compare(admin.error, "", "cleared by the next success")
    }

    function test_set_data() {
        return [
            { tag: "datastream", serializer: "datastream" },
            { tag: "gob", serializer: "gob" },
            { tag: "json", serializer: "json" },
        ]
    }

    function test_set(data) {
        verify(redis.putSession("S1", { user: "alice" }, data.serializer, 600))
        const admin = createAdmin()
        const r = call(admin, "set", ["S1", "role", "admin"])
        compare(r.error, null)
        compare(r.value, true)
        // Written back with the serializer that read it, the TTL kept.
        const stored = redis.readSession("S1", data.serializer)
        verify(stored !== null, "still " + data.serializer)
        compare(stored.user, "alice")
        compare(stored.role, "admin")
        const ttl = redis.ttl("session_S1")
        verify(ttl > 590 && ttl <= 600, "ttl " + ttl)

        const nested = call(admin, "set", ["S1", "prefs", { theme: "dark", sizes: [1, 2] }])
        compare(nested.error, null)
        const got = call(admin, "get", ["S1"])
        compare(got.value.prefs.theme, "dark")
        compare(got.value.prefs.sizes, [1, 2])
    }

    function test_set_missing() {
        const admin = createAdmin()
        const r = call(admin, "set", ["NOPE", "k", "v"])
        verify(typeof r.error === "string" && r.error.length > 0)
        verify(!redis.exists("session_NOPE"), "not created")
    }

    function test_set_fixed_serializer() {
        verify(redis.putSession("J", { user: "alice" }, "json"))
        verify(redis.putSession("D", { user: "dave" }, "datastream"))
        const admin = createAdmin({ serializer: "json" })
        const ok = call(admin, "get", ["J"])
        compare(ok.error, null)
        compare(ok.value.user, "alice")
        const wrong = call(admin, "get", ["D"])
        verify(typeof wrong.error === "string", "a datastream session is not JSON")
    }

    function test_expire() {
        verify(redis.putSession("S1", { user: "alice" }, "datastream", 600))
        const admin = createAdmin()
        let r = call(admin, "expire", ["S1", 100])
        compare(r.error, null)
        compare(r.value, true)
        const ttl = redis.ttl("session_S1")
        verify(ttl > 90 && ttl <= 100, "ttl " + ttl)
        r = call(admin, "expire", ["S1", 0])
        compare(r.error, null)
        verify(!redis.exists("session_S1"), "expired at once")
        r = call(admin, "expire", ["S1", 10])
        verify(typeof r.error === "string", "no session left to expire")
    }

    function test_persist() {
        verify(redis.putSession("S1", { user: "alice" }, "datastream", 600))
        const r = call(createAdmin(), "persist", ["S1"])
        compare(r.error, null)
        compare(r.value, true)
        compare(redis.ttl("session_S1"), -1)
    }

    function test_remove() {
        for (const id of ["A", "B", "C", "D"])
            verify(redis.putSession(id, { n: 1 }))
        const admin = createAdmin()
        let r = call(admin, "remove", ["A"])
        compare(r.error, null)
        compare(r.value, 1)
        r = call(admin, "remove", [["B", "C", "NOPE"]])
        compare(r.error, null)
        compare(r.value, 2)
        r = call(admin, "remove", [[]])
        compare(r.value, 0)
        verify(!redis.exists("session_A") && !redis.exists("session_B"))
        verify(redis.exists("session_D"))
    }

    function test_readOnly_data() {
        return [
            { tag: "set", args: ["S1", "user", "mallory"] },
            { tag: "expire", args: ["S1", 0] },
            { tag: "persist", args: ["S1"] },
            { tag: "remove", args: ["S1"] },
        ]
    }

    function test_readOnly(data) {
        verify(redis.putSession("S1", { user: "alice" }, "datastream", 600))
        const admin = createAdmin({ readOnly: true })
        const r = call(admin, data.tag, data.args)
        verify(typeof r.error === "string" && r.error.indexOf("read-only") >= 0, r.error)
        compare(r.value, null)
        compare(redis.readSession("S1").user, "alice")
        verify(redis.ttl("session_S1") > 590, "TTL untouched")
        // Reads still work.
        compare(call(admin, "get", ["S1"]).value.user, "alice")
        admin.readOnly = false
        compare(call(admin, data.tag, data.args).error, null)
    }

    function test_keyPrefix() {
        verify(redis.putSession("A", { n: 1 }, "json", 600, "app:"))
        verify(redis.putSession("B", { n: 2 }, "json", 600, "session_"))
        // A prefix with glob characters is matched literally.
        verify(redis.putSession("C", { n: 3 }, "json", 600, "a*["))
        const app = createAdmin({ keyPrefix: "app:" })
        compare(call(app, "list").value.map(s => s.id), ["A"])
        compare(call(app, "get", ["A"]).value.n, 1)
        const glob = createAdmin({ keyPrefix: "a*[" })
        compare(call(glob, "list").value.map(s => s.id), ["C"])
    }

    function test_badConfiguration_data() {
        return [
            { tag: "no url", properties: { url: "" }, expect: "url" },
            { tag: "bad scheme", properties: { url: "http://127.0.0.1:6379" }, expect: "" },
            { tag: "bad port", properties: { url: "redis://127.0.0.1:99999/0" }, expect: "" },
            { tag: "unknown serializer", properties: { serializer: "xml" }, expect: "xml" },
            { tag: "negative timeout", properties: { timeout: -1 }, expect: "timeout" },
        ]
    }

    function test_badConfiguration(data) {
        const admin = createAdmin(data.properties)
        for (const method of ["list", "count"]) {
            const r = call(admin, method)
            verify(typeof r.error === "string" && r.error.length > 0, method + ": " + r.error)
            verify(r.error.indexOf(data.expect) >= 0, r.error)
            compare(r.value, null)
        }
        const r = call(admin, "get", ["X"])
        verify(typeof r.error === "string")
        compare(admin.connected, false)
        verify(admin.error.length > 0)
    }

    function test_refused_data() {
        return [
            { tag: "list", args: [] },
            { tag: "count", args: [] },
            { tag: "get", args: ["X"] },
            { tag: "set", args: ["X", "k", "v"] },
            { tag: "expire", args: ["X", 5] },
            { tag: "persist", args: ["X"] },
            { tag: "remove", args: ["X"] },
        ]
    }

    function test_refused(data) {
        const admin = createAdmin({ url: redis.refusedUrl, timeout: 300 })
        const started = Date.now()
        const r = recorder()
        admin[data.tag].apply(admin, data.args.concat([r.callback]))
        waitFor(r)
        verify(Date.now() - started < 5000, "bounded by the timeout")
        verify(typeof r.error === "string" && r.error.indexOf("refused") >= 0, r.error)
        compare(r.value, null)
        compare(admin.connected, false)
        compare(admin.error, r.error)
        verifyOnce(admin, r)
    }

    function test_killedServer() {
        verify(redis.putSession("S1", { user: "alice" }))
        const admin = createAdmin({ timeout: 500 })
        tryCompare(admin, "connected", true)
        redis.kill()
        const r = call(admin, "get", ["S1"])
        verify(typeof r.error === "string" && r.error.length > 0, r.error)
        compare(admin.connected, false)
        verify(redis.restart(), "redis-server restarted")
        verify(redis.putSession("S1", { user: "alice" }))
        // The admin reconnects by itself.
        let back = null
        tryVerify(function () {
            if (back === null || back.calls > 0) {
                if (back !== null && back.error === null)
                    return true
                back = recorder()
                admin.get("S1", back.callback)
            }
            return false
        }, 15000, "works again after the restart")
        compare(back.value.user, "alice")
        tryCompare(admin, "connected", true)
    }

    function test_reconfigure() {
        verify(redis.putSession("A", { n: 1 }, "json", 600, "one_"))
        verify(redis.putSession("B", { n: 2 }, "json", 600, "two_"))
        const admin = createAdmin({ keyPrefix: "one_" })
        compare(call(admin, "list").value.map(s => s.id), ["A"])
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"keyPrefixChanged\" }",
                                             testCase)
        spy.target = admin
        admin.keyPrefix = "two_"
        compare(spy.count, 1)
        compare(call(admin, "list").value.map(s => s.id), ["B"])
        admin.url = redis.urlFor(1)
        compare(call(admin, "list").value.length, 0, "database 1 is empty")
    }

    function test_destroyedWhilePending() {
        verify(redis.putSession("S1", { user: "alice" }))
        const admin = countedAdminComponent.createObject(testCase)
        const r = recorder()
        r.atDestruction = -1
        watched = r
        for (let i = 0; i < 20; ++i)
            admin.get("S1", r.callback)
        admin.destroy()
        tryVerify(() => r.atDestruction >= 0, 5000, "destroyed")
        // A round trip through Redis on another admin: the calls above had their time.
        const other = createAdmin()
        call(other, "get", ["S1"])
        call(other, "list")
        compare(r.calls, r.atDestruction, "no callback once the SessionAdmin is gone")
        watched = null
    }

    function test_typeErrors_data() {
        const cb = function () {}
        return [
            { tag: "list()", method: "list", call: a => a.list() },
            { tag: "list(non-function)", method: "list", call: a => a.list("x") },
            { tag: "count()", method: "count", call: a => a.count() },
            { tag: "get(number)", method: "get", call: a => a.get(42, cb) },
            { tag: "get(empty)", method: "get", call: a => a.get("", cb) },
            { tag: "get(id)", method: "get", call: a => a.get("X") },
            { tag: "get(object)", method: "get", call: a => a.get({}, cb) },
            { tag: "set(number key)", method: "set", call: a => a.set("X", 1, "v", cb) },
            { tag: "set(no value)", method: "set", call: a => a.set("X", "k", cb) },
            { tag: "set(undefined)", method: "set", call: a => a.set("X", "k", undefined, cb) },
            { tag: "set(no callback)", method: "set", call: a => a.set("X", "k", "v") },
            { tag: "expire(string)", method: "expire", call: a => a.expire("X", "10", cb) },
            { tag: "expire(no seconds)", method: "expire", call: a => a.expire("X", cb) },
            { tag: "expire(id number)", method: "expire", call: a => a.expire(7, 10, cb) },
            { tag: "persist(null)", method: "persist", call: a => a.persist(null, cb) },
            { tag: "remove(number)", method: "remove", call: a => a.remove(1, cb) },
            { tag: "remove([number])", method: "remove", call: a => a.remove(["A", 2], cb) },
            { tag: "remove(id)", method: "remove", call: a => a.remove("A") },
        ]
    }

    function test_typeErrors(data) {
        const admin = createAdmin()
        let thrown = null
        try {
            data.call(admin)
        } catch (e) {
            thrown = e
        }
        verify(thrown !== null, "a script error")
        verify(thrown instanceof TypeError, String(thrown))
        verify(thrown.message.indexOf("SessionAdmin." + data.method + "()") === 0, thrown.message)
    }

    function test_rangeErrors_data() {
        return [
            { tag: "negative", seconds: -1 },
            { tag: "fraction", seconds: 1.5 },
            { tag: "NaN", seconds: NaN },
            { tag: "Infinity", seconds: Infinity },
        ]
    }

    function test_rangeErrors(data) {
        const admin = createAdmin()
        const r = recorder()
        let thrown = null
        try {
            admin.expire("X", data.seconds, r.callback)
        } catch (e) {
            thrown = e
        }
        verify(thrown instanceof RangeError, String(thrown))
        verify(thrown.message.indexOf("SessionAdmin.expire()") === 0, thrown.message)
        const sentinel = recorder()
        admin.count(sentinel.callback)
        waitFor(sentinel)
        compare(r.calls, 0, "no callback after a script error")
    }

    function test_manyInFlight() {
        for (let i = 0; i < 50; ++i)
            verify(redis.putSession("S" + i, { i: i }, "json"))
        const admin = createAdmin()
        const calls = []
        for (let i = 0; i < 50; ++i) {
            calls.push(recorder())
            admin.get("S" + i, calls[i].callback)
        }
        tryVerify(() => calls.every(r => r.calls > 0), 10000)
        for (let i = 0; i < 50; ++i) {
            compare(calls[i].calls, 1)
            compare(calls[i].value.i, i)
        }
    }
}
