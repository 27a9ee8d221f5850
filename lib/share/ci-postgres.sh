#!/usr/bin/env bash
# Prepares a local PostgreSQL for the stored-audit tests (lib/share/postgres-audit-store.test.ts) on a
# Debian machine, as root. Idempotent: installs postgresql only when missing, starts whichever cluster
# major version is installed (creating one when none exists), creates the role and database only when
# absent. Its last line on stdout is the `export PREFLIGHT_TEST_DATABASE_URL=...` to eval, e.g.
#   eval "$(lib/share/ci-postgres.sh | tail -n 1)"
# Everything else goes to stderr so that line stays the only stdout output.
set -euo pipefail

ROLE="${PREFLIGHT_TEST_DB_ROLE:-preflight}"
PASSWORD="${PREFLIGHT_TEST_DB_PASSWORD:-preflight}"
DATABASE="${PREFLIGHT_TEST_DB_NAME:-preflight_test}"

log() { echo "ci-postgres: $*" >&2; }
fail() { log "error: $*"; exit 1; }

# Identifiers are interpolated into SQL below; only allow plain ones.
for ident in "$ROLE" "$DATABASE"; do
  [[ "$ident" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || fail "'$ident' is not a plain lower-case SQL identifier"
done
[[ "$PASSWORD" =~ ^[A-Za-z0-9_.-]+$ ]] || fail "the test password may only contain letters, digits, '_', '.', '-'"
[ "$(id -u)" -eq 0 ] || fail "run as root (it installs packages and switches to the postgres user)"

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi

# Newest installed server major version (e.g. 15 on bookworm, 17 on trixie).
version="$(ls -1 /usr/lib/postgresql | sort -n | tail -n 1)"
[ -x "/usr/lib/postgresql/$version/bin/postgres" ] || fail "no PostgreSQL server binary under /usr/lib/postgresql"

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi

status="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')"
if [ "$status" != "online" ]; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"

# The server may need a moment after start before it accepts connections.
for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null || fail "PostgreSQL $version on port $port does not accept connections"

psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -tAc \"$1\""; }

if [ "$(psql_admin "select 1 from pg_roles where rolname = '$ROLE'")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin "create role $ROLE login password '$PASSWORD' createdb" >/dev/null
else
  # Keep the password in step with what we print, even when an earlier run used another one.
  psql_admin "alter role $ROLE with login password '$PASSWORD' createdb" >/dev/null
fi

if [ "$(psql_admin "select 1 from pg_database where datname = '$DATABASE'")" != "1" ]; then
  log "creating database $DATABASE"
  su postgres -c "createdb -p $port -O $ROLE $DATABASE"
fi

# Password authentication over TCP is Debian's default (pg_hba: host all all 127.0.0.1/32 scram-sha-256).
url="postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
PGPASSWORD="$PASSWORD" psql "$url" -v ON_ERROR_STOP=1 -tAc "select 1" >/dev/null \
  || fail "cannot log in as $ROLE over TCP on 127.0.0.1:$port (check pg_hba.conf)"
log "PostgreSQL $version ready on port $port"
echo "export PREFLIGHT_TEST_DATABASE_URL=$url"
