#!/usr/bin/env bash
# Local images built without a registry from a static busybox.
# Usage: images.sh build|status
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

IMAGES=(kubeboot/busybox:latest kubeboot/pause:latest)
BUSYBOX_CMD='CMD ["/bin/sh"]'
PAUSE_CMD=$'CMD ["/bin/sh","-c","trap \'exit 0\' TERM INT; while :; do sleep 3600 & wait $!; done"]'

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

ensure_static_busybox() {
  # ldd fails on a static binary ("not a dynamic executable").
  if [[ -x /bin/busybox ]] && ! ldd /bin/busybox >/dev/null 2>&1; then return 0; fi
  kb_log "installing busybox-static with apt-get"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static; } \
    >>"$KB_LOGS/apt-busybox.log" 2>&1 || kb_die "apt-get install busybox-static failed, see $KB_LOGS/apt-busybox.log"
}

make_rootfs() { # make_rootfs DIR
  local root=$1 applet
  rm -rf "$root" && mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,var/www,proc,sys,dev}
  install -m 0755 /bin/busybox "$root/bin/busybox"
  while read -r applet; do
    [[ -z $applet || $applet == bin/busybox ]] && continue
    [[ $applet == */* ]] || applet="bin/$applet"
    mkdir -p "$root/$(dirname "$applet")"
    ln -sf /bin/busybox "$root/$applet"
  done < <(/bin/busybox --list-full 2>/dev/null || /bin/busybox --list)
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"
  install -d -m 1777 "$root/tmp"
}

build() {
  docker info >/dev/null 2>&1 || kb_die "docker engine not answering (run scripts/infra/docker.sh start)"
  local todo=() img
  for img in "${IMAGES[@]}"; do
    if image_exists "$img"; then kb_log "image $img already exists"; else todo+=("$img"); fi
  done
  ((${#todo[@]})) || return 0
  ensure_static_busybox
  local root="$KB_DATA/images/rootfs"
  make_rootfs "$root"
  for img in "${todo[@]}"; do
    local cmd=$BUSYBOX_CMD
    [[ $img == kubeboot/pause:* ]] && cmd=$PAUSE_CMD
    tar -C "$root" -c . | docker import --change "$cmd" - "$img" >/dev/null \
      || kb_die "docker import of $img failed"
    kb_log "built image $img"
  done
}

status() {
  local img rc=0
  docker info >/dev/null 2>&1 || { kb_log "docker engine not answering, cannot list images"; return 1; }
  for img in "${IMAGES[@]}"; do
    if image_exists "$img"; then kb_log "image $img present"; else kb_log "image $img missing"; rc=1; fi
  done
  return "$rc"
}

case "${1:-}" in
  build) build ;;
  status) status ;;
  *) kb_die "usage: $0 build|status" ;;
esac
