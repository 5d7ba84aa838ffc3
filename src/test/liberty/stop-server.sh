#!/bin/sh
# Usage: stop-server.sh WLP_HOME SERVER
#
# Stops the Open Liberty server SERVER of the runtime in WLP_HOME (the one the build created under target/), if it
# runs, and any other JVM still running from that runtime. The build calls it before the Liberty suite (a killed
# earlier build can leave its server running: the adapter would then refuse to start, and the port would be taken)
# and after it (post-integration-test runs even when tests fail, in case the adapter could not stop the server).
# Only processes launched from WLP_HOME are touched, each by its pid. Exits 0 once none is left.
set -u
home=$1
server=$2
launcher="$home/bin/tools/ws-server.jar"

[ -d "$home" ] || exit 0

# Waits up to $1 seconds for every JVM launched from this runtime to exit; fails if one is still there.
gone_within() {
    waited=0
    while [ -n "$(pgrep -f -- "$launcher")" ]; do
        [ "$waited" -ge "$1" ] && return 1
        sleep 1
        waited=$((waited + 1))
    done
}

if [ -x "$home/bin/server" ]; then
    # Graceful first: the application stops the way it does in production (WebSocket clients get 1001).
    timeout 90 "$home/bin/server" stop "$server" || true
fi
gone_within 30 && exit 0

# The stop failed (no such server, a wedged JVM) or another server of this runtime is running.
pids=$(pgrep -f -- "$launcher")
echo "Killing JVMs still running from $home: $pids"
for pid in $pids; do kill -TERM "$pid" 2>/dev/null; done
gone_within 30 && exit 0
for pid in $(pgrep -f -- "$launcher"); do kill -KILL "$pid" 2>/dev/null; done
gone_within 10 && exit 0
echo "Could not stop JVMs running from $home: $(pgrep -f -- "$launcher")" >&2
exit 1
