#!/usr/bin/env bash
# One container's network lifecycle through bin/calico-mesos exactly as the Mesos agent's net-modules
# isolator drives it: a FRESH network namespace with a process in it (`unshare --net`, then `sleep 60`), then four
# launcher processes, each reading one JSON request on stdin —
#   allocate (1 IPv4) → isolate (with that pid) → release {ips} → cleanup
# — then the container process is killed. Every response must be "error":null, or the script fails loudly.
# Cleans up on every exit (trap): best-effort release+cleanup if they did not run, the process (and with it
# its namespace, the container veth end and therefore the host end), temp files. Run by hand or under
# bench/pair.py (numbers in docs/benchmarks.md, "Container lifecycle with the agent" and "… without the agent").
#
# Usage: bench/lifecycle.sh [netlink|iproute2]     (default netlink; sets CALICO_DATAPLANE)
# Env:   BENCH_DIR=/tmp/calico-bench    state kept ACROSS runs (created on first use): the SQLite store
#                                       $BENCH_DIR/store.db and the plugin log $BENCH_DIR/isolator.log. The
#                                       store persists so that a timed run is the steady state (the node
#                                       already holds its block), not first-use pool/block creation.
#                                       Delete the directory to start over.
#        ETCD_ENDPOINTS=http://…        use etcd instead of SQLite (then CALICO_PREFIX, default /calico-bench)
#        CALICO_IPV4POOL_CIDR           default 198.18.64.0/20 (RFC 2544 benchmark range; the addresses live
#                                       only inside the namespace this script makes)
#        CALICO_NODENAME                default calico-bench
#        PHASE_DIR=/path/dir            append "netns_ms allocate_ms isolate_ms release_ms cleanup_ms kill_ms"
#                                       to $PHASE_DIR/lifecycle-<dataplane>[-etcd].txt
# Needs root, util-linux (unshare), iproute2, and `mvn -DskipTests package` run in this checkout.
# At the end of a benchmark session remove the node's block blackhole(s) and the store together (the store
# remembers the block, so removing only one of them leaves the two out of step):
#   ip -4 route flush root 198.18.0.0/15 type blackhole proto 196; rm -rf /tmp/calico-bench
# (with etcd: also delete the CALICO_PREFIX keys, or use a throwaway etcd as docs/benchmarks.md does)
set -euo pipefail

