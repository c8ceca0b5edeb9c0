#!/usr/bin/env bash
# The agent's route loop against a cluster of HOSTS other hosts (docs/benchmarks.md, "Routes between hosts"):
# a throwaway etcd and a "host" network namespace joined by a veth, HOSTS registrations with BLOCKS
# confirmed blocks each written straight into etcd, then `calico-mesos agent` (route loop and policy on, not
# serving) in the namespace. Prints:
#   - the time from the agent's start to all HOSTS × BLOCKS routes in its kernel;
#   - the agent's CPU over SECONDS of steady state (ms of CPU per second of wall time), heartbeats included:
#     every other host's record is rewritten every 30 s, as their agents would;
#   - the time from one more block claimed by another host (an etcd put) to its route in the kernel, N times.
# Everything it makes is removed on exit (trap). Needs root, etcd + etcdctl, iproute2, a built checkout.
#
# With VXLAN=1 the blocks lie in a VXLAN pool: every route goes through vxlan.calico, and the start-up time also
# covers the device and one peer entry (neighbour + forwarding) per host.
#
# Usage: [VXLAN=1] bench/route-scale.sh [HOSTS=100] [BLOCKS=4] [SECONDS=120] [N=30]
set -euo pipefail
HOSTS=${1:-100}
BLOCKS=${2:-4}
SECONDS_STEADY=${3:-120}
N=${4:-30}
HERE=$(cd -- "$(dirname -- "$(readlink -f -- "$0")")" && pwd -P)
PLUGIN=$HERE/../bin/calico-mesos
NS=rscale$$
TMP=$(mktemp -d /tmp/route-scale.XXXXXX)
PREFIX=/calico-scale
EP=http://10.98.0.1:23795
ETCD_PID=
AGENT_PID=
HEARTBEAT_PID=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n $HEARTBEAT_PID ]] && kill "$HEARTBEAT_PID" 2>/dev/null || true
  [[ -n $AGENT_PID ]] && { kill "$AGENT_PID" 2>/dev/null; wait "$AGENT_PID" 2>/dev/null || true; }
  [[ -n $ETCD_PID ]] && { kill "$ETCD_PID" 2>/dev/null; wait "$ETCD_PID" 2>/dev/null || true; }
  ip netns del "$NS" 2>/dev/null || true # takes its veth end, and with it ours, and its routes and table
  ip link del "$NS-r" 2>/dev/null || true
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT INT TERM

ms() { date +%s%3N; }
put() { ETCDCTL_API=3 etcdctl --endpoints="$EP" put "$1" "$2" >/dev/null; }

# The namespace: a link to the root namespace (etcd) and a link the other hosts' addresses are on.
ip netns add "$NS"
ip link add "$NS-r" type veth peer name to-root netns "$NS"
ip addr add 10.98.0.1/30 dev "$NS-r" && ip link set "$NS-r" up
ip -n "$NS" addr add 10.98.0.2/30 dev to-root && ip -n "$NS" link set to-root up && ip -n "$NS" link set lo up
ip -n "$NS" link add fabric type veth peer name fabric-peer
ip -n "$NS" addr add 10.99.0.1/16 dev fabric && ip -n "$NS" link set fabric up && ip -n "$NS" link set fabric-peer up

etcd --data-dir "$TMP/etcd" --listen-client-urls "$EP" --advertise-client-urls "$EP" \
  --listen-peer-urls http://127.0.0.1:23796 --initial-advertise-peer-urls http://127.0.0.1:23796 \
  --initial-cluster default=http://127.0.0.1:23796 >"$TMP/etcd.log" 2>&1 &
ETCD_PID=$!
for _ in $(seq 100); do ETCDCTL_API=3 etcdctl --endpoints="$EP" endpoint health >/dev/null 2>&1 && break; sleep 0.1; done

