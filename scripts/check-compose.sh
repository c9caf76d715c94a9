#!/usr/bin/env bash
# Checks docker-compose.yml end to end, as an operator would use it: builds the images
# (./kubeboot images), brings the stack up under a project of its own, waits until its node is
# Ready, runs a Deployment of two busybox httpd pods and checks that they are Running and answer
# on their pod IPs, through a NodePort, and through the ClusterIP from inside a pod (kubectl exec),
# then tears everything down: containers, volumes, the identities folder, and what the node agent
# made on the Docker engine (its pods' containers and bridge). Not part of CI.
# Needs root (Docker, iptables), kubectl, and docker-compose (installed from apt if missing); the
# ports of docker-compose.yml must be free (no other compose stack of kubeboot running).
# Usage: scripts/check-compose.sh [--keep]     --keep: leave the stack running at the end
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PROJECT=${COMPOSE_PROJECT_NAME:-kubeboot-check}
export KUBEBOOT_COMPOSE_CONFIG="${KUBEBOOT_COMPOSE_CONFIG:-$KUBEBOOT_HOME/compose-check}"
NODE=${KUBEBOOT_COMPOSE_NODE_NAME:-compose-node}
NODE_ADDRESS=${KUBEBOOT_COMPOSE_NODE_ADDRESS:-127.0.0.1}
KEEP=false
[[ ${1:-} == --keep ]] && KEEP=true

compose() { docker-compose -p "$PROJECT" -f "$KUBEBOOT_ROOT/docker-compose.yml" "$@"; }
kc() { kubectl --kubeconfig "$KUBEBOOT_COMPOSE_CONFIG/kubeconfig" "$@"; }
step() { kb_log "check-compose: $*"; }

teardown() {
  step "tearing down (docker-compose down -v, the node's pods and bridge, $KUBEBOOT_COMPOSE_CONFIG)"
  compose down -v --remove-orphans >"$KB_LOGS/check-compose-down.log" 2>&1 || kb_log "docker-compose down failed, see $KB_LOGS/check-compose-down.log"
  # the node agent leaves its pods' containers running when it stops (a restarted agent adopts them)
  docker ps -aq --filter "label=io.kubeboot.node=$NODE" | xargs -r docker rm -f >/dev/null
  docker network rm "kubeboot-$NODE" >/dev/null 2>&1 || true
  rm -rf "$KUBEBOOT_COMPOSE_CONFIG" "/var/lib/kubeboot/$NODE"
  rmdir /var/lib/kubeboot 2>/dev/null || true
}

on_exit() {
  local rc=$?
  if ((rc != 0)); then
    step "FAILED; the services' last log lines:"
    compose logs --tail=30 >&2 || true
  fi
  if $KEEP && ((rc == 0)); then
    step "left running: docker-compose -p $PROJECT -f docker-compose.yml down -v (and see this script's teardown)"
  else
    teardown
  fi
  exit "$rc"
}

command -v kubectl >/dev/null || kb_die "kubectl not found"
if ! command -v docker-compose >/dev/null; then
  step "installing docker-compose (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >"$KB_LOGS/apt-docker-compose.log" 2>&1 \
    || kb_die "apt-get install docker-compose failed, see $KB_LOGS/apt-docker-compose.log"
fi
# host networking: every port of the stack must be free (a second stack, or another process)
for port in $(compose config | grep -oE "PORT: ['\"]?[0-9]+" | grep -oE '[0-9]+' | sort -u); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    kb_die "port $port is in use; free it or move it (KUBEBOOT_COMPOSE_*_PORT, see docker-compose.yml)"
  fi
done
step "building the images"
"$KUBEBOOT_ROOT/kubeboot" images
trap on_exit EXIT

step "docker-compose up (each service starts once those it needs are healthy: minutes on a busy machine)"
compose up -d
compose ps

step "waiting for node $NODE to be Ready"
for ((i = 0; i < 60; i++)); do
  kc get node "$NODE" >/dev/null 2>&1 && break
  sleep 2
done
kc wait --for=condition=Ready "node/$NODE" --timeout=300s
kc get nodes -o wide

step "a Deployment of two busybox httpd pods"
# shellcheck disable=SC2016 # $(hostname) is the pod's, expanded by its shell
kc create deployment check-web --image=kubeboot/busybox:latest --replicas=2 -- \
  sh -c 'echo "hello from $(hostname)" > /tmp/index.html && exec httpd -f -p 8080 -h /tmp'
kc rollout status deployment/check-web --timeout=300s
kc get pods -o wide -l app=check-web
phases="$(kc get pods -l app=check-web -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' | sort | uniq -c | xargs)"
[[ $phases == "2 Running" ]] || kb_die "expected 2 Running pods, got: $phases"

for ip in $(kc get pods -l app=check-web -o jsonpath='{.items[*].status.podIP}'); do
  answer="$(curl -fsS -m 10 "http://$ip:8080/")"
  step "pod $ip answers: $answer"
  [[ $answer == "hello from check-web-"* ]] || kb_die "unexpected answer from pod $ip: $answer"
done

step "a NodePort Service, reached on the node's address, and its ClusterIP from inside a pod"
kc expose deployment/check-web --type=NodePort --port 8080
node_port="$(kc get service check-web -o jsonpath='{.spec.ports[0].nodePort}')"
cluster_ip="$(kc get service check-web -o jsonpath='{.spec.clusterIP}')"
for ((i = 0; ; i++)); do
  answer="$(curl -fsS -m 5 "http://$NODE_ADDRESS:$node_port/" 2>/dev/null)" && break
  ((i < 60)) || kb_die "nothing answers on NodePort $NODE_ADDRESS:$node_port"
  sleep 2
done
step "NodePort $NODE_ADDRESS:$node_port answers: $answer"
# (busybox's timeout, not wget -T: Debian's static busybox 1.35 wget crashes with -T)
for ((i = 0; ; i++)); do
  answer="$(kc exec deploy/check-web -- timeout 10 wget -q -O - "http://$cluster_ip:8080/" 2>"$KB_LOGS/check-compose-exec.log")" && break
  ((i < 60)) || kb_die "the ClusterIP $cluster_ip:8080 does not answer from inside a pod: $(cat "$KB_LOGS/check-compose-exec.log")"
  sleep 2
done
step "ClusterIP $cluster_ip:8080 answers inside a pod: $answer"
kc delete service check-web
kc delete deployment check-web
step "OK"
