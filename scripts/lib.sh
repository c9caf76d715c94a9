#!/usr/bin/env bash
# Shared helpers for kubeboot scripts. Source it: . "$(dirname "$0")/lib.sh"
set -euo pipefail

KUBEBOOT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KUBEBOOT_HOME="${KUBEBOOT_HOME:-$KUBEBOOT_ROOT/.kubeboot}"
KB_DIST="$KUBEBOOT_HOME/dist"
KB_DATA="$KUBEBOOT_HOME/data"
KB_LOGS="$KUBEBOOT_HOME/logs"
KB_RUN="$KUBEBOOT_HOME/run"
export KUBEBOOT_ROOT KUBEBOOT_HOME
mkdir -p "$KB_DIST" "$KB_DATA" "$KB_LOGS" "$KB_RUN"

kb_log() { printf '[kubeboot] %s\n' "$*" >&2; }
kb_die() { printf '[kubeboot] ERROR: %s\n' "$*" >&2; exit 1; }

kb_pid() {
  local f="$KB_RUN/$1.pid"
  [[ -s $f ]] && cat "$f"
}

kb_running() {
  local pid
  pid="$(kb_pid "$1")" || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null # a zombie is not running
}

# kb_start_bg NAME CMD... : run CMD in its own session, output to logs/NAME.log.
kb_start_bg() {
  local name=$1; shift
  local pidfile="$KB_RUN/$name.pid" log="$KB_LOGS/$name.log"
  if kb_running "$name"; then
    kb_log "$name already running (pid $(kb_pid "$name"))"
    return 0
  fi
  rm -f "$pidfile"
  # The child writes its own pid after setsid, so the pid is also the process group id.
  # shellcheck disable=SC2016  # $$ and $@ are expanded by the inner bash
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >>"$log" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && break
    sleep 0.1
  done
  [[ -s $pidfile ]] || kb_die "$name did not start (see $log)"
  kb_log "started $name (pid $(kb_pid "$name"), log $log)"
}

# kb_stop NAME [TIMEOUT_S] : SIGTERM the process group, SIGKILL after the timeout.
kb_stop() {
  local name=$1 timeout=${2:-20} pid i
  if ! pid="$(kb_pid "$name")"; then
    kb_log "$name not running"
    return 0
  fi
  if kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null; then
    for ((i = 0; i < timeout * 10; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; then
      kb_log "$name did not stop within ${timeout}s, killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    kb_log "stopped $name"
  else
    kb_log "$name not running"
  fi
  rm -f "$KB_RUN/$name.pid"
}

kb_wait_tcp() {
  local host=$1 port=$2 timeout=$3 i
  for ((i = 0; i < timeout * 5; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

kb_wait_http() {
  local url=$1 timeout=$2 i
  for ((i = 0; i < timeout * 5; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

# kb_mvn_fetch OUTDIR POMFILE : copy the pom's dependencies to OUTDIR, once per pom content.
kb_mvn_fetch() {
  local outdir=$1 pom=$2 sum marker
  sum="$(sha256sum "$pom" | cut -d' ' -f1)"
  marker="$outdir/.fetched"
  if [[ -f $marker && "$(cat "$marker")" == "$sum" ]]; then return 0; fi
  command -v mvn >/dev/null || kb_die "mvn not found on PATH"
  kb_log "fetching dependencies of $pom into $outdir (Maven Central)"
  mkdir -p "$outdir"
  rm -f "$outdir"/*.jar "$marker"
  local log
  log="$KB_LOGS/mvn-$(basename "$pom" .xml).log"
  if ! mvn -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies \
      -DoutputDirectory="$outdir" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    kb_die "mvn could not fetch dependencies of $pom (full log $log)"
  fi
  echo "$sum" >"$marker"
}
