#!/usr/bin/env bash
# Local single-node Kafka (KRaft) from Maven Central jars.
# Usage: kafka.sh start|stop|status
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

KAFKA_PORT="${KUBEBOOT_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KUBEBOOT_KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_JARS="$KB_DIST/kafka"
KAFKA_DIR="$KB_DATA/kafka"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_LOG="$KB_LOGS/kafka.log"

# Command-line tools: warnings only, on stderr, so stdout carries just the tool's answer.
kafka_tool() { java -cp "$KAFKA_JARS/*" -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2-tools.properties" "$@"; }

write_config() {
  mkdir -p "$KAFKA_DIR/logs"
  cat >"$KAFKA_PROPS" <<PROPS
# Written by scripts/infra/kafka.sh on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/logs
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  cat >"$KAFKA_DIR/log4j2.properties" <<'LOG'
status = warn
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = info
logger.state.name = state.change.logger
logger.state.level = warn
LOG
  cat >"$KAFKA_DIR/log4j2-tools.properties" <<'LOG'
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.err.ref = STDERR
LOG
}

format_storage() {
  [[ -f $KAFKA_DIR/logs/meta.properties ]] && return 0
  local id
  if [[ ! -s $KAFKA_DIR/cluster.id ]]; then
    kafka_tool kafka.tools.StorageTool random-uuid 2>>"$KB_LOGS/kafka-format.log" | tail -n 1 >"$KAFKA_DIR/cluster.id"
  fi
  id="$(tr -d '[:space:]' <"$KAFKA_DIR/cluster.id")"
  [[ $id =~ ^[A-Za-z0-9_-]{22}$ ]] || { rm -f "$KAFKA_DIR/cluster.id"; kb_die "bad Kafka cluster id '$id'"; }
  kb_log "formatting Kafka storage in $KAFKA_DIR/logs (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format -c "$KAFKA_PROPS" -t "$id" >>"$KB_LOGS/kafka-format.log" 2>&1 \
    || kb_die "formatting Kafka storage failed, see $KB_LOGS/kafka-format.log"
}

start() {
  if kb_running kafka; then kb_log "kafka already running on 127.0.0.1:$KAFKA_PORT (log $KAFKA_LOG)"; return 0; fi
  kb_mvn_fetch "$KAFKA_JARS" "$KUBEBOOT_ROOT/scripts/infra/kafka-pom.xml"
  write_config
  format_storage
  local from=0 i
  [[ -f $KAFKA_LOG ]] && from="$(stat -c %s "$KAFKA_LOG")"
  kb_start_bg kafka java -Xmx512m -cp "$KAFKA_JARS/*" \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" kafka.Kafka "$KAFKA_PROPS"
  for ((i = 0; i < 120; i++)); do
    kb_running kafka || { tail -n 30 "$KAFKA_LOG" >&2; kb_die "kafka exited, see $KAFKA_LOG"; }
    # (process substitution, not a pipe: grep -q stops at the first match, and under pipefail the
    # SIGPIPE that tail then gets would read as "not started" once the log has grown past 64 KiB)
    if grep -q 'Kafka Server started' <(tail -c +$((from + 1)) "$KAFKA_LOG") \
        && kb_wait_tcp 127.0.0.1 "$KAFKA_PORT" 1; then
      kb_log "kafka answers on 127.0.0.1:$KAFKA_PORT (log $KAFKA_LOG)"
      return 0
    fi
    sleep 0.5
  done
  kb_die "kafka did not open 127.0.0.1:$KAFKA_PORT within 60s, see $KAFKA_LOG"
}

status() {
  if kb_running kafka && kb_wait_tcp 127.0.0.1 "$KAFKA_PORT" 1; then
    kb_log "kafka running (pid $(kb_pid kafka)), answers on 127.0.0.1:$KAFKA_PORT (log $KAFKA_LOG)"
  else
    kb_log "kafka not running"
    return 1
  fi
}

if [[ -n ${KUBEBOOT_KAFKA_BOOTSTRAP:-} ]]; then
  kb_log "KUBEBOOT_KAFKA_BOOTSTRAP is set: using the external broker $KUBEBOOT_KAFKA_BOOTSTRAP, nothing to do"
  exit 0
fi
case "${1:-}" in
  start) start ;;
  stop) kb_stop kafka 30 ;;
  status) status ;;
  *) kb_die "usage: $0 start|stop|status" ;;
esac
