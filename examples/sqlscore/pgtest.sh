#!/usr/bin/env bash
# pgtest.sh COMMAND…: runs COMMAND with CHISO_PG_DSN set to a throw-away PostgreSQL server — installed
# from Debian's packages when absent, initialised in a temporary directory, listening on 127.0.0.1 on a
# free port, run as an unprivileged user (postgres when invoked as root), stopped and removed on exit.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "pgtest: installing PostgreSQL (apt-get install postgresql)" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
tmp=$(mktemp -d)
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres "$tmp"
  as_user() { runuser -u postgres -- "$@"; }
fi
port=54329
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
stop() {
  as_user "$bin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT
as_user "$bin/initdb" -D "$tmp/data" -U chiso --auth=trust -E UTF8 --locale=C >/dev/null
as_user "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-p $port -h 127.0.0.1 -k $tmp -F -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
as_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U chiso chiso
export CHISO_PG_DSN="postgres://chiso@127.0.0.1:$port/chiso?sslmode=disable"
echo "pgtest: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
