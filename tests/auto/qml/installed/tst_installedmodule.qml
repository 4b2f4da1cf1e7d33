import QtQuick
import QtTest
import RediStore

// Loaded by qmltestrunner from an installed prefix: the module is found through the import
// path alone, like any QML engine finds it.
TestCase {
    name: "InstalledModule"

    SessionAdmin { id: admin }
    SessionListModel { id: model; admin: admin }
    CookieCodec { id: codec; keys: ["hash-secret", "0123456789abcdef"] }

    function test_types() {
        let result = null
        admin.count(function (error, value) { result = { error: error, value: value } })
        tryVerify(() => result !== null)
        verify(result.error.indexOf("url") >= 0, result.error)
        compare(model.count, 0)
        verify(codec.valid, codec.error)
        compare(codec.decode("s", codec.encode("s", "value")), "value")
    }
}
