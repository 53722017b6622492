#!/bin/bash
# Puts RT back to the state right after install.sh (no queues, no tickets), so seed.sh can run again.
# Stops rt-server for the copy (SQLite file) and starts it again. About 4 s, plus seed.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"
[ -f "$RT_DB_PRISTINE" ] || { echo "no snapshot $RT_DB_PRISTINE: run install.sh on a fresh machine first" >&2; exit 1; }
bash "$HERE/stop.sh"
cp -p "$RT_DB_PRISTINE" "$RT_DB"
rm -f "$RT_SEED_OUT"
bash "$HERE/start.sh"
