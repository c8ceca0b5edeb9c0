#!/usr/bin/env bash
# Installs what calico-mesos needs on Debian 12 (bookworm), as root. Idempotent: installs only what is missing.
#   install-deps.sh build   JDK 17, Maven, a C compiler (gcc, libc6-dev: the agent's static socket client), iproute2 and
#                           util-linux: enough to build and run the plugin on its embedded store
#   install-deps.sh test    the above, plus what the tests use: iproute2, nftables, etcd, Consul, sqlite3, openssl,
#                           socat (TCP listeners and clients inside test network namespaces), util-linux (unshare, nsenter),
#                           procps (pgrep: package-check.sh), bird2 (BIRD 2, the BGP speaker of route mode bgp: its
#                           tests start real BIRDs in network namespaces), cnitool (built from Debian's source) and
#                           containernetworking-plugins (ptp, bridge, host-local, portmap: the CNI tests' runtime
#                           and the main plugins our IPAM plugin serves), podman with runc and busybox-static (CniPodmanIT:
#                           Podman's CNI backend runs a container on our plugin, its root busybox, no image pulled),
#                           systemd (systemd-socket-activate: AgentSocketActivationIT hands the agent its socket as
#                           the socket unit does; systemd-analyze: package-check.sh verifies the units).
#                           Building the .deb needs nothing more (jdeb is Java).
set -euo pipefail

need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root (it installs Debian packages)" >&2
    exit 1
  fi
}

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then
    apt-get update -qq
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "installed: ${missing[*]}"
}

# The Debian archive this machine already uses (its first non-security URI), so that suites and sources added
# here come from the same mirror.
debian_archive_uri() {
  local uri
  uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' \
      /etc/apt/sources.list 2>/dev/null || true)
  fi
  if [ -z "$uri" ]; then
    echo "install-deps.sh: cannot find this machine's Debian archive in /etc/apt/sources.list(.d)" >&2
    exit 1
  fi
  echo "$uri"
}

# Debian ships Consul 1.8 only in bullseye. Add that suite from the same archive this machine already
# uses, pinned low (100) so that nothing but what we name explicitly comes from it.
add_bullseye_for_consul() {
  local source=/etc/apt/sources.list.d/calico-mesos-bullseye.sources
  local pin=/etc/apt/preferences.d/calico-mesos-bullseye
  [ -f "$source" ] && [ -f "$pin" ] && return 0
  local uri
  uri=$(debian_archive_uri)
  cat > "$source" <<SOURCES
Types: deb
URIs: $uri
Suites: bullseye
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  cat > "$pin" <<PIN
Package: *
Pin: release n=bullseye
Pin-Priority: 100
PIN
  apt_updated=""
}

# cnitool, the reference CNI runtime the CNI end-to-end tests drive the plugin with. Debian packages libcni
# (golang-github-appc-cni-dev) but not cnitool, whose source is in the same source package: build it from
# bookworm's source against the packaged libcni, offline (GO111MODULE=off, the packaged GOPATH).
install_cnitool() {
  apt_install golang-go golang-github-appc-cni-dev containernetworking-plugins
  [ -x /usr/local/bin/cnitool ] && return 0
  local source=/etc/apt/sources.list.d/calico-mesos-bookworm-src.sources
  if [ ! -f "$source" ]; then
    local uri
    uri=$(debian_archive_uri)
    cat > "$source" <<SOURCES
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  fi
  apt-get update -qq
  apt_updated=yes
  local work
  work=$(mktemp -d)
  # apt-get source downloads as the unprivileged _apt user, which must be able to enter the directory.
  chmod 755 "$work"; chown _apt "$work" 2>/dev/null || true
  # Runs when this function returns, also on failure (set -e), then unsets itself: no half-built tree left in /tmp.
  trap 'rm -rf "$work"; trap - RETURN' RETURN
  (cd "$work" && apt-get source -qq --download-only golang-github-appc-cni >/dev/null)
  local orig
  orig=$(ls "$work"/golang-github-appc-cni_*.orig.tar.* | head -n 1)
  tar -xf "$orig" -C "$work"
  local tree
  tree=$(dirname "$(ls -d "$work"/*/cnitool/cnitool.go | head -n 1)")
  (cd "$tree" && GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE="$work/cache" \
    go build -o /usr/local/bin/cnitool .)
  echo "installed: /usr/local/bin/cnitool"
}

need_root
case "${1:-test}" in
  build)
    apt_install openjdk-17-jdk-headless maven gcc libc6-dev iproute2 util-linux
    ;;
  demo)  # build, plus what the quick-start demo runs: the agent's nftables, socat for its TCP probes
    apt_install openjdk-17-jdk-headless maven gcc libc6-dev iproute2 util-linux nftables socat
    ;;
  test)
    apt_install openjdk-17-jdk-headless maven gcc libc6-dev iproute2 nftables sqlite3 etcd-server etcd-client openssl socat util-linux procps \
      bird2 podman runc busybox-static systemd
    if ! command -v consul >/dev/null 2>&1; then
      add_bullseye_for_consul
      apt_install consul
    fi
    install_cnitool
    ;;
  *)
    echo "usage: install-deps.sh build|demo|test" >&2
    exit 2
    ;;
esac
