#!/usr/bin/env bash
# ./kubeboot bench overlay: TCP throughput (iperf3) and round-trip time between pods on two hosts,
# through kubeboot's UDP overlay (as flannel's: one datagram per packet; then with TCP segmentation
# offload: one datagram per segment of up to 64 KiB) and through a kernel VXLAN device with the same
# MTU, on the same simulated hosts (network namespaces, see overlay-hosts.sh). Needs root. Prints the
# figures and the ratios; the last line is a one-line summary. flannel's UDP backend measured about
# 60% of VXLAN.
#
# usage: bench-overlay.sh [SECONDS [RATE]]
#   SECONDS  iperf3 duration of each run (default 10)
#   RATE     limit each host's underlay link to RATE (tc tbf, e.g. 1gbit), as a physical NIC would;
#            without it the underlay is a bare veth pair, far faster than any NIC
#            (flannel's 60% was measured on real links)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_EACH=${1:-10}
RATE=${2:-}
PREFIX=kbob
HOSTS="$KUBEBOOT_ROOT/scripts/overlay-hosts.sh"
JAR="$KUBEBOOT_ROOT/overlay-net/target/overlay-net-0.1.0-SNAPSHOT.jar"
PORT=8285
UNDERLAY_MTU=1500
INNER_MTU=$((UNDERLAY_MTU - 32)) # outer IPv4 20 + UDP 8 + kubeboot's header 4 (VXLAN's own is 50)
WORK="$(mktemp -d)"

[[ $(id -u) -eq 0 ]] || kb_die "the overlay benchmark creates network namespaces: run it as root"
command -v ip >/dev/null || kb_die "please install iproute2"
if ! command -v iperf3 >/dev/null; then
  kb_log "installing iperf3 (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iperf3 >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iperf3 >/dev/null; }
fi
command -v busybox >/dev/null || kb_die "please install busybox-static (ping in the pod namespaces)"

