# Shared settings of the RT e2e scripts; every value can be overridden from the environment.
# Sourced by install.sh, start.sh, seed.sh and stop.sh.
export RT_PORT=${RT_PORT:-8080}
# Web path RT is served under: /rt (Debian's default) or / (root).
export RT_WEBPATH=${RT_WEBPATH:-/rt}
RT_NAME=${RT_NAME:-rt.e2e.test}
# >= 5 characters, or Debian's config script silently falls back to "password".
RT_ROOT_PW=${RT_ROOT_PW:-e2e-root-pw}
# Password of the staff agent "sam" created by install.sh.
RT_AGENT_PW=${RT_AGENT_PW:-e2e-agent-pw}
RT_PIDFILE=${RT_PIDFILE:-/tmp/rt-server.pid}
RT_LOG=${RT_LOG:-/tmp/rt-server.log}
# Where seed.sh writes the seeded ids (JSON).
RT_SEED_OUT=${RT_SEED_OUT:-/tmp/rt-e2e-seed.json}
# The SQLite database dbconfig-common creates, and install.sh's snapshot of it before any seeding.
RT_DB=/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb
RT_DB_PRISTINE=$RT_DB.e2e-pristine
# Base URL including the web path, without a trailing slash, e.g. http://127.0.0.1:8080/rt
RT_URL=${RT_URL:-http://127.0.0.1:${RT_PORT}${RT_WEBPATH%/}}
