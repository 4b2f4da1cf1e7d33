// Expires the sessions of users who have been idle: those whose "lastSeen" value (Unix time
// in seconds, as the application stores it) is older than IDLE_SECONDS. Sessions without
// that value are left alone. With --dry-run it only prints what it would expire.
//
//   redistore-qml examples/qml/expire-idle.qml -- redis://127.0.0.1:6379/0 1800 [--dry-run]
//   REDISTORE_URL=redis://:password@host/0 redistore-qml examples/qml/expire-idle.qml -- 1800
//       (or redistore-qml --url-file FILE ...: a URL with a password stays out of `ps`)
//
// Prints one line per expired session and a summary. Exit status 0, 1 when Redis failed,
// 2 for bad arguments.
import QtQml
import RediStore

SessionAdmin {
    id: admin

    readonly property var args: Qt.application.arguments.slice(2)
    readonly property bool dryRun: args.indexOf("--dry-run") >= 0
    readonly property var given: args.filter(a => a !== "--dry-run")
    // The URL is the first argument, else redistore-qml's --url, --url-file or REDISTORE_URL.
    readonly property bool urlGiven: given.length > 0 && /^(rediss?(\+(cluster|sentinel))?|unix):\/\//.test(given[0])
    readonly property var positional: urlGiven ? given.slice(1) : given
    readonly property string field: "lastSeen"

    url: urlGiven ? given[0] : (typeof redistoreUrl === "string" ? redistoreUrl : "")
    readOnly: dryRun

    // The condition: change it to match what your application stores.
    function isIdle(values, now, idleSeconds) {
        const lastSeen = Number(values[field])
        return values[field] !== undefined && !isNaN(lastSeen) && now - lastSeen > idleSeconds
    }

    Component.onCompleted: {
        const idleSeconds = Number(positional[0])
        if (positional.length < 1 || !(idleSeconds >= 0) || url === "") {
            console.error("usage: redistore-qml expire-idle.qml -- REDIS_URL IDLE_SECONDS [--dry-run]\n"
                          + "   or: redistore-qml [--url-file FILE] expire-idle.qml -- IDLE_SECONDS"
                          + " [--dry-run] (the URL from --url-file or REDISTORE_URL)")
            Qt.exit(2)
            return
        }
        const now = Math.floor(Date.now() / 1000)
        admin.list(function (error, sessions) {
            if (error) {
                console.error("cannot list the sessions: " + error)
                Qt.exit(1)
                return
            }
            let pending = sessions.length
            let expired = 0
            let failed = 0
            function done() {
                if (--pending > 0)
                    return
                console.log((dryRun ? "would expire " : "expired ") + expired + " of "
                            + sessions.length + " sessions" + (failed ? ", " + failed + " failed" : ""))
                Qt.exit(failed ? 1 : 0)
            }
            if (pending === 0) {
                pending = 1
                done()
                return
            }
            sessions.forEach(function (session) {
                admin.get(session.id, function (error, values) {
                    if (error || !isIdle(values, now, idleSeconds)) {
                        done()
                        return
                    }
                    const idle = now - Number(values[field])
                    if (dryRun) {
                        ++expired
                        console.log(session.id + "\tidle " + idle + " s")
                        done()
                        return
                    }
                    admin.expire(session.id, 0, function (error) {
                        if (error) {
                            ++failed
                            console.warn(session.id + ": " + error)
                        } else {
                            ++expired
                            console.log(session.id + "\tidle " + idle + " s\texpired")
                        }
                        done()
                    })
                })
            })
        })
    }
}
