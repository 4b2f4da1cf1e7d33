import QtQuick
import QtTest
import RediStore

// SessionListModel against a real redis-server: the listing, the roles in a view, and live
// updates by keyspace notifications and by polling.
TestCase {
    id: testCase
    name: "SessionListModel"

    Component {
        id: adminComponent
        SessionAdmin { url: redis.url }
    }
    Component {
        id: modelComponent
        SessionListModel { }
    }
    Component {
        id: viewComponent
        Instantiator {
            delegate: QtObject {
                property string sessionId: model.id
                property int ttl: model.ttl
                property int size: model.size
                property var values: model.values
            }
        }
    }

    function createModel(modelProperties, adminProperties) {
        const admin = createTemporaryObject(adminComponent, testCase, adminProperties || {})
        verify(admin)
        const properties = Object.assign({ admin: admin }, modelProperties || {})
        const model = createTemporaryObject(modelComponent, testCase, properties)
        verify(model)
        return model
    }

    function ids(model) {
        const result = []
        for (let i = 0; i < model.count; ++i)
            result.push(model.get(i).id)
        return result
    }

    function initTestCase() {
        verify(redis.running, "redis-server: " + redis.errorString)
    }

    function init() {
        redis.flush()
        redis.setNotifications("")
    }

    function test_listing() {
        verify(redis.putSession("B", { user: "bob" }, "json", 0))
        verify(redis.putSession("A", { user: "alice", n: 3 }, "gob", 600))
        verify(redis.putSession("X", { user: "x" }, "json", 600, "other_"))
        const model = createModel({ live: false })
        tryCompare(model, "count", 2)
        tryCompare(model, "loading", false)
        compare(ids(model), ["A", "B"])
        const a = model.get(0)
        verify(a.ttl > 590 && a.ttl <= 600, "ttl " + a.ttl)
        compare(a.size, redis.command(["STRLEN", "session_A"]))
        tryVerify(() => model.get(0).values.user === "alice", 5000, "values loaded")
        compare(model.get(0).values.n, 3)
        compare(model.get(1).ttl, -1)
        compare(model.indexOf("B"), 1)
        compare(model.indexOf("nope"), -1)
        compare(model.get(5), undefined)
        compare(model.error, "")
        compare(model.updateMode, "")
    }

    function test_view() {
        verify(redis.putSession("A", { user: "alice" }, "datastream", 600))
        verify(redis.putSession("B", { user: "bob" }, "datastream", 600))
        const model = createModel({ live: false })
        const view = createTemporaryObject(viewComponent, testCase, { model: model })
        tryCompare(view, "count", 2)
        compare(view.objectAt(0).sessionId, "A")
        compare(view.objectAt(1).sessionId, "B")
        verify(view.objectAt(0).ttl > 590)
        verify(view.objectAt(0).size > 0)
        tryVerify(() => view.objectAt(1).values && view.objectAt(1).values.user === "bob", 5000)
    }

    function test_polling() {
        verify(redis.putSession("A", { user: "alice" }, "json", 600))
        const model = createModel({ pollInterval: 100 })
        tryCompare(model, "updateMode", "polling")
        tryCompare(model, "count", 1)
        verify(redis.putSession("B", { user: "bob" }, "json", 600))
        tryCompare(model, "count", 2)
        redis.command(["DEL", "session_A"])
        tryCompare(model, "count", 1)
        compare(ids(model), ["B"])
        // A changed value (of another size) is loaded again.
        verify(redis.putSession("B", { user: "bob", role: "admin" }, "json", 600))
        tryVerify(() => model.get(0).values.role === "admin", 5000)
        redis.command(["EXPIRE", "session_B", "50"])
        tryVerify(() => model.get(0).ttl <= 50, 5000)
    }

    function test_notifications_data() {
        return [
            { tag: "KEA", flags: "KEA" },
            { tag: "Kg$x", flags: "Kg$x" },
        ]
    }

    function test_notifications(data) {
        redis.setNotifications(data.flags)
        verify(redis.putSession("A", { user: "alice" }, "datastream", 600))
        // A poll interval longer than the test: every change below comes by notification.
        const model = createModel({ pollInterval: 600000 })
        tryCompare(model, "updateMode", "notifications")
        tryCompare(model, "count", 1)
        tryCompare(model, "loading", false)

        verify(redis.putSession("B", { user: "bob" }, "datastream", 600))
        tryCompare(model, "count", 2)
        tryVerify(() => model.get(1).values.user === "bob", 5000)

        // Same size, new value: a notification still reloads it.
        verify(redis.putSession("B", { user: "bub" }, "datastream", 600))
        tryVerify(() => model.get(1).values.user === "bub", 5000)

        redis.command(["EXPIRE", "session_A", "40"])
        tryVerify(() => model.get(0).ttl <= 40, 5000)
        redis.command(["PERSIST", "session_A"])
        tryVerify(() => model.get(0).ttl === -1, 5000)

        redis.command(["DEL", "session_A"])
        tryCompare(model, "count", 1)
        compare(ids(model), ["B"])

        // Expiry by Redis itself.
        redis.command(["PEXPIRE", "session_B", "100"])
        tryCompare(model, "count", 0, 10000)

        // Other keys do not show up.
        redis.command(["SET", "other_C", "x"])
        verify(redis.putSession("D", { user: "dan" }, "datastream", 600))
        tryCompare(model, "count", 1)
        compare(ids(model), ["D"])
    }

    function test_notifications_fromAdmin() {
        redis.setNotifications("KEA")
        verify(redis.putSession("A", { user: "alice" }, "datastream", 600))
        const admin = createTemporaryObject(adminComponent, testCase)
        const model = createTemporaryObject(modelComponent, testCase,
                                            { admin: admin, pollInterval: 600000 })
        tryCompare(model, "updateMode", "notifications")
        tryVerify(() => model.count === 1 && model.get(0).values.user === "alice", 5000)
        let done = false
        admin.set("A", "user", "alicia", function (error) { compare(error, null); done = true })
        tryVerify(() => done)
        tryVerify(() => model.get(0).values.user === "alicia", 5000)
        done = false
        admin.remove("A", function (error) { compare(error, null); done = true })
        tryVerify(() => done)
        tryCompare(model, "count", 0)
    }

    function test_notLive() {
        verify(redis.putSession("A", { user: "alice" }, "json", 600))
        const model = createModel({ live: false, pollInterval: 50 })
        tryCompare(model, "count", 1)
        compare(model.updateMode, "")
        verify(redis.putSession("B", { user: "bob" }, "json", 600))
        // A live model polling as often sees B; the other one must not.
        const live = createModel({ pollInterval: 50 })
        tryCompare(live, "count", 2)
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"refreshed\" }",
                                             testCase)
        spy.target = live
        spy.wait(5000) // one more poll of the live model
        compare(model.count, 1, "not live: no update")
        const refreshed = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"refreshed\" }",
                                                   testCase)
        refreshed.target = model
        model.refresh()
        refreshed.wait(5000)
        compare(model.count, 2, "refresh() reloads")
        verify(redis.putSession("C", { user: "carol" }, "json", 600))
        model.live = true
        tryCompare(model, "count", 3)
        compare(model.updateMode, "polling")
    }

    function test_adminReconfigured() {
        verify(redis.putSession("A", { n: 1 }, "json", 600, "one_"))
        verify(redis.putSession("B", { n: 2 }, "json", 600, "two_"))
        verify(redis.putSession("C", { n: 3 }, "json", 600, "two_"))
        const model = createModel({ live: false }, { keyPrefix: "one_" })
        tryCompare(model, "count", 1)
        model.admin.keyPrefix = "two_"
        tryCompare(model, "count", 2)
        compare(ids(model), ["B", "C"])
    }

    function test_badAdmin() {
        const model = createModel({}, { url: "nonsense" })
        tryVerify(() => model.error.length > 0, 5000)
        compare(model.count, 0)
    }

    function test_destroyedWhileLoading() {
        redis.setNotifications("KEA")
        for (let i = 0; i < 20; ++i)
            verify(redis.putSession("S" + i, { i: i }))
        const admin = createTemporaryObject(adminComponent, testCase)
        const model = modelComponent.createObject(testCase, { admin: admin })
        tryVerify(() => model.count > 0 || model.loading)
        model.destroy()
        // Another model lists the same sessions through Redis meanwhile.
        const other = createModel({ live: false })
        tryCompare(other, "count", 20)
    }

    function test_noAdmin() {
        const model = createTemporaryObject(modelComponent, testCase)
        compare(model.count, 0)
        model.refresh()
        compare(model.count, 0)
        compare(model.error, "")
    }
}
