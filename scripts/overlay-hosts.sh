#!/usr/bin/env bash
# Simulated hosts for the overlay's test and benchmark, all inside network namespaces (nothing is
# created in the namespace this runs in):
#
#   ${P}ul        the underlay: a bridge joining every host's eth0 (172.30.0.0/24, MTU 1500)
#   ${P}hN        host N: eth0 172.30.0.N on the underlay, bridge cbr0 10.66.N.1/24 for its pods,
#                 IP forwarding on (the cluster CIDR is 10.66.0.0/16, host N's subnet 10.66.N.0/24)
#   ${P}pN        a pod of host N: eth0 10.66.N.2/24, default route via 10.66.N.1
#
# usage: overlay-hosts.sh up PREFIX COUNT     create (after removing leftovers of PREFIX)
#        overlay-hosts.sh down PREFIX         kill processes inside and remove every namespace of PREFIX
set -euo pipefail

UNDERLAY_NET=172.30.0
CLUSTER_NET=10.66

namespaces_of() { ip netns list | awk '{print $1}' | grep "^$1" || true; }

down() {
  local prefix=$1 ns pid
  for ns in $(namespaces_of "$prefix"); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  done
  for ns in $(namespaces_of "$prefix"); do ip netns del "$ns" 2>/dev/null || true; done
}

up() {
  local prefix=$1 count=$2 n ul="${1}ul"
  down "$prefix"
  ip netns add "$ul"
  ip -n "$ul" link add br0 type bridge
  ip -n "$ul" link set br0 up
  for ((n = 1; n <= count; n++)); do
    local host="${prefix}h$n" pod="${prefix}p$n"
    ip netns add "$host"
    ip netns add "$pod"
    ip -n "$host" link set lo up
    ip -n "$pod" link set lo up
    # the host's underlay link, its other end on the underlay bridge
    ip -n "$ul" link add "h$n" type veth peer name eth0 netns "$host"
    ip -n "$ul" link set "h$n" master br0 up
    ip -n "$host" addr add "$UNDERLAY_NET.$n/24" dev eth0
    ip -n "$host" link set eth0 up
    # the host's pod bridge and one pod on it
    ip -n "$host" link add cbr0 type bridge
    ip -n "$host" addr add "$CLUSTER_NET.$n.1/24" dev cbr0
    ip -n "$host" link set cbr0 up
    ip -n "$host" link add "veth$n" type veth peer name eth0 netns "$pod"
    ip -n "$host" link set "veth$n" master cbr0 up
    ip -n "$pod" addr add "$CLUSTER_NET.$n.2/24" dev eth0
    ip -n "$pod" link set eth0 up
    ip -n "$pod" route add default via "$CLUSTER_NET.$n.1"
    ip netns exec "$host" sysctl -qw net.ipv4.ip_forward=1
  done
}

case "${1:-}" in
  up) [[ $# -eq 3 ]] || { echo "usage: $0 up PREFIX COUNT" >&2; exit 2; }; up "$2" "$3" ;;
  down) [[ $# -eq 2 ]] || { echo "usage: $0 down PREFIX" >&2; exit 2; }; down "$2" ;;
  *) echo "usage: $0 up PREFIX COUNT | down PREFIX" >&2; exit 2 ;;
esac
