#!/usr/bin/env bash
# Quick start: builds calico-mesos, then plays what a Mesos agent's net-modules isolator does for three
# containers on two agent hosts, through the real launcher, on the embedded SQLite store. Each request is
# the JSON the agent writes to the plugin's stdin; each answer is what the agent reads back.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$repo"

if [ "$(id -u)" -eq 0 ]; then
  bash scripts/install-deps.sh build
fi
build_log=$(mktemp)
echo "building (mvn -DskipTests package; output in $build_log) ..."
if ! mvn -B -ntp -DskipTests package >"$build_log" 2>&1; then
  tail -40 "$build_log"
  exit 1
fi

work=$(mktemp -d)
container_pid=""
finish() {
  [ -n "$container_pid" ] && kill "$container_pid" 2>/dev/null || true  # its namespace and veth end go with it
  # the demo's blocks stay claimed in the throwaway store: drop their blackhole routes (protocol 196 is ours)
  ip -4 route flush root 198.18.0.0/15 type blackhole proto 196 2>/dev/null || true
  ip -6 route flush root fd00:c0de::/32 type blackhole proto 196 2>/dev/null || true
  rm -rf "$work"
}
trap finish EXIT
# A throwaway store, so the demo can be run again and leaves nothing behind; a real agent uses the
# default /var/lib/calico-mesos/store.db. Pools in the benchmark range 198.18.0.0/15 and a ULA: addresses
# that are nobody's on any real network (the defaults, 192.168.0.0/16, may be your LAN).
export CALICO_SQLITE_PATH="$work/store.db" CALICO_LOG_FILE="$work/isolator.log" \
  CALICO_IPV4POOL_CIDR=198.18.0.0/16 CALICO_IPV6POOL_CIDR=fd00:c0de::/64

say() { printf '\n\033[1m# %s\033[0m\n' "$*"; }
plugin() {  # plugin NODE JSON: one request, as the agent sends it
  printf '$ echo %s | CALICO_NODENAME=%s bin/calico-mesos\n' "'$2'" "$1"
  answer=$(printf '%s' "$2" | CALICO_NODENAME="$1" bin/calico-mesos) || true
  printf '%s\n' "$answer"
}
admin() {
  printf '$ bin/calico-mesos %s\n' "$*"
  CALICO_NODENAME=agent-1 bin/calico-mesos "$@" || true
}

say "container A on agent-1 asks for a static IP and one more address (reserve, then allocate, under one uid)"
plugin agent-1 '{"command":"reserve","args":{"hostname":"agent-1","uid":"uid-a","ipv4_addrs":["198.18.0.10"],"netgroups":["web"]}}'
plugin agent-1 '{"command":"allocate","args":{"hostname":"agent-1","uid":"uid-a","num_ipv4":1,"num_ipv6":0,"netgroups":["web"],"labels":[{"key":"app","value":"shop"}]}}'
a_ips=$(printf '%s' "$answer" | grep -o '"ipv4":\[[^]]*\]' | grep -o '"[0-9.]*"' | paste -sd, -)

say "container B on agent-2 gets two IPv4 addresses and one IPv6 address, from blocks of agent-2's own"
plugin agent-2 '{"command":"allocate","args":{"hostname":"agent-2","uid":"uid-b","num_ipv4":2,"num_ipv6":1}}'

say "container C asks for A's static IP, then sends a broken request: clear one-line errors, nothing changes"
plugin agent-2 '{"command":"reserve","args":{"hostname":"agent-2","uid":"uid-c","ipv4_addrs":["198.18.0.10"]}}'
plugin agent-2 '{"command":"allocate","args":{"hostname":"agent-2","uid":"uid-c","num_ipv4":-1}}'

say "the operator's view: pools (created on first use), blocks and which host they belong to"
admin ipam show

isolated=""
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null; then
  say "container A starts on agent-1: its executor runs in a new network namespace; isolate gets the pid"
  unshare --net sleep 300 &
  container_pid=$!
  sleep 0.2
  plugin agent-1 "{\"command\":\"isolate\",\"args\":{\"hostname\":\"agent-1\",\"container_id\":\"container-a\",\"pid\":$container_pid,\"ipv4_addrs\":[\"198.18.0.10\",$a_ips],\"netgroups\":[\"web\"]}}"
  printf '$ nsenter --net=/proc/%s/ns/net ip -br addr; ip route   # inside the container\n' "$container_pid"
  nsenter --net="/proc/$container_pid/ns/net" ip -br addr | sed 's/^/  /'
  nsenter --net="/proc/$container_pid/ns/net" ip route | sed 's/^/  /'
  printf '$ ip route show proto 196   # on the host: a /32 per address, a blackhole per local block\n'
  ip route show proto 196 | grep 198.18. | sed 's/^/  /'
  isolated=yes
else
  say "(isolate needs root, unshare and ip: skipped)"
fi

say "container A ends: the agent releases its addresses by IP, then cleanup removes its network; B is released by uid"
plugin agent-1 "{\"command\":\"release\",\"args\":{\"ips\":[\"198.18.0.10\",$a_ips]}}"
if [ -n "$isolated" ]; then
  plugin agent-1 '{"command":"cleanup","args":{"hostname":"agent-1","container_id":"container-a"}}'
fi
plugin agent-2 '{"command":"release","args":{"uid":"uid-b"}}'

say "consistency check of the whole IPAM (exit 0 when clean)"
admin ipam check

say "done; the plugin's log of these requests:"
sed 's/^/  /' "$CALICO_LOG_FILE" | grep -E "command=" | head -14 || true
