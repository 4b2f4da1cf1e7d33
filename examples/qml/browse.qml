// A small window that browses the sessions of a Redis: the list follows Redis live, a click
// shows a session's values, and the buttons expire, persist or delete it.
//
//   session-browser redis://127.0.0.1:6379/0        (the launcher built next to this file)
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import RediStore

ApplicationWindow {
    id: window

    property string redisUrl: Qt.application.arguments.length > 1
                              ? Qt.application.arguments[1] : "redis://127.0.0.1:6379/0"
    property alias keyPrefix: admin.keyPrefix
    property alias pollInterval: sessionModel.pollInterval
    readonly property alias sessions: sessionModel
    // The selected session's values as text.
    property string detail: ""
    property string selectedId: ""

    function select(row) {
        list.currentIndex = row
        const session = sessionModel.get(row)
        selectedId = session ? session.id : ""
        detail = ""
        if (!session)
            return
        admin.get(session.id, function (error, values) {
            if (session.id === selectedId)
                detail = error ? error : JSON.stringify(values, null, 2)
        })
    }

    function act(method, args) {
        if (!selectedId)
            return
        admin[method].apply(admin, [selectedId].concat(args || []).concat([function (error) {
            status.text = error ? error : method + " " + selectedId + ": done"
        }]))
    }

    width: 1040
    height: 560
    visible: true
    title: "Sessions in " + admin.url

    SessionAdmin {
        id: admin
        url: window.redisUrl
    }

    SessionListModel {
        id: sessionModel
        admin: admin
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            TextField {
                id: urlField
                Layout.fillWidth: true
                text: window.redisUrl
                onAccepted: window.redisUrl = text
            }
            Label {
                text: sessionModel.count + " sessions" + (sessionModel.updateMode
                                                          ? " (" + sessionModel.updateMode + ")" : "")
            }
            ToolButton { text: "Reload"; onClicked: sessionModel.refresh() }
        }
    }

    SplitView {
        anchors.fill: parent

        ListView {
            id: list
            SplitView.preferredWidth: 640
            clip: true
            model: sessionModel
            delegate: ItemDelegate {
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: model.id + "   " + (model.ttl < 0 ? "no expiry" : model.ttl + " s")
                      + "   " + model.size + " B"
                onClicked: window.select(index)
            }
            ScrollBar.vertical: ScrollBar { }
        }

        ColumnLayout {
            RowLayout {
                Button { text: "Expire now"; enabled: window.selectedId !== ""; onClicked: window.act("expire", [0]) }
                Button { text: "Persist"; enabled: window.selectedId !== ""; onClicked: window.act("persist") }
                Button { text: "Delete"; enabled: window.selectedId !== ""; onClicked: window.act("remove") }
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TextArea {
                    readOnly: true
                    text: window.detail
                    font.family: "monospace"
                }
            }
        }
    }

    footer: Label {
        id: status
        padding: 4
        text: admin.error || sessionModel.error
    }
}