registration() { # host number
  printf '{"node":"host%d","ipv4":"10.99.%d.%d","ipv6":null,"version":"route-scale","heartbeat":"%s"}' \
    "$1" $(( $1 / 250 + 1 )) $(( $1 % 250 + 1 )) "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
claim() { # host number, block number → a /26 of 10.100.0.0/16 onwards, unique per (host, block)
  local n=$(( $1 * 64 + $2 ))
  put "$PREFIX/ipam/v2/host/host$1/ipv4/block/10.$(( 100 + n / 1024 )).$(( n / 4 % 256 )).$(( n % 4 * 64 ))-26" \
    '{"state":"confirmed"}'
}
for h in $(seq 1 "$HOSTS"); do
  put "$PREFIX/v1/host/host$h/registration" "$(registration "$h")"
  for b in $(seq 0 $(( BLOCKS - 1 ))); do claim "$h" "$b"; done
done
if [[ ${VXLAN:-0} == 1 ]]; then
  put "$PREFIX/v1/ipam/v4/pool/10.96.0.0-12" \
    '{"cidr":"10.96.0.0/12","blockSize":26,"strictAffinity":false,"encapsulation":"vxlan","disabled":false}'
fi
echo "wrote $HOSTS registrations and $(( HOSTS * BLOCKS )) confirmed blocks (VXLAN: ${VXLAN:-0})"

export ETCD_ENDPOINTS=$EP CALICO_PREFIX=$PREFIX CALICO_NODENAME=scale-self CALICO_HOST_IP=10.99.0.1 \
  CALICO_METRICS_PORT=off CALICO_AGENT_SOCKET=$TMP/agent.sock CALICO_LOG_FILE=$TMP/isolator.log
start=$(ms)
ip netns exec "$NS" "$PLUGIN" agent --no-serve 2>"$TMP/agent.log" &
AGENT_PID=$!
want=$(( HOSTS * BLOCKS ))
until [[ $(ip -n "$NS" -4 route show proto 196 | grep -c via || true) -ge $want ]]; do
  kill -0 "$AGENT_PID" 2>/dev/null || { cat "$TMP/agent.log" >&2; exit 1; }
  sleep 0.05
done
if [[ ${VXLAN:-0} == 1 ]]; then
  until [[ $(ip -n "$NS" neigh show dev vxlan.calico 2>/dev/null | grep -c PERMANENT || true) -ge $HOSTS ]]; do sleep 0.05; done
  echo "all $want routes through vxlan.calico ($(ip -n "$NS" -4 route show proto 196 | grep -c vxlan.calico)) and" \
    "$HOSTS peers in the kernel $(( $(ms) - start )) ms after the agent started"
else
  echo "all $want routes in the kernel $(( $(ms) - start )) ms after the agent started"
fi
sleep 5 # let start-up work settle

# Other hosts' heartbeats, spread over 30 s as their agents would write them.
( while true; do for h in $(seq 1 "$HOSTS"); do put "$PREFIX/v1/host/host$h/registration" "$(registration "$h")"; \
    sleep "$(awk -v n="$HOSTS" 'BEGIN{printf "%.3f", 30/n}')"; done; done ) &
HEARTBEAT_PID=$!
java_pid=$(pgrep -f -P "$AGENT_PID" java || echo "$AGENT_PID")
cpu() { awk '{print $14 + $15 + $16 + $17}' "/proc/$java_pid/stat"; }
c0=$(cpu); t0=$(ms)
sleep "$SECONDS_STEADY"
c1=$(cpu); t1=$(ms)
ticks=$(getconf CLK_TCK)
echo "steady state over $(( (t1 - t0) / 1000 )) s: $(awk -v c=$(( c1 - c0 )) -v t=$(( t1 - t0 )) -v k="$ticks" \
  'BEGIN{printf "%.1f ms CPU per s", c * 1000 / k / (t / 1000)}'), RSS $(awk '/VmRSS/{print $2/1024 " MiB"}' "/proc/$java_pid/status")"
kill "$HEARTBEAT_PID"; HEARTBEAT_PID=

# Convergence: one more block claimed by host 1, N times.
times=()
for i in $(seq 1 "$N"); do
  n=$(( HOSTS * 64 + 64 + i ))
  block="10.$(( 100 + n / 1024 )).$(( n / 4 % 256 )).$(( n % 4 * 64 ))"
  put "$PREFIX/ipam/v2/host/host1/ipv4/block/$block-26" '{"state":"confirmed"}'
  t=$(ms) # after etcdctl's own start-up (~15 ms), when etcd has committed the claim
  until ip -n "$NS" -4 route show "$block/26" proto 196 | grep -q via; do sleep 0.002; done
  times+=($(( $(ms) - t )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "new block on another host → route: min %d, median %d, p99 %d ms over %d claims\n", a[1], a[int((NR+1)/2)], a[int(NR*0.99 + 0.999)], NR}'
