#!/usr/bin/env bash
# Copied unchanged (apart from these two lines) from the reference scripts our comparisons with CNI were first
# measured with, so that the lifecycle figures in docs/benchmarks.md can be reproduced from this repo.
# One container's network setup + teardown with the CNI reference plugins
# (ptp + host-local IPAM, or bridge + host-local), driven by the CNI env-var
# protocol against a FRESH network namespace. Cleans up everything it made,
# also on failure (trap). Idempotent: unique names per run, nothing persists.
#
# Usage: cni-reference.sh [ptp|bridge|custom]  (default ptp)
#   custom: drive ANY CNI-protocol binary the same way (e.g. our Java plugin):
#     PLUGIN_BIN=/path/to/plugin CONF=/path/to/conf.json cni-reference.sh custom
#     CONF may contain @DATADIR@ (a per-run temp dir) and @ID@ (container id).
#     The ADD result must carry an "address" (CNI result ips[].address).
# Env:   CNI_BIN=/usr/lib/cni                 plugin directory (CNI_PATH)
#        PHASE_DIR=/path/dir                  append to $PHASE_DIR/cni-<plugin>.txt "add_ms del_ms netns_add_ms netns_del_ms"
#        SUBNET=198.18.0.0/24                 container range (RFC 2544 benchmark
#                                             range; lives only inside our netns/veth)
#        KEEP_FORWARD=1                       do not restore net.ipv4.ip_forward
# Needs root, iproute2 and the Debian package containernetworking-plugins.
set -euo pipefail

PLUGIN=${1:-ptp}
CNI_BIN=${CNI_BIN:-/usr/lib/cni}
SUBNET=${SUBNET:-198.18.0.0/24}
ID="cnib$$r${RANDOM}"
NS="bench-$ID"
TMP=$(mktemp -d /tmp/bench-cni.XXXXXX)
FWD_ORIG=$(cat /proc/sys/net/ipv4/ip_forward)
BR="cnibr$$"

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # Best-effort DEL if ADD may have run and DEL did not (failure path).
  if [[ ${ADD_DONE:-0} == 1 && ${DEL_DONE:-0} == 0 ]]; then
    CNI_COMMAND=DEL CNI_CONTAINERID=$ID CNI_NETNS=/run/netns/$NS CNI_IFNAME=eth0 \
      CNI_PATH=$CNI_BIN "$PLUGIN_EXE" <"$TMP/conf.json" >/dev/null 2>&1 || true
  fi
  [[ ${NS_MADE:-0} == 1 ]] && { ip netns del "$NS" 2>/dev/null || true; }  # takes the container veth end with it
  [[ $PLUGIN == bridge ]] && ip link del "$BR" 2>/dev/null || true
  rm -rf "$TMP"
  [[ ${KEEP_FORWARD:-0} == 1 ]] || echo "$FWD_ORIG" >/proc/sys/net/ipv4/ip_forward
  exit $rc
}
trap cleanup EXIT INT TERM

PLUGIN_EXE=$CNI_BIN/$PLUGIN
case $PLUGIN in
  custom)
    PLUGIN_EXE=${PLUGIN_BIN:?custom needs PLUGIN_BIN}
    [[ -r ${CONF:-} ]] || { echo "custom needs CONF=<config json file>" >&2; exit 2; }
    ;;
  ptp)    EXTRA='"ipMasq": false, "mtu": 1500,' ;;
  bridge) EXTRA='"bridge": "'"$BR"'", "isGateway": true, "ipMasq": false, "hairpinMode": false,' ;;
  *) echo "unknown plugin $PLUGIN" >&2; exit 2 ;;
esac

if [[ $PLUGIN == custom ]]; then
  sed -e "s|@DATADIR@|$TMP/data|g" -e "s|@ID@|$ID|g" "$CONF" >"$TMP/conf.json"
else
cat >"$TMP/conf.json" <<JSON
{
  "cniVersion": "1.0.0",
  "name": "bench-$PLUGIN",
  "type": "$PLUGIN",
  $EXTRA
  "ipam": {
    "type": "host-local",
    "ranges": [[{ "subnet": "$SUBNET" }]],
    "routes": [{ "dst": "0.0.0.0/0" }],
    "dataDir": "$TMP/ipam"
  }
}
JSON
fi

n0=$EPOCHREALTIME
NS_MADE=1
ip netns add "$NS"
n1=$EPOCHREALTIME
export CNI_CONTAINERID=$ID CNI_NETNS=/run/netns/$NS CNI_IFNAME=eth0 CNI_PATH=$CNI_BIN

t0=$EPOCHREALTIME
CNI_COMMAND=ADD "$PLUGIN_EXE" <"$TMP/conf.json" >"$TMP/add.out"
ADD_DONE=1
t1=$EPOCHREALTIME
# sanity: the result must carry an IP, and it must be on eth0 in the netns
grep -q '"address"' "$TMP/add.out" || { cat "$TMP/add.out" >&2; exit 1; }
t2=$EPOCHREALTIME
CNI_COMMAND=DEL "$PLUGIN_EXE" <"$TMP/conf.json" >/dev/null
DEL_DONE=1
t3=$EPOCHREALTIME
ip netns del "$NS"
NS_MADE=0
n2=$EPOCHREALTIME

if [[ -n ${PHASE_DIR:-} ]]; then
  mkdir -p "$PHASE_DIR"
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$n0" -v f="$n1" -v g="$n2" \
    'BEGIN{printf "%.3f %.3f %.3f %.3f\n",(b-a)*1000,(d-c)*1000,(f-e)*1000,(g-d)*1000}' >>"$PHASE_DIR/cni-$PLUGIN.txt"
fi
