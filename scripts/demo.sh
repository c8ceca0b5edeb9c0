#!/usr/bin/env bash
# Quick start: builds calico-mesos, starts its agent, and plays what a Mesos agent does for four containers —
# A and B in netgroup `prod`, C in `dev`, D in `public` — through the real launcher, on a throwaway embedded
# SQLite store: A and D join through the net-modules isolator's JSON, B and C through the network/cni
# isolator's CNI ADD (its environment, a 0.2.0 network configuration with Mesos' network_info on stdin), so the
# matrix also shows both protocols' containers in one netgroup. Each "container" is a process in a network namespace of its own with a
# TCP listener; then every container and the host try to reach every other, and the matrix printed is what
# really got through, next to what the netgroups say should. Last, NAT outgoing: a namespace on 203.0.113.0/24,
# outside every pool, stands for the world, and container A reaches it first with NAT outgoing off (the world
# sees A's own address) and then on (it sees the host's); then a Calico network policy on B denies A, and is
# deleted again. Everything it made is removed at the end, also
# on Ctrl-C or failure. The full trace (the build, each JSON request and answer, the agent's log) goes to the
# log file named at the start, which stays. Needs root (namespaces, veths, nftables). Exit status 0 only if the matrix matches.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
  echo "demo.sh needs root: it creates network namespaces, veth pairs and an nftables table" >&2
  exit 1
fi
bash scripts/install-deps.sh demo

work=$(mktemp -d /tmp/calico-demo.XXXXXX)
log="${TMPDIR:-/tmp}/calico-mesos-demo.log"  # kept after the run, replaced by the next one
: >"$log"
echo "calico-mesos demo; full trace in $log"
echo "building (mvn -DskipTests package) ..."
if ! mvn -B -ntp -DskipTests package >>"$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi

names=(A B C D)
groups=(prod prod dev public)
protocols=(net-modules cni cni net-modules)
pids=()
ips=()
listeners=()
agent_pid=""
listener_pid=""
world_pid=""
finish() {
  trap - EXIT INT TERM
  for i in "${!ips[@]}"; do  # the container's end, as the Mesos agent does it: release by IP then cleanup, or DEL
    if [ "${protocols[$i]}" = cni ]; then
      cni DEL "$i" >/dev/null 2>&1 || true
      continue
    fi
    plugin "{\"command\":\"release\",\"args\":{\"ips\":[\"${ips[$i]}\"]}}" >/dev/null 2>&1 || true
    plugin "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"demo-host\",\"container_id\":\"demo-${names[$i]}\"}}" >/dev/null 2>&1 || true
  done
  for pid in "${listeners[@]}" "${pids[@]}" $listener_pid $world_pid $agent_pid; do
    kill "$pid" 2>/dev/null || true  # a container's namespace, and its veth, go with its last process
  done
  wait 2>/dev/null || true
  ip link del demoworld0 2>/dev/null || true
  nft delete table inet calico_mesos 2>/dev/null || true  # the agent leaves its rules in force when it stops
  ip -4 route flush root 198.18.0.0/15 type blackhole proto 196 2>/dev/null || true
  rm -rf "$work"
}
trap finish EXIT
trap 'echo "interrupted; trace in $log" >&2; exit 130' INT TERM

# Addresses from the benchmark range, nobody's on a real network (the default 192.168.0.0/16 may be your LAN).
# The host profile admits the address the kernel uses as source towards the containers.
host_ip=$(ip -4 route get 198.18.0.1 2>/dev/null | grep -o 'src [0-9.]*' | cut -d' ' -f2) || true
[ -n "$host_ip" ] || { echo "demo.sh: this host has no IPv4 route to 198.18.0.1, so no source address for it" >&2; exit 1; }
export CALICO_SQLITE_PATH="$work/store.db" CALICO_LOG_FILE="$work/isolator.log" CALICO_NODENAME=demo-host \
  CALICO_IPV4POOL_CIDR=198.18.0.0/16 CALICO_IPV6POOL_CIDR=fd00:c0de::/64 CALICO_HOST_IP="$host_ip" \
  CALICO_LOG_LEVEL=info CALICO_AGENT_SOCKET="$work/agent.sock" CALICO_METRICS_PORT=off

plugin() {  # one request on stdin, as the Mesos agent sends it; the answer on stdout; both traced
  printf '$ echo %s | bin/calico-mesos\n' "'$1'" >>"$log"
  local answer
  answer=$(printf '%s' "$1" | bin/calico-mesos) || true  # a failure still answers in JSON: the caller checks it
  printf '%s\n' "$answer" | tee -a "$log"
}

