#!/usr/bin/env bash
# Builds kubeboot's container images from this checkout, with no registry: kubeboot/jre (a Java 17
# runtime jlinked from the host's JDK), one image per service from its built jar, kubeboot/postgres
# (the zonky PostgreSQL binaries) and kubeboot/kafka (the broker jars scripts/infra fetches). Every
# image is kubeboot/<name>:<version>, the project's version. `./kubeboot images` runs this after
# building the jars; docker-compose.yml and the Helm chart use these images.
# Usage: images-services.sh [build [NAME...]] | list | remove
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION=${KUBEBOOT_VERSION:?set KUBEBOOT_VERSION (./kubeboot images does)}
SERVICES=(resource-service api-gateway scheduler-service reconciler-service node-agent)
IMAGES=(jre postgres kafka "${SERVICES[@]}")
SOURCES="$KUBEBOOT_ROOT/scripts/images"
WORK="$KUBEBOOT_HOME/images"
# The JDK's runtime modules without its development tools: what the services and Kafka use, and
# what they may look up only at run time (jdk.random for RandomGenerator.getDefault()). java.desktop
# comes with java.se because Spring needs java.beans; its graphics libraries never load in a
# headless JVM, so their own system libraries (X11, fonts, sound) are left out of the image.
JAVA_MODULES=java.se,jdk.random,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.naming.rmi,jdk.zipfs,jdk.net,jdk.nio.mapmode,jdk.sctp,jdk.security.auth,jdk.security.jgss,jdk.httpserver,jdk.jfr,jdk.charsets,jdk.xml.dom,jdk.dynalink
DESKTOP_LIBS='lib(awt|awt_xawt|fontmanager|jawt|splashscreen|lcms|jsound|javajpeg|mlib_image)\.so$'
# the legacy builder: it builds FROM scratch and FROM local images offline (no buildx here)
export DOCKER_BUILDKIT=0

image_of() { echo "kubeboot/$1:$VERSION"; }

# copy_libs ROOT FILE...: the system libraries that FILEs load (per ldd; the loader too) into ROOT
# at the same place, folders resolved (/lib/x86_64-linux-gnu becomes /usr/lib/x86_64-linux-gnu
# on a merged-/usr host, as ROOT's /lib is then the same symlink). Libraries inside ROOT are there.
copy_libs() {
  local root=$1 lib dir
  shift
  while read -r lib; do
    [[ $lib == "$root"/* ]] && continue
    dir="$(realpath "$(dirname "$lib")")"
    mkdir -p "$root$dir"
    [[ -e $root$dir/${lib##*/} ]] || cp -L "$lib" "$root$dir/"
  done < <(ldd "$@" 2>/dev/null | grep -o '/[^ :]*\.so[^ :]*' | sort -u)
}

# base_rootfs ROOT [PASSWD_LINE]: a static busybox with every applet in /bin, /bin /sbin /lib
# /lib64 laid out as on this host, minimal /etc files (the passwd line adds a user and its group)
base_rootfs() {
  local root=$1 user=${2:-} d applet busybox name gid
  busybox="$(command -v busybox || true)"
  if [[ -z $busybox ]] || ldd "$busybox" >/dev/null 2>&1; then
    kb_log "installing busybox-static with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static >>"$KB_LOGS/apt-busybox.log" 2>&1 \
      || kb_die "apt-get install busybox-static failed, see $KB_LOGS/apt-busybox.log"
    busybox="$(command -v busybox)"
  fi
  rm -rf "$root"
  mkdir -p "$root"/{usr/bin,usr/sbin,usr/lib,usr/local/bin,etc,proc,sys,dev,run,root}
  for d in bin sbin lib lib64; do
    if [[ -L /$d ]]; then ln -s "$(readlink "/$d")" "$root/$d"; else mkdir -p "$root/$d"; fi
  done
  cp -L "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [[ -e $root/bin/$applet ]] || ln -s busybox "$root/bin/$applet"
  done
  install -d -m 1777 "$root/tmp"
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' ${user:+"$user"} \
    >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"
  if [[ -n $user ]]; then IFS=: read -r name _ _ gid _ <<<"$user"; echo "$name:x:$gid:" >>"$root/etc/group"; fi
  printf '%s\n' 'passwd: files' 'group: files' 'hosts: files dns' >"$root/etc/nsswitch.conf"
  # the libraries are this host's, so the node agent reports its OS image as theirs
  echo "PRETTY_NAME=\"kubeboot image ($(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"') libraries)\"" >"$root/etc/os-release"
  if [[ -f /etc/protocols ]]; then cp /etc/protocols "$root/etc/"; fi
}

