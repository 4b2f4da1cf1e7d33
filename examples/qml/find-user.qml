// Lists the sessions whose "user" value equals a name, one per line: ID, seconds left, values.
//
//   redistore-qml examples/qml/find-user.qml -- redis://127.0.0.1:6379/0 alice [KEY_PREFIX]
//   REDISTORE_URL=redis://:password@host/0 redistore-qml examples/qml/find-user.qml -- alice
//       (or redistore-qml --url-file FILE ...: a URL with a password stays out of `ps`)
//   redistore-qml examples/qml/find-user.qml -- redis+cluster://10.0.0.1:7000,10.0.0.2:7000 alice
//       (a cluster's sessions on every master; redis+sentinel://HOST:26379/mymaster: Sentinel)
//
// Exit status 0 when the listing completed (even with no match), 1 when Redis failed,
// 2 for missing arguments.
import QtQml
import RediStore

SessionAdmin {
    id: admin

    // Qt.application.arguments is [program, script, ARGS...]
    readonly property var given: Qt.application.arguments.slice(2)
    // The URL is the first argument, else redistore-qml's --url, --url-file or REDISTORE_URL.
    readonly property bool urlGiven: given.length > 0 && /^(rediss?(\+(cluster|sentinel))?|unix):\/\//.test(given[0])
    readonly property var args: urlGiven ? given.slice(1) : given
    readonly property int parallel: 32 // sessions read at once

    url: urlGiven ? given[0] : (typeof redistoreUrl === "string" ? redistoreUrl : "")
    keyPrefix: args.length > 1 ? args[1] : "session_"
    readOnly: true // this script only reads

    Component.onCompleted: {
        if (args.length < 1 || url === "") {
            console.error("usage: redistore-qml find-user.qml -- REDIS_URL USER [KEY_PREFIX]\n"
                          + "   or: redistore-qml [--url-file FILE] find-user.qml -- USER [KEY_PREFIX]"
                          + " (the URL from --url-file or REDISTORE_URL)")
            Qt.exit(2)
            return
        }
        const user = args[0]
        admin.list(function (error, sessions) {
            if (error) {
                console.error("cannot list the sessions: " + error)
                Qt.exit(1)
                return
            }
            let next = 0
            let running = 0
            let found = 0
            function readMore() {
                while (running < parallel && next < sessions.length) {
                    const session = sessions[next++]
                    ++running
                    admin.get(session.id, function (error, values) {
                        --running
                        if (error) // expired or deleted meanwhile, or not a session
                            console.warn(session.id + ": " + error)
                        else if (values.user !== undefined && String(values.user) === user) {
                            ++found
                            console.log(session.id + "\t" + session.ttl + "\t"
                                        + JSON.stringify(values))
                        }
                        readMore()
                    })
                }
                if (running === 0 && next === sessions.length) {
                    console.log(found + " of " + sessions.length + " sessions belong to " + user)
                    Qt.quit()
                }
            }
            readMore()
        })
    }
}