cni() {  # cni ADD|DEL INDEX: what Mesos' network/cni isolator runs, with the configuration it checkpointed on stdin
  local conf="{\"cniVersion\":\"0.2.0\",\"name\":\"demo-net\",\"type\":\"calico-mesos\",\"datastore_type\":\"sqlite\",\"sqlite_path\":\"$work/store.db\",\"nodename\":\"demo-host\",\"args\":{\"org.apache.mesos\":{\"network_info\":{\"name\":\"demo-net\",\"groups\":[\"${groups[$2]}\"]}}}}"
  printf '%s\n' "$conf" >"$work/conf-$2.json"
  printf '$ CNI_COMMAND=%s CNI_CONTAINERID=demo-%s CNI_IFNAME=eth0 CNI_NETNS=/proc/%s/ns/net bin/calico-mesos < %s\n' \
    "$1" "${names[$2]}" "${pids[$2]}" "$work/conf-$2.json" >>"$log"
  local answer
  answer=$(CNI_COMMAND=$1 CNI_CONTAINERID="demo-${names[$2]}" CNI_IFNAME=eth0 CNI_NETNS="/proc/${pids[$2]}/ns/net" \
    CNI_PATH="$repo/bin" bin/calico-mesos <"$work/conf-$2.json") || true
  printf '%s\n' "$answer" | tee -a "$log"
}

# Its own socket and no metrics port: a real agent on this host (the package's) keeps its own.
echo "starting the agent (bin/calico-mesos agent; it also answers the plugin requests below) ..."
bin/calico-mesos agent 2>>"$log" &
agent_pid=$!
for _ in $(seq 300); do
  grep -q "policy in step with the datastore" "$log" && break
  sleep 0.1
done
grep -q "policy in step with the datastore" "$log" || { echo "the agent did not start; see $log" >&2; exit 1; }

echo "starting four containers (net-modules: allocate + isolate; CNI: ADD) ..."
for i in "${!names[@]}"; do
  unshare --net sleep 600 &
  pids[$i]=$!
  sleep 0.1
  if [ "${protocols[$i]}" = cni ]; then
    answer=$(cni ADD "$i")
    ips[$i]=$(printf '%s' "$answer" | grep -o '"ip":"[0-9.]*/32"' | grep -o '[0-9.]*/' | tr -d '/')
    [ -n "${ips[$i]}" ] || { echo "CNI ADD failed: $answer" >&2; exit 1; }
  else
    answer=$(plugin "{\"command\":\"allocate\",\"args\":{\"hostname\":\"demo-host\",\"uid\":\"uid-${names[$i]}\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"${groups[$i]}\"]}}")
    ips[$i]=$(printf '%s' "$answer" | grep -o '"ipv4":\["[0-9.]*"' | grep -o '[0-9.]*"$' | tr -d '"')
    [ -n "${ips[$i]}" ] || { echo "allocate failed: $answer" >&2; exit 1; }
    answer=$(plugin "{\"command\":\"isolate\",\"args\":{\"hostname\":\"demo-host\",\"container_id\":\"demo-${names[$i]}\",\"pid\":${pids[$i]},\"ipv4_addrs\":[\"${ips[$i]}\"],\"netgroups\":[\"${groups[$i]}\"]}}")
    [ "$answer" = '{"error":null}' ] || { echo "isolate failed: $answer" >&2; exit 1; }
  fi
  nsenter --net="/proc/${pids[$i]}/ns/net" socat TCP4-LISTEN:7007,bind="${ips[$i]}",reuseaddr,fork 'SYSTEM:echo hello' &
  listeners[$i]=$!
  printf '  %s  %-7s %-15s %s\n' "${names[$i]}" "${groups[$i]}" "${ips[$i]}" "${protocols[$i]}"
done
socat TCP4-LISTEN:7007,bind="$host_ip",reuseaddr,fork 'SYSTEM:echo hello' &
listener_pid=$!
for i in "${!names[@]}"; do  # the agent follows the store; wait until it has every container's rules
  if [ "${protocols[$i]}" = cni ]; then  # the host end is named from the attachment: network, container, ifname
    iface=cali$(printf 'demo-net\0demo-%s\0eth0' "${names[$i]}" | sha256sum | cut -c1-11)
  else
    iface=cali$(printf '%s' "demo-${names[$i]}" | sha256sum | cut -c1-11)
  fi
  for _ in $(seq 100); do
    nft list table inet calico_mesos 2>/dev/null | grep -q "chain to_$iface " && break
    sleep 0.1
  done
done
sleep 0.3  # the listeners bind

reaches() {  # reaches FROM_PID|host TO_IP: a TCP connection that carries "hello" back
  local run=()
  [ "$1" = host ] || run=(nsenter --net="/proc/$1/ns/net")
  [ "$("${run[@]}" socat -T 2 - "TCP4:$2:7007,connect-timeout=1" 2>/dev/null)" = hello ]
}
expected() {  # expected FROM TO: same netgroup, a public target, or the host at either end
  [ "$1" = host ] || [ "$2" = host ] || [ "$2" = public ] || [ "$1" = "$2" ]
}