# the jlinked runtime is made again only when the JDK or the module list changed (jlink is slow)
jre_context() {
  local ctx="$WORK/jre" root="$WORK/jre/rootfs" jdk stamp libs
  command -v jlink >/dev/null || kb_die "jlink not found: a JDK 17 (openjdk-17-jdk-headless) is needed"
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
  stamp="$jdk $(md5sum <"$jdk/release") $JAVA_MODULES $(cat "$SOURCES/kubeboot-java" "$SOURCES/kubeboot-init" | md5sum)"
  if [[ -f $ctx/.stamp && "$(cat "$ctx/.stamp")" == "$stamp" ]]; then return 0; fi
  kb_log "jlinking a Java runtime for kubeboot/jre (log $KB_LOGS/images-jlink.log)"
  base_rootfs "$root"
  jlink --add-modules "$JAVA_MODULES" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output "$root/opt/java" >"$KB_LOGS/images-jlink.log" 2>&1 || kb_die "jlink failed, see $KB_LOGS/images-jlink.log"
  mapfile -t libs < <(find "$root/opt/java/lib" -maxdepth 1 -name '*.so' | grep -Ev "$DESKTOP_LIBS")
  copy_libs "$root" "$root"/opt/java/bin/* "$root"/opt/java/lib/server/libjvm.so "${libs[@]}"
  install -m 0755 "$SOURCES/kubeboot-java" "$SOURCES/kubeboot-init" "$root/usr/local/bin/"
  echo "$stamp" >"$ctx/.stamp"
}

postgres_context() {
  local ctx="$WORK/postgres" root="$WORK/postgres/rootfs" jars="$KB_DIST/postgres-jar" jar tmp
  kb_mvn_fetch "$jars" "$KUBEBOOT_ROOT/scripts/infra/postgres-pom.xml"
  jar="$(ls "$jars"/embedded-postgres-binaries-*.jar)"
  base_rootfs "$root" 'postgres:x:70:70:PostgreSQL:/var/lib/postgresql:/bin/sh'
  mkdir -p "$root/opt/postgres"
  tmp="$(mktemp -d)"
  (cd "$tmp" && jar xf "$jar")
  tar -xJf "$tmp"/postgres-linux-*.txz -C "$root/opt/postgres"
  rm -rf "$tmp"
  copy_libs "$root" "$root"/opt/postgres/bin/*
  install -m 0755 "$SOURCES/postgres-entrypoint" "$SOURCES/postgres-ready" "$root/usr/local/bin/"
  BUILD_ARGS=(--build-arg "POSTGRES_VERSION=$(basename "$jar" .jar | sed 's/.*-//')")
  CONTEXT=$ctx
}

kafka_context() {
  local ctx="$WORK/kafka"
  kb_mvn_fetch "$KB_DIST/kafka" "$KUBEBOOT_ROOT/scripts/infra/kafka-pom.xml"
  rm -rf "$ctx" && mkdir -p "$ctx/libs"
  cp "$KB_DIST/kafka"/*.jar "$ctx/libs/"
  cp "$SOURCES"/kafka-{entrypoint,ready,log4j2.properties} "$ctx/"
  BUILD_ARGS=(--build-arg "BASE=$(image_of jre)"
    --build-arg "KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KUBEBOOT_ROOT/scripts/infra/kafka-pom.xml")")
  CONTEXT=$ctx
}

# iptables_rootfs ROOT: this host's iptables (the same backend as the host's, so the node agent's
# nat rules land where Docker's are) with its extensions and libraries
iptables_rootfs() {
  local root=$1 multi xtables tool
  command -v iptables >/dev/null || kb_die "iptables not found on this host (the node agent image needs it)"
  multi="$(readlink -f "$(command -v iptables)")"
  xtables="$(dirname "$(readlink -f "$(ldd "$multi" | grep -o '/[^ ]*libxtables[^ ]*')")")/xtables"
  mkdir -p "$root/usr/sbin" "$root$xtables"
  cp "$multi" "$root/usr/sbin/"
  for tool in iptables iptables-save iptables-restore; do ln -s "${multi##*/}" "$root/usr/sbin/$tool"; done
  cp -a "$xtables/." "$root$xtables/"
  copy_libs "$root" "$multi" "$xtables"/*.so
}

service_context() {
  local service=$1 ctx="$WORK/$1" jar
  jar="$KUBEBOOT_ROOT/$service/target/$service-$VERSION.jar"
  [[ -f $jar ]] || kb_die "$jar is missing: build first (./kubeboot images does)"
  rm -rf "$ctx" && mkdir -p "$ctx/rootfs/app"
  cp "$jar" "$ctx/rootfs/app/app.jar"
  if [[ $service == node-agent ]]; then iptables_rootfs "$ctx/rootfs"; fi
  BUILD_ARGS=(--build-arg "BASE=$(image_of jre)" --build-arg "SERVICE=$service" --build-arg "VERSION=$VERSION")
  CONTEXT=$ctx
}

build_one() {
  local name=$1 dockerfile=service previous
  previous="$(docker image inspect -f '{{.Id}}' "$(image_of "$name")" 2>/dev/null || true)"
  BUILD_ARGS=()
  CONTEXT=""
  case $name in
    jre) jre_context; CONTEXT="$WORK/jre"; dockerfile=jre ;;
    postgres) postgres_context; dockerfile=postgres ;;
    kafka) kafka_context; dockerfile=kafka ;;
    *) service_context "$name" ;;
  esac
  if ! docker build -q -t "$(image_of "$name")" -f "$SOURCES/$dockerfile.Dockerfile" "${BUILD_ARGS[@]}" "$CONTEXT" \
      >"$KB_LOGS/image-$name.log" 2>&1; then
    tail -n 20 "$KB_LOGS/image-$name.log" >&2
    kb_die "building $(image_of "$name") failed (log $KB_LOGS/image-$name.log)"
  fi
  kb_log "built $(image_of "$name") ($(docker image inspect -f '{{.Size}}' "$(image_of "$name")" | awk '{printf "%d MB", $1 / 1e6}'))"
  if [[ -n $previous && $previous != "$(docker image inspect -f '{{.Id}}' "$(image_of "$name")")" ]]; then
    REPLACED=("$previous" "${REPLACED[@]}")
  fi
}

build() {
  docker info >/dev/null 2>&1 || kb_die "docker engine not answering (scripts/infra/docker.sh start)"
  local names=("$@") name
  ((${#names[@]})) || names=("${IMAGES[@]}")
  for name in "${names[@]}"; do
    [[ " ${IMAGES[*]} " == *" $name "* ]] || kb_die "no image $name (images: ${IMAGES[*]})"
  done
  # everything else is built on kubeboot/jre
  if [[ " ${names[*]} " != *" jre "* ]] && ! docker image inspect "$(image_of jre)" >/dev/null 2>&1; then
    names=(jre "${names[@]}")
  fi
  REPLACED=()
  for name in "${names[@]}"; do build_one "$name"; done
  # the images these replaced, newest first (an old kubeboot/jre goes once the old services built
  # on it have gone); one still used by a container stays
  local id
  for id in "${REPLACED[@]}"; do docker image rm "$id" >/dev/null 2>&1 || true; done
}

list() {
  local name
  for name in "${IMAGES[@]}"; do
    docker image ls --format '{{.Repository}}:{{.Tag}}  {{.ID}}  {{.CreatedSince}}  {{.Size}}' "$(image_of "$name")"
  done
}

remove() {
  local name
  # services first: they are built on kubeboot/jre
  for name in "${SERVICES[@]}" kafka postgres jre; do
    if docker image inspect "$(image_of "$name")" >/dev/null 2>&1; then
      docker image rm "$(image_of "$name")" >/dev/null && kb_log "removed $(image_of "$name")"
    fi
  done
}

case "${1:-build}" in
  build) shift || true; build "$@" ;;
  list) list ;;
  remove) remove ;;
  *) kb_die "usage: $0 [build [NAME...]] | list | remove" ;;
esac
