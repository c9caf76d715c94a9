#!/usr/bin/env bash
# Docker engine: use a running one, else install docker.io (Debian/Ubuntu) and start dockerd.
# Usage: docker.sh start|stop|status
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

EXTERNAL="$KB_RUN/docker.external"   # present when the engine was not started by us
DOCKERD_LOG="$KB_LOGS/dockerd.log"

engine_up() { docker info >/dev/null 2>&1; }

install_docker() {
  local id=""
  # shellcheck disable=SC1091
  [[ -r /etc/os-release ]] && id="$(. /etc/os-release && echo "${ID:-} ${ID_LIKE:-}")"
  if [[ ! $id =~ (debian|ubuntu) ]] || ! command -v apt-get >/dev/null; then
    kb_die "no Docker engine found: please install Docker and start it (docker info must answer), then rerun"
  fi
  kb_log "installing docker.io with apt-get (log $KB_LOGS/apt-docker.log)"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io; } \
    >>"$KB_LOGS/apt-docker.log" 2>&1 || kb_die "apt-get install docker.io failed, see $KB_LOGS/apt-docker.log"
}

start() {
  if kb_running dockerd; then
    kb_log "dockerd already running (pid $(kb_pid dockerd), log $DOCKERD_LOG)"
  elif engine_up; then
    touch "$EXTERNAL"
    kb_log "using the Docker engine that is already running (not started by kubeboot)"
    return 0
  else
    rm -f "$EXTERNAL"
    command -v dockerd >/dev/null || install_docker
    command -v docker >/dev/null || kb_die "docker client not found on PATH"
    kb_start_bg dockerd dockerd
  fi
  local i
  for ((i = 0; i < 120; i++)); do
    engine_up && { kb_log "docker engine answers"; return 0; }
    kb_running dockerd || { tail -n 20 "$DOCKERD_LOG" >&2; kb_die "dockerd exited, see $DOCKERD_LOG"; }
    sleep 0.5
  done
  kb_die "docker engine did not answer within 60s, see $DOCKERD_LOG"
}

stop() {
  if [[ -f $EXTERNAL ]] && ! kb_running dockerd; then
    kb_log "docker engine was not started by kubeboot, leaving it running"
    rm -f "$EXTERNAL"
  else
    kb_stop dockerd 60
  fi
}

status() {
  if ! engine_up; then kb_log "docker engine not answering"; return 1; fi
  if kb_running dockerd; then
    kb_log "docker engine answers (dockerd pid $(kb_pid dockerd) started by kubeboot, log $DOCKERD_LOG)"
  else
    kb_log "docker engine answers (not started by kubeboot)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) kb_die "usage: $0 start|stop|status" ;;
esac