cleanup() {
  bash "$HOSTS" down "$PREFIX" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -f $JAR ]] || [[ -n "$(find "$KUBEBOOT_ROOT/overlay-net/src/main" -newer "$JAR" -print -quit)" ]]; then
  kb_log "building overlay-net (log $KB_LOGS/bench-overlay-build.log)"
  (cd "$KUBEBOOT_ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package -pl overlay-net -am \
    >"$KB_LOGS/bench-overlay-build.log" 2>&1) || kb_die "build failed (log $KB_LOGS/bench-overlay-build.log)"
fi

bash "$HOSTS" up "$PREFIX" 2
h() { echo "${PREFIX}h$1"; }
p() { echo "${PREFIX}p$1"; }

# the underlay's rate limit, if any: a token bucket on each host's eth0 (set again after an MTU change)
limit_underlay() {
  [[ -n $RATE ]] || return 0
  local n
  for n in 1 2; do
    ip netns exec "$(h "$n")" tc qdisc replace dev eth0 root tbf rate "$RATE" burst 256kb latency 50ms
  done
}
limit_underlay
UNDERLAY="bare veth"
[[ -z $RATE ]] || UNDERLAY="veth limited to $RATE"

# Mbit/s received by iperf3's server in pod 2 from a client in pod 1
throughput() {
  ip netns exec "$(p 2)" iperf3 -s -1 -D -p 5201 -I "$WORK/iperf3.pid"
  sleep 0.5
  ip netns exec "$(p 1)" timeout $((SECONDS_EACH + 30)) iperf3 -c 10.66.2.2 -p 5201 -t "$SECONDS_EACH" -f m \
    | tee "$WORK/iperf3.out" | awk '/receiver/ {print $(NF-2)}'
}

# round-trip time in ms, pod 1 to pod 2, as "average/minimum" (a user-space hop on a busy host
# shows in the average as scheduling delays; the minimum is the path itself)
rtt() {
  ip netns exec "$(p 1)" busybox ping -q -c 20 -i 0.1 10.66.2.2 | awk -F'[/ =]+' '/round-trip/ {print $(NF-2) "/" $(NF-3)}'
}

start_overlay() {
  local n=$1 peer=$2 offload=$3
  echo "10.66.$peer.0/24 172.30.0.$peer:$PORT" >"$WORK/peers-$n"
  ip netns exec "$(h "$n")" java -Xmx128m -cp "$JAR" -Dloader.main=io.kubeboot.overlay.standalone.StaticOverlay \
    org.springframework.boot.loader.launch.PropertiesLauncher --device kbob0 --address "172.30.0.$n" \
    --port "$PORT" --subnet "10.66.$n.0/24" --cluster-cidr 10.66.0.0/16 --underlay-mtu "$UNDERLAY_MTU" \
    --offload "$offload" --peers-file "$WORK/peers-$n" --metrics-file "$WORK/metrics-$n" >"$WORK/overlay-$n.log" 2>&1 &
  echo $! >"$WORK/overlay-$n.pid"
}

wait_ready() {
  local n=$1 i
  for ((i = 0; i < 600; i++)); do
    grep -q "overlay ready" "$WORK/overlay-$n.log" 2>/dev/null && return 0
    kill -0 "$(cat "$WORK/overlay-$n.pid")" 2>/dev/null || { cat "$WORK/overlay-$n.log" >&2; kb_die "overlay $n exited (pid $(cat "$WORK/overlay-$n.pid"))"; }
    sleep 0.2
  done
  kb_die "overlay $n not ready after 120 s"
}

stop_overlay() {
  local pid
  pid="$(cat "$WORK/overlay-$1.pid")"
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

# flannel's VXLAN backend by hand: device vxlan0 on eth0, the peer's subnet via the peer's VTEP
# address. VXLAN's overhead is 50 bytes, so for the same inner MTU its underlay links get 18 more.
start_vxlan() {
  local n=$1 peer=$2
  ip -n "${PREFIX}ul" link set "h$n" mtu $((INNER_MTU + 50))
  ip -n "$(h "$n")" link set eth0 mtu $((INNER_MTU + 50))
  ip -n "$(h "$n")" link add vxlan0 type vxlan id 1 dstport 4789 local "172.30.0.$n" remote "172.30.0.$peer" dev eth0
  ip -n "$(h "$n")" link set vxlan0 mtu "$INNER_MTU" up
  ip -n "$(h "$n")" addr add "10.66.$n.0/32" dev vxlan0
  ip -n "$(h "$n")" route add "10.66.$peer.0/24" via "10.66.$peer.0" dev vxlan0 onlink
}

# sets MBPS and RTT of the overlay with offload on or off
measure_overlay() {
  local offload=$1
  kb_log "kubeboot UDP overlay (offload $offload): MTU $INNER_MTU, iperf3 ${SECONDS_EACH}s"
  start_overlay 1 2 "$offload"
  start_overlay 2 1 "$offload"
  wait_ready 1
  wait_ready 2
  MBPS="$(throughput)"
  RTT="$(rtt)" # after the transfer: the JIT has compiled the packet path by then
  grep -h '^overlay_dropped.* [1-9]' "$WORK"/metrics-* >&2 || true
  stop_overlay 1
  stop_overlay 2
}

measure_overlay false
overlay_mbps=$MBPS overlay_rtt=$RTT
measure_overlay true
offload_mbps=$MBPS offload_rtt=$RTT

kb_log "kernel VXLAN: MTU $INNER_MTU, iperf3 ${SECONDS_EACH}s"
start_vxlan 1 2
start_vxlan 2 1
limit_underlay
vxlan_mbps="$(throughput)"
vxlan_rtt="$(rtt)"

[[ -n $overlay_mbps && -n $offload_mbps && -n $vxlan_mbps ]] ||
  kb_die "iperf3 gave no figure (last output: $(cat "$WORK/iperf3.out"))"
percent() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", 100 * a / b}'; }
ratio="$(percent "$overlay_mbps" "$vxlan_mbps")"
offload_ratio="$(percent "$offload_mbps" "$vxlan_mbps")"
row() { printf '%-30s %8s Mbit/s  %4s%% of VXLAN   RTT avg/min %s ms\n' "$@"; }
row "kubeboot UDP overlay" "$overlay_mbps" "$ratio" "$overlay_rtt"
row "kubeboot UDP overlay, offload" "$offload_mbps" "$offload_ratio" "$offload_rtt"
row "kernel VXLAN" "$vxlan_mbps" 100 "$vxlan_rtt"
echo "(underlay: $UNDERLAY; flannel's UDP backend measured about 60% of VXLAN;" \
  "load average now: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs)"
echo "overlay bench ($UNDERLAY): udp ${overlay_mbps} Mbit/s (${ratio}%), udp+offload ${offload_mbps} Mbit/s (${offload_ratio}%)," \
  "vxlan ${vxlan_mbps} Mbit/s; rtt avg/min ${overlay_rtt}, ${offload_rtt}, ${vxlan_rtt} ms"
