#!/usr/bin/env bash
# Usage: kill-processes-using.sh DIR
#
# Stops every process whose command line uses DIR (an argument that is DIR, ends with DIR, or contains DIR/), e.g.
# a WildFly that a killed build left running from target/: its java command line carries -Djboss.home.dir=DIR and
# DIR/jboss-modules.jar. Processes are matched by that exact path and signalled by pid only: SIGTERM, up to 30 s
# to exit, then SIGKILL. Exits 1 if one survives, so the build stops instead of testing against a stale server.
set -u
dir=${1:?usage: $0 DIR}
dir=${dir%/}

# The scan runs without forking: a subshell of this script would carry DIR on its own command line.
uses_dir() {
    local arg
    while IFS= read -r -d '' arg; do
        if [[ $arg == *"$dir" || $arg == *"$dir/"* ]]; then
            return 0
        fi
    done < "/proc/$1/cmdline"
    return 1
}

matching_pids() {
    pids=()
    local proc pid
    for proc in /proc/[0-9]*; do
        pid=${proc#/proc/}
        [[ $pid == "$$" || $pid == "$PPID" ]] && continue
        uses_dir "$pid" 2>/dev/null && pids+=("$pid")
    done
}

# Waits until none of the given pids is alive, for at most $1 seconds; true if they all exited.
await_exit() {
    local seconds=$1 pid alive i
    shift
    for ((i = 0; i < seconds * 10; i++)); do
        alive=0
        for pid in "$@"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        ((alive)) || return 0
        sleep 0.1
    done
    return 1
}

matching_pids
if ((${#pids[@]} == 0)); then
    echo "No process uses $dir"
    exit 0
fi
for pid in "${pids[@]}"; do
    echo "Stopping pid $pid, which uses $dir: $(tr '\0' ' ' < "/proc/$pid/cmdline" | cut -c1-200)"
    kill -TERM "$pid" 2>/dev/null
done
await_exit 30 "${pids[@]}" && exit 0
for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && echo "pid $pid ignored SIGTERM for 30 s: SIGKILL" && kill -KILL "$pid"
done
await_exit 10 "${pids[@]}" && exit 0
echo "Could not stop every process that uses $dir: ${pids[*]}" >&2
exit 1
