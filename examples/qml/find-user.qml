// Lists the sessions whose "user" value equals a name, one per line: ID, seconds left, values.
//
//   redistore-qml examples/qml/find-user.qml -- redis://127.0.0.1:6379/0 alice [KEY_PREFIX]
//
// Exit status 0 when the listing completed (even with no match), 1 when Redis failed,
// 2 for missing arguments.
import QtQml
import RediStore

SessionAdmin {
    id: admin

    // Qt.application.arguments is [program, script, ARGS...]
    readonly property var args: Qt.application.arguments.slice(2)
    readonly property int parallel: 32 // sessions read at once

    url: args.length > 0 ? args[0] : ""
    keyPrefix: args.length > 2 ? args[2] : "session_"
    readOnly: true // this script only reads

    Component.onCompleted: {
        if (args.length < 2) {
            console.error("usage: redistore-qml find-user.qml -- REDIS_URL USER [KEY_PREFIX]")
            Qt.exit(2)
            return
        }
        const user = args[1]
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
