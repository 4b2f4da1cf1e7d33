#!/bin/sh
# Runs a command in a private Secret Service: a D-Bus session and a gnome-keyring of its own,
# unlocked, with HOME and the XDG folders in a temporary folder, so that no real keyring is ever
# read or written. The session, the keyring and the folder end with the command.
#   with-secret-service.sh COMMAND [ARGUMENTS...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-secret-service: $tool is missing (Debian packages dbus and gnome-keyring)" >&2
        exit 1
    fi
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/runtime"
export HOME="$dir" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" \
    XDG_CACHE_HOME="$dir/cache" XDG_RUNTIME_DIR="$dir/runtime"
# The keychain library picks KWallet on a KDE desktop, and D-Bus may autolaunch on a display.
unset DISPLAY WAYLAND_DISPLAY XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION \
    DBUS_SESSION_BUS_ADDRESS
# An empty password would need a prompt to create the keyring; any other unlocks it at once.
dbus-run-session -- sh -c \
    'printf redistore-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
     exec "$@"' with-secret-service "$@"
