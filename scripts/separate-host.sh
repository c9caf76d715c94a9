#!/usr/bin/env bash
# A node of the cluster as a host of its own, on this machine: a network namespace with its own
# Docker engine, joined to the first host (this namespace) by an underlay that carries nothing but
# the API and the overlay's datagrams:
#
#   kbul0            a bridge in this namespace, 172.31.0.1/24: the first host's underlay address
#   kb-host-NAME     the host: eth0 172.31.0.INDEX/24 (its other end kbhINDEX on kbul0), no default
#                    route, so its pods reach other hosts only through the overlay's TUN device
#   dockerd          in the namespace: data root data/docker-NAME, socket run/docker-NAME.sock,
#                    no default bridge (the node agent creates its pod network with the node's
#                    podCIDR), its own containerd; the pod images copied from this host's engine
#
# usage: separate-host.sh up NAME INDEX     create what is missing (idempotent), start dockerd
#        separate-host.sh down NAME INDEX   stop dockerd and what runs in the namespace, remove it
#        separate-host.sh status NAME       whether the namespace and its engine are there
#        separate-host.sh address INDEX     the host's underlay address
#        separate-host.sh underlay-down     remove kbul0 once no host is left
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

UNDERLAY_NET="${KUBEBOOT_UNDERLAY_NET:-172.31.0}"
UNDERLAY_BRIDGE=kbul0
IMAGES=(kubeboot/busybox:latest kubeboot/pause:latest)

namespace_of() { echo "kb-host-$1"; }
address_of() { echo "$UNDERLAY_NET.$1"; }
socket_of() { echo "$KB_RUN/docker-$1.sock"; }
# libnetwork and containerd keep sockets under the exec root: short, to stay under 108 characters
exec_root_of() { echo "/run/kb-$(md5sum <<<"$KUBEBOOT_HOME" | cut -c1-6)-$1"; }

engine_up() { docker -H "unix://$(socket_of "$1")" info >/dev/null 2>&1; }

ensure_underlay() {
  if ! ip link show "$UNDERLAY_BRIDGE" >/dev/null 2>&1; then
    ip link add "$UNDERLAY_BRIDGE" type bridge
  fi
  ip addr replace "$(address_of 1)/24" dev "$UNDERLAY_BRIDGE"
  ip link set "$UNDERLAY_BRIDGE" up
}

ensure_namespace() {
  local name=$1 index=$2 ns link="kbh$2"
  ns="$(namespace_of "$name")"
  ip netns list | grep -qx "$ns\( .*\)\?" || ip netns add "$ns"
  ip -n "$ns" link set lo up
  if ! ip link show "$link" >/dev/null 2>&1; then
    ip link add "$link" type veth peer name eth0 netns "$ns"
  fi
  ip link set "$link" master "$UNDERLAY_BRIDGE" up
  ip -n "$ns" addr replace "$(address_of "$index")/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
}

start_engine() {
  local name=$1 ns sock i
  ns="$(namespace_of "$name")"
  sock="$(socket_of "$name")"
  if ! kb_running "dockerd@$name"; then
    mkdir -p "$KB_DATA/docker-$name"
    # nsenter, not 'ip netns exec': that one mounts a sysfs of the namespace over /sys, which
    # hides the cgroup hierarchy under /sys/fs/cgroup that the engine needs
    kb_start_bg "dockerd@$name" nsenter --net="/run/netns/$ns" dockerd --data-root "$KB_DATA/docker-$name" \
      --exec-root "$(exec_root_of "$name")" --pidfile "$KB_RUN/docker-$name.dockerd.pid" \
      --host "unix://$sock" --bridge none --iptables=true \
      --containerd-namespace "kb-$name" --containerd-plugins-namespace "kb-$name-plugins"
  fi
  for ((i = 0; i < 120; i++)); do
    engine_up "$name" && break
    kb_running "dockerd@$name" || { tail -n 20 "$KB_LOGS/dockerd@$name.log" >&2; kb_die "dockerd@$name exited"; }
    sleep 0.5
  done
  engine_up "$name" || kb_die "dockerd@$name did not answer within 60s (log $KB_LOGS/dockerd@$name.log)"
  local image
  for image in "${IMAGES[@]}"; do
    docker -H "unix://$sock" image inspect "$image" >/dev/null 2>&1 && continue
    kb_log "copying $image into dockerd@$name"
    docker save "$image" | docker -H "unix://$sock" load >/dev/null
  done
}

up() {
  local name=$1 index=$2
  ensure_underlay
  ensure_namespace "$name" "$index"
  start_engine "$name"
}

# The engine stops its containers as it shuts down; whatever still runs in the namespace
# (an agent or daemon that did not stop) is killed before the namespace goes.
down() {
  local name=$1 index=$2 ns pid
  ns="$(namespace_of "$name")"
  kb_stop "dockerd@$name" 60
  if ip netns list | grep -qx "$ns\( .*\)\?"; then
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns"
  fi
  ip link del "kbh$index" 2>/dev/null || true
  rm -f "$(socket_of "$name")"
  remove_exec_root "$(exec_root_of "$name")"
}

# The engine's state under its exec root (sockets, containerd's task folders); a mount it left
# there (a container's network namespace) is detached first, so nothing mounted is deleted.
remove_exec_root() {
  local root=$1 mount
  [[ -d $root ]] || return 0
  awk -v root="$root/" 'index($2, root) == 1 {print $2}' /proc/mounts | sort -r | while read -r mount; do
    umount -l "$mount" 2>/dev/null || true
  done
  rm -rf --one-file-system "$root"
}

underlay_down() {
  ip link show "$UNDERLAY_BRIDGE" >/dev/null 2>&1 || return 0
  if ip -br link show master "$UNDERLAY_BRIDGE" | grep -q .; then
    kb_log "$UNDERLAY_BRIDGE still has hosts attached, kept"
    return 0
  fi
  ip link del "$UNDERLAY_BRIDGE"
}

status() {
  local name=$1 ns
  ns="$(namespace_of "$name")"
  if ! ip netns list | grep -qx "$ns\( .*\)\?"; then
    printf '[kubeboot] %-20s absent\n' "$ns"
    return 1
  fi
  if engine_up "$name"; then
    printf '[kubeboot] %-20s pid %-7s %s UP\n' "dockerd@$name" "$(kb_pid "dockerd@$name")" "$(socket_of "$name")"
  else
    printf '[kubeboot] %-20s %s DOWN\n' "dockerd@$name" "$(socket_of "$name")"
    return 1
  fi
}

case "${1:-}" in
  up) [[ $# -eq 3 ]] || kb_die "usage: $0 up NAME INDEX"; up "$2" "$3" ;;
  down) [[ $# -eq 3 ]] || kb_die "usage: $0 down NAME INDEX"; down "$2" "$3" ;;
  status) [[ $# -eq 2 ]] || kb_die "usage: $0 status NAME"; status "$2" ;;
  address) [[ $# -eq 2 ]] || kb_die "usage: $0 address INDEX"; address_of "$2" ;;
  socket) [[ $# -eq 2 ]] || kb_die "usage: $0 socket NAME"; socket_of "$2" ;;
  underlay-down) underlay_down ;;
  *) kb_die "usage: $0 up NAME INDEX | down NAME INDEX | status NAME | address INDEX | socket NAME | underlay-down" ;;
esac
