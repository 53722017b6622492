#!/bin/bash
# Stops the rt-server started by start.sh (by its pid) and waits until it has exited.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"
[ -f "$RT_PIDFILE" ] || { echo "RT not running (no $RT_PIDFILE)"; exit 0; }
PID=$(cat "$RT_PIDFILE")
kill "$PID" 2>/dev/null
# SIGTERM takes 1–3 s to stop the Standalone server.
for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null; echo "rt-server $PID killed"; else echo "rt-server $PID stopped"; fi
rm -f "$RT_PIDFILE"
