#!/usr/bin/env bash
# Checks, with kubectl and the hosts' Docker engines, that a separate host's pods and the first
# host's pods reach each other through the overlay and nothing else:
#   - a Deployment gets pods on both hosts, each with an IP from its node's podCIDR
#   - pod to pod by pod IP, both ways: ping and HTTP; the peer sees the pod's own address (no NAT)
#   - each host routes the other's pod subnet only into the overlay's TUN device
#   - the Service's ClusterIP, from a pod on either host, reaches endpoints on both hosts
#   - stopping either host's overlay cuts exactly its pods off; restarting it restores them
# Run it against a running cluster after './kubeboot add-node NAME --separate-host', with the same
# KUBEBOOT_HOME (and KUBEBOOT_* ports) as the cluster and KUBECONFIG set.
#
# usage: check-separate-host.sh NAME
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HOST=${1:-}
[[ -n $HOST ]] || kb_die "usage: $0 NAME (a node added with --separate-host)"
NS="kb-host-$HOST"
HOST_DOCKER="unix://$(bash "$KUBEBOOT_ROOT/scripts/separate-host.sh" socket "$HOST")"
APP=overlay-check
FAILED=0

cleanup() { kubectl delete deployment,service "$APP" --ignore-not-found >/dev/null 2>&1 || true; }
trap cleanup EXIT

pass() { printf '[check] PASS %s\n' "$*"; }
fail() { printf '[check] FAIL %s\n' "$*"; FAILED=1; }
expect() { # expect WHAT WANT COMMAND...: WANT is ok (the command succeeds) or cut (it fails)
  local what=$1 want=$2 got=cut; shift 2
  "$@" >/dev/null 2>&1 && got=ok
  if [[ $got == "$want" ]]; then pass "$what: $got"; else fail "$what: $got, expected $want"; fi
}
# eventually WHAT WANT COMMAND...: as expect, retried for up to 60 s (routes follow the API)
eventually() {
  local what=$1 want=$2 i got; shift 2
  for ((i = 0; i < 30; i++)); do
    got=cut
    "$@" >/dev/null 2>&1 && got=ok
    [[ $got == "$want" ]] && break
    sleep 2
  done
  expect "$what" "$want" "$@"
}

# pods of an earlier run are gone first, so none of them is taken for a pod of this run
cleanup
for ((i = 0; i < 60; i++)); do
  [[ -z "$(kubectl get pods -l "app=$APP" -o name)" ]] && break
  sleep 2
done
kubectl apply -f - >/dev/null <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $APP
spec:
  replicas: 4
  selector:
    matchLabels: {app: $APP}
  template:
    metadata:
      labels: {app: $APP}
    spec:
      containers:
      - name: web
        image: kubeboot/busybox:latest
        imagePullPolicy: Never
        # answers with its own address, so a reply through the ClusterIP tells which pod answered
        command: ["sh", "-c", "hostname -i > /tmp/index.html; httpd -f -p 8080 -h /tmp"]
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: $APP
spec:
  selector: {app: $APP}
  ports:
  - port: 80
    targetPort: 8080
EOF

# one ready pod on each host: "name ip" of the first found
pod_on() {
  kubectl get pods -l "app=$APP" \
    -o jsonpath='{range .items[*]}{.metadata.name} {.status.podIP} {.spec.nodeName} {.status.containerStatuses[0].ready} {.metadata.deletionTimestamp}{"\n"}{end}' |
    awk -v node="$1" 'NF == 4 && $3 == node && $4 == "true" {print $1, $2; exit}'
}
for ((i = 0; i < 90; i++)); do
  read -r POD_A IP_A <<<"$(pod_on node-1)" || true
  read -r POD_B IP_B <<<"$(pod_on "$HOST")" || true
  [[ -n ${IP_A:-} && -n ${IP_B:-} ]] && break
  sleep 2
done
[[ -n ${IP_A:-} && -n ${IP_B:-} ]] || kb_die "no ready pod of $APP on both node-1 and $HOST after 180 s"
kubectl get pods -l "app=$APP" -o wide

in_cidr() { # in_cidr IP CIDR (prefix lengths of whole octets, as node IPAM's /24)
  local ip=$1 net=${2%/*} bits=${2#*/} octets
  octets=$((bits / 8))
  [[ $(cut -d. -f1-"$octets" <<<"$ip") == $(cut -d. -f1-"$octets" <<<"$net") ]]
}
CIDR_A="$(kubectl get node node-1 -o jsonpath='{.spec.podCIDR}')"
CIDR_B="$(kubectl get node "$HOST" -o jsonpath='{.spec.podCIDR}')"
expect "pod $POD_A has IP $IP_A from node-1's podCIDR $CIDR_A" ok in_cidr "$IP_A" "$CIDR_A"
expect "pod $POD_B has IP $IP_B from $HOST's podCIDR $CIDR_B" ok in_cidr "$IP_B" "$CIDR_B"

