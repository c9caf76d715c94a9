#!/usr/bin/env bash
# Local PostgreSQL 15 from Maven Central (zonky binaries), run as user nobody.
# Usage: postgres.sh start|stop|status
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PG_PORT="${KUBEBOOT_PG_PORT:-15432}"
PG_BIN="$KB_DIST/postgres/bin"
PG_DATA="$KB_DATA/postgres"
PG_SOCK="$KB_RUN/postgres"
PG_LOG="$KB_LOGS/postgres.log"
PG_USER=nobody

as_pg() { runuser -u "$PG_USER" -- "$@"; }

unpack_jar() { # unpack_jar JAR DIR
  if command -v unzip >/dev/null; then unzip -q -o "$1" -d "$2"
  elif command -v jar >/dev/null; then (cd "$2" && jar xf "$1")
  else python3 -m zipfile -e "$1" "$2"
  fi
}

install_binaries() {
  local jars="$KB_DIST/postgres-jar" jar sum
  kb_mvn_fetch "$jars" "$KUBEBOOT_ROOT/scripts/infra/postgres-pom.xml"
  jar="$(ls "$jars"/embedded-postgres-binaries-*.jar)"
  sum="$(sha256sum "$jar" | cut -d' ' -f1)"
  [[ -f $KB_DIST/postgres/.extracted && "$(cat "$KB_DIST/postgres/.extracted")" == "$sum" ]] && return 0
  command -v xz >/dev/null || { kb_log "installing xz-utils"; apt-get install -y -q xz-utils >/dev/null; }
  kb_log "extracting PostgreSQL binaries to $KB_DIST/postgres"
  rm -rf "$KB_DIST/postgres" && mkdir -p "$KB_DIST/postgres"
  local tmp; tmp="$(mktemp -d)"
  unpack_jar "$jar" "$tmp"
  tar -xJf "$tmp"/postgres-linux-*.txz -C "$KB_DIST/postgres"
  rm -rf "$tmp"
  chmod -R a+rX "$KB_DIST/postgres"
  echo "$sum" >"$KB_DIST/postgres/.extracted"
}

init_cluster() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  as_pg test -x "$KB_DATA" || kb_die "user $PG_USER cannot reach $KB_DATA; make its parent folders world-executable (chmod o+x) or set KUBEBOOT_HOME"
  local tmp="$PG_DATA.init"
  rm -rf "$tmp" && mkdir -m 0700 "$tmp" && chown "$PG_USER" "$tmp"
  kb_log "initializing PostgreSQL cluster in $PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$tmp" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$KB_LOGS/postgres-initdb.log" 2>&1 \
    || kb_die "initdb failed, see $KB_LOGS/postgres-initdb.log"
  echo "include_if_exists = 'kubeboot.conf'" >>"$tmp/postgresql.conf"
  # Single-user mode: create the role and databases before the cluster is ever started.
  local out
  out="$(as_pg "$PG_BIN/postgres" --single -D "$tmp" postgres 2>&1 <<'SQL'
CREATE ROLE kubeboot LOGIN CREATEDB PASSWORD 'kubeboot';
CREATE DATABASE kubeboot OWNER kubeboot;
CREATE DATABASE kubeboot_test OWNER kubeboot;
SQL
)" || kb_die "creating role/databases failed: $out"
  if grep -q ERROR <<<"$out"; then kb_die "creating role/databases failed: $out"; fi
  mv "$tmp" "$PG_DATA"
}

write_conf() {
  cat >"$PG_DATA/kubeboot.conf" <<CONF
# Written by scripts/infra/postgres.sh on every start.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
CONF
  chown "$PG_USER" "$PG_DATA/kubeboot.conf"
}

pg_up() { [[ -d $PG_DATA ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

start() {
  install_binaries
  init_cluster
  if pg_up; then kb_log "postgres already running on 127.0.0.1:$PG_PORT (log $PG_LOG)"; return 0; fi
  write_conf
  mkdir -p "$PG_SOCK" && chown "$PG_USER" "$PG_SOCK" && chmod 0755 "$PG_SOCK"
  touch "$PG_LOG" && chown "$PG_USER" "$PG_LOG"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || kb_die "postgres did not start, see $PG_LOG"
  kb_log "started postgres on 127.0.0.1:$PG_PORT (user/password kubeboot/kubeboot, databases kubeboot, kubeboot_test; log $PG_LOG)"
}

stop() {
  if pg_up; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null || kb_die "postgres did not stop, see $PG_LOG"
    kb_log "stopped postgres"
  else
    kb_log "postgres not running"
  fi
}

status() {
  if pg_up && kb_wait_tcp 127.0.0.1 "$PG_PORT" 1; then
    kb_log "postgres running, answers on 127.0.0.1:$PG_PORT (log $PG_LOG)"
  else
    kb_log "postgres not running"
    return 1
  fi
}

if [[ -n ${KUBEBOOT_DB_URL:-} ]]; then
  kb_log "KUBEBOOT_DB_URL is set: using the external database $KUBEBOOT_DB_URL, nothing to do"
  exit 0
fi
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) kb_die "usage: $0 start|stop|status" ;;
esac