DATAPLANE=${1:-netlink}
case $DATAPLANE in netlink|iproute2) ;; *) echo "usage: $0 [netlink|iproute2]" >&2; exit 2 ;; esac
# Built-ins only outside the launchers, as cni-reference.sh does, so that its overhead matches that script's.
HERE=${BASH_SOURCE[0]%/*}
[[ $HERE == "${BASH_SOURCE[0]}" ]] && HERE=.
PLUGIN=${CALICO_MESOS:-$HERE/../bin/calico-mesos}
BENCH_DIR=${BENCH_DIR:-/tmp/calico-bench}
mkdir -p "$BENCH_DIR"

export CALICO_DATAPLANE=$DATAPLANE
export CALICO_NODENAME=${CALICO_NODENAME:-calico-bench}
export CALICO_LOG_FILE=${CALICO_LOG_FILE:-$BENCH_DIR/isolator.log}
export CALICO_IPV4POOL_CIDR=${CALICO_IPV4POOL_CIDR:-198.18.64.0/20}
LABEL=$DATAPLANE
if [[ -n ${ETCD_ENDPOINTS:-} ]]; then
  export CALICO_PREFIX=${CALICO_PREFIX:-/calico-bench}
  LABEL=$DATAPLANE-etcd
else
  export CALICO_SQLITE_PATH=${CALICO_SQLITE_PATH:-$BENCH_DIR/store.db}
fi

TMP=$(mktemp -d /tmp/calico-lifecycle.XXXXXX)
read -r CID </proc/sys/kernel/random/uuid
read -r UID_ </proc/sys/kernel/random/uuid
HOSTNAME_=bench-agent
PID=
IPS='[]'

# One launcher process: request on stdin, response checked for "error":null. Shell built-ins only between
# the launchers (no jq, ~15 ms a process here), so that the phases time the plugin, not the harness.
RESPONSE=
plugin() { # name request
  local out=$TMP/$1.out
  if ! "$PLUGIN" <<<"$2" >"$out" 2>"$TMP/$1.err"; then
    echo "lifecycle.sh: $1 exited non-zero: $(<"$out") $(<"$TMP/$1.err")" >&2; return 1
  fi
  IFS= read -r RESPONSE <"$out" || true
  if [[ $RESPONSE != *'"error":null}' ]]; then
    echo "lifecycle.sh: $1 failed: $RESPONSE $(<"$TMP/$1.err")" >&2; return 1
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ ${RELEASED:-0} == 0 && $IPS != '[]' ]]; then
    printf '{"command":"release","args":{"ips":%s}}' "$IPS" | "$PLUGIN" >/dev/null 2>&1 || true
  fi
  if [[ ${ISOLATE_TRIED:-0} == 1 && ${CLEANED:-0} == 0 ]]; then
    printf '{"command":"cleanup","args":{"hostname":"%s","container_id":"%s"}}' "$HOSTNAME_" "$CID" \
      | "$PLUGIN" >/dev/null 2>&1 || true
  fi
  if [[ -n $PID ]]; then
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  # the namespace died with the process, the container veth end with it and the host end with that; after a
  # failure, be sure (after a success the cleanup request removed it)
  if [[ $rc != 0 ]]; then
    ip link del "cali${CID:0:11}" 2>/dev/null || true
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT INT TERM

n0=$EPOCHREALTIME
# The container: a process in a namespace of its own. It says so on the pipe once unshare has made the namespace,
# so the harness waits for that with one blocking read instead of polling.
exec {READY}< <(exec unshare --net sh -c 'echo; exec sleep 60')
PID=$!
read -r -u "$READY" || { echo "lifecycle.sh: unshare --net failed (root?)" >&2; exit 1; }
[[ ! /proc/$PID/ns/net -ef /proc/$$/ns/net ]] \
  || { echo "lifecycle.sh: process $PID is not in a namespace of its own" >&2; exit 1; }

t0=$EPOCHREALTIME
plugin allocate '{"command":"allocate","args":{"hostname":"'$HOSTNAME_'","uid":"'$UID_'","num_ipv4":1,"num_ipv6":0,"netgroups":["prod"]}}'
t1=$EPOCHREALTIME
# {"ipv4":["a.b.c.d"],"ipv6":[],"error":null}: exactly one IPv4 address, no IPv6
[[ $RESPONSE =~ ^\{\"ipv4\":(\[\"[0-9.]+\"\]),\"ipv6\":\[\], ]] \
  || { echo "lifecycle.sh: allocate gave $RESPONSE" >&2; exit 1; }
IPS=${BASH_REMATCH[1]}
ISOLATE_TRIED=1
plugin isolate '{"command":"isolate","args":{"hostname":"'$HOSTNAME_'","container_id":"'$CID'","pid":'$PID',"ipv4_addrs":'$IPS',"netgroups":["prod"]}}'
t2=$EPOCHREALTIME
plugin release '{"command":"release","args":{"ips":'$IPS'}}'
RELEASED=1
t3=$EPOCHREALTIME
plugin cleanup '{"command":"cleanup","args":{"hostname":"'$HOSTNAME_'","container_id":"'$CID'"}}'
CLEANED=1
t4=$EPOCHREALTIME
kill -KILL "$PID"
wait "$PID" 2>/dev/null || true
PID=
t5=$EPOCHREALTIME

if [[ -n ${PHASE_DIR:-} ]]; then
  mkdir -p "$PHASE_DIR"
  awk -v n="$n0" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" \
    'BEGIN{printf "%.3f %.3f %.3f %.3f %.3f %.3f\n",(a-n)*1000,(b-a)*1000,(c-b)*1000,(d-c)*1000,(e-d)*1000,(f-e)*1000}' \
    >>"$PHASE_DIR/lifecycle-$LABEL.txt"
fi