echo
echo "who reaches whom over TCP (yes/no = what happened; '!' where it differs from the netgroup rules)"
printf '%-12s' "from \\ to"
for j in "${!names[@]}"; do printf '%-11s' "${names[$j]} ${groups[$j]}"; done
printf '%-11s\n' host
mismatches=0
for i in "${!names[@]}" host; do
  if [ "$i" = host ]; then from=host; from_group=host; label=host; else from=${pids[$i]}; from_group=${groups[$i]}; label="${names[$i]} ${groups[$i]}"; fi
  printf '%-12s' "$label"
  for j in "${!names[@]}" host; do
    if [ "$j" = "$i" ]; then printf '%-11s' -; continue; fi
    if [ "$j" = host ]; then to_ip=$host_ip; to_group=host; else to_ip=${ips[$j]}; to_group=${groups[$j]}; fi
    if reaches "$from" "$to_ip"; then got=yes; else got=no; fi
    if expected "$from_group" "$to_group"; then want=yes; else want=no; fi
    [ "$got" = "$want" ] && mark="" || { mark="!"; mismatches=$((mismatches + 1)); }
    printf '%-11s' "$got$mark"
  done
  echo
done
echo
echo "rules: a container admits its own netgroup, public admits everyone, the host reaches and is reached by all"
echo "(the agent's nftables table: nft list table inet calico_mesos; removed again at the end)"
if [ "$mismatches" -ne 0 ]; then
  echo "$mismatches cell(s) differ from the netgroup rules; trace in $log" >&2
  exit 1
fi

echo "NAT outgoing: a namespace at 203.0.113.10, outside every pool, stands for the world"
unshare --net sleep 600 &
world_pid=$!
sleep 0.1
ip link add demoworld0 type veth peer name eth0 netns "$world_pid"
ip addr add 203.0.113.1/24 dev demoworld0
ip link set demoworld0 up
sysctl -qw net.ipv4.conf.demoworld0.forwarding=1
in_world() { nsenter --net="/proc/$world_pid/ns/net" "$@"; }
in_world ip addr add 203.0.113.10/24 dev eth0
in_world ip link set eth0 up
in_world ip route add default via 203.0.113.1  # replies to a container's own address go back through the host
nsenter --net="/proc/$world_pid/ns/net" socat TCP4-LISTEN:7008,bind=203.0.113.10,reuseaddr,fork 'SYSTEM:echo $SOCAT_PEERADDR' &
listeners+=($!)
sleep 0.3
seen_by_world() {  # the source address the world's listener saw when container A connected
  nsenter --net="/proc/${pids[0]}/ns/net" socat -T 2 - TCP4:203.0.113.10:7008,connect-timeout=1 2>/dev/null || true
}
nat() {  # nat on|off: the pool's NAT outgoing, then wait until the world sees what it should
  printf '$ bin/calico-mesos pool nat-outgoing 198.18.0.0/16 %s\n' "$1" | tee -a "$log"
  bin/calico-mesos pool nat-outgoing 198.18.0.0/16 "$1" 2>>"$log" | tee -a "$log"
  local want=${ips[0]}
  [ "$1" = on ] && want=203.0.113.1
  for _ in $(seq 50); do
    [ "$(seen_by_world)" = "$want" ] && break
    sleep 0.1
  done
  local seen
  seen=$(seen_by_world)
  printf '  A (%s) → world: the world sees %s\n' "${ips[0]}" "${seen:-nothing}"
  if [ "$seen" != "$want" ]; then
    echo "expected the world to see $want; trace in $log" >&2
    mismatches=$((mismatches + 1))
  fi
}
nat off
nat on

echo "a Calico policy: B (netgroup prod, so label prod) denies A, then passes the rest to its profiles"
awaits() {  # awaits yes|no FROM_PID TO_IP WHAT: until the connection's outcome is the one wanted (5 s at most)
  local got=no
  for _ in $(seq 50); do
    if reaches "$2" "$3"; then got=yes; else got=no; fi
    [ "$got" = "$1" ] && break
    sleep 0.1
  done
  printf '  %s: %s\n' "$4" "$got"
  if [ "$got" != "$1" ]; then
    echo "expected $1; trace in $log" >&2
    mismatches=$((mismatches + 1))
  fi
}
printf '$ bin/calico-mesos policy apply -f -\n' | tee -a "$log"
bin/calico-mesos policy apply -f - 2>>"$log" <<POLICY | tee -a "$log"
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata:
  name: demo-b-denies-a
spec:
  order: 10
  selector: has(prod)
  ingress:
  - action: Deny
    source:
      nets: [${ips[0]}/32]
  - action: Pass
POLICY
awaits no "${pids[0]}" "${ips[1]}" "A → B, denied by the policy"
awaits yes host "${ips[1]}" "host → B, passed to B's profiles"
printf '$ bin/calico-mesos policy delete demo-b-denies-a\n' | tee -a "$log"
bin/calico-mesos policy delete demo-b-denies-a 2>>"$log" | tee -a "$log"
awaits yes "${pids[0]}" "${ips[1]}" "A → B, the netgroup again"
if [ "$mismatches" -ne 0 ]; then
  exit 1
fi
echo "matrix matches the netgroup rules; cleaning up (release + cleanup, or CNI DEL, of each container; agent stopped)"
