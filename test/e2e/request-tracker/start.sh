#!/bin/bash
# Starts RT's own PSGI server (Standalone: one process, about 250 MB) on 127.0.0.1:$RT_PORT under $RT_WEBPATH,
# waits until the login page answers, and writes the pid to $RT_PIDFILE. Does nothing if it is already running.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"
if [ -f "$RT_PIDFILE" ] && kill -0 "$(cat "$RT_PIDFILE")" 2>/dev/null; then
  echo "RT already running (pid $(cat "$RT_PIDFILE")) at $RT_URL"; exit 0
fi
# Without --webpath the app would be mounted at / while its links point to $WebPath.
WEBPATH_ARGS=(); [ "${RT_WEBPATH%/}" != "" ] && WEBPATH_ARGS=(--webpath "${RT_WEBPATH%/}")
# RT_PORT/RT_WEBPATH are exported by env.sh; 99-e2e.pm reads them, so RT's own links match the server.
setsid nohup /usr/share/request-tracker5/libexec/rt-server --server "${RT_SERVER:-Standalone}" \
  --host 127.0.0.1 --port "$RT_PORT" "${WEBPATH_ARGS[@]}" > "$RT_LOG" 2>&1 < /dev/null &
echo $! > "$RT_PIDFILE"
for _ in $(seq 1 300); do
  if curl -sf -o /dev/null "$RT_URL/NoAuth/Login.html"; then echo "RT up (pid $(cat "$RT_PIDFILE")) at $RT_URL"; exit 0; fi
  kill -0 "$(cat "$RT_PIDFILE")" 2>/dev/null || { echo "rt-server exited:" >&2; cat "$RT_LOG" >&2; rm -f "$RT_PIDFILE"; exit 1; }
  sleep 0.2
done
echo "RT did not come up within 60 s" >&2; cat "$RT_LOG" >&2; exit 1
