#!/usr/bin/env bash
# Local infrastructure for kubeboot: Docker engine, local images, PostgreSQL, Kafka.
# Usage: infra.sh up|down|status
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INFRA="$KUBEBOOT_ROOT/scripts/infra"

up() {
  local t0=$SECONDS
  bash "$INFRA/docker.sh" start
  bash "$INFRA/images.sh" build
  bash "$INFRA/postgres.sh" start
  bash "$INFRA/kafka.sh" start
  kb_log "infrastructure up in $((SECONDS - t0))s:"
  if [[ -n ${KUBEBOOT_DB_URL:-} ]]; then
    kb_log "  database: $KUBEBOOT_DB_URL (external)"
  else
    kb_log "  postgres: jdbc:postgresql://127.0.0.1:${KUBEBOOT_PG_PORT:-15432}/kubeboot (and kubeboot_test), user kubeboot / password kubeboot, log $KB_LOGS/postgres.log"
  fi
  kb_log "  kafka:    ${KUBEBOOT_KAFKA_BOOTSTRAP:-127.0.0.1:${KUBEBOOT_KAFKA_PORT:-19092}}, log $KB_LOGS/kafka.log"
  kb_log "  docker:   images kubeboot/busybox:latest, kubeboot/pause:latest (dockerd log, if started here: $KB_LOGS/dockerd.log)"
}

down() {
  bash "$INFRA/kafka.sh" stop
  bash "$INFRA/postgres.sh" stop
  bash "$INFRA/docker.sh" stop
}

status() {
  local rc=0
  bash "$INFRA/docker.sh" status || rc=1
  bash "$INFRA/images.sh" status || rc=1
  bash "$INFRA/postgres.sh" status || rc=1
  bash "$INFRA/kafka.sh" status || rc=1
  return "$rc"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) kb_die "usage: $0 up|down|status" ;;
esac