container_of() { # container_of DOCKER_HOST POD: the pod's web container on that engine
  DOCKER_HOST=$1 docker ps -q --filter "label=io.kubeboot.pod.name=$2" --filter "label=io.kubeboot.container.name=web" | head -1
}
C_A="$(container_of "${DOCKER_HOST:-unix:///var/run/docker.sock}" "$POD_A")"
C_B="$(container_of "$HOST_DOCKER" "$POD_B")"
[[ -n $C_A && -n $C_B ]] || kb_die "containers of $POD_A / $POD_B not found"
in_a() { docker exec -i "$C_A" "$@"; }
in_b() { DOCKER_HOST=$HOST_DOCKER docker exec -i "$C_B" "$@"; }
# get FROM ADDRESS PORT: the body of GET / (busybox's wget crashes in this image: nc speaks HTTP/1.0)
get() { printf 'GET / HTTP/1.0\r\n\r\n' | "$1" nc -w 3 "$2" "$3" | sed '1,/^\r\?$/d'; }
http_ok() { [[ -n "$(get "$@")" ]]; }
ping_ok() { "$1" ping -c 2 -W 2 "$2"; }

expect "ping $POD_A -> $POD_B ($IP_B)" ok ping_ok in_a "$IP_B"
expect "ping $POD_B -> $POD_A ($IP_A)" ok ping_ok in_b "$IP_A"
expect "HTTP $POD_A -> $POD_B ($IP_B:8080)" ok http_ok in_a "$IP_B" 8080
expect "HTTP $POD_B -> $POD_A ($IP_A:8080)" ok http_ok in_b "$IP_A" 8080
# not masqueraded: while $POD_A holds a connection open, $POD_B sees it come from $IP_A
(in_a sh -c "sleep 5 | nc -w 6 $IP_B 8080" >/dev/null 2>&1 &)
sleep 2
expect "$POD_B sees the connection of $POD_A from $IP_A" ok sh -c "DOCKER_HOST=$HOST_DOCKER docker exec $C_B netstat -tn | grep -q '$IP_A:'"

# the routes: the other host's pod subnet only through the TUN device, in both hosts
route_dev() { "$@" | grep -o 'dev [^ ]*' | cut -d' ' -f2; }
expect "host node-1 routes $IP_B into kubeboot0" ok test "$(route_dev ip route get "$IP_B")" = kubeboot0
expect "host $HOST routes $IP_A into kubeboot0" ok test "$(route_dev ip -n "$NS" route get "$IP_A")" = kubeboot0

CLUSTER_IP="$(kubectl get service "$APP" -o jsonpath='{.spec.clusterIP}')"
# clusterip_reaches FROM CIDR: one of 12 requests to the ClusterIP is answered by a pod of CIDR
clusterip_reaches() {
  local i
  for ((i = 0; i < 12; i++)); do
    in_cidr "$(get "$1" "$CLUSTER_IP" 80 | tr -d '[:space:]')" "$2" && return 0
  done
  return 1
}
eventually "ClusterIP $CLUSTER_IP from $POD_A reaches a pod on $HOST" ok clusterip_reaches in_a "$CIDR_B"
eventually "ClusterIP $CLUSTER_IP from $POD_B reaches a pod on node-1" ok clusterip_reaches in_b "$CIDR_A"

# cut_and_restore NODE: stop NODE's overlay daemon, check that exactly the traffic between the
# hosts stops, start it again (add-node starts what is missing) and check that it flows again
cut_and_restore() {
  local node=$1 stopped="with $1's overlay stopped:"
  kb_stop "overlay-net@$node" 30
  expect "$stopped HTTP $POD_A -> $POD_B" cut http_ok in_a "$IP_B" 8080
  expect "$stopped ping $POD_B -> $POD_A" cut ping_ok in_b "$IP_A"
  expect "$stopped HTTP $POD_B -> itself, on its own host" ok http_ok in_b "$IP_B" 8080
  expect "$stopped HTTP $POD_A -> itself, on its own host" ok http_ok in_a "$IP_A" 8080
  "$KUBEBOOT_ROOT/kubeboot" add-node "$HOST" --separate-host 2>&1 | grep -v healthy >&2
  eventually "with $node's overlay restarted: HTTP $POD_A -> $POD_B" ok http_ok in_a "$IP_B" 8080
  eventually "with $node's overlay restarted: ping $POD_B -> $POD_A" ok ping_ok in_b "$IP_A"
}
cut_and_restore "$HOST"
expect "with $HOST's overlay restarted: $HOST routes $IP_A into kubeboot0" ok test "$(route_dev ip -n "$NS" route get "$IP_A")" = kubeboot0
cut_and_restore node-1

((FAILED == 0)) && echo "[check] all passed" || echo "[check] some checks FAILED"
exit "$FAILED"
