import QtQuick
import QtTest

// examples/qml/browse.qml: the window lists the sessions of a real Redis and follows it.
TestCase {
    id: testCase
    name: "Examples"
    when: windowShown

    function test_browse() {
        redis.flush()
        redis.setNotifications("")
        verify(redis.putSession("A", { user: "alice" }, "datastream", 600))
        verify(redis.putSession("B", { user: "bob" }, "gob", 600))
        const component = Qt.createComponent("file://" + examplesDir + "/browse.qml")
        compare(component.status, Component.Ready, component.errorString())
        const window = component.createObject(null, { redisUrl: redis.url, pollInterval: 100 })
        verify(window)
        try {
            tryCompare(window.sessions, "count", 2)
            verify(redis.putSession("C", { user: "carol" }, "json", 600))
            tryCompare(window.sessions, "count", 3)
            window.select(2)
            tryVerify(() => window.detail.indexOf("carol") >= 0, 5000, window.detail)
        } finally {
            window.destroy()
        }
    }
}
