#!/usr/bin/env bash
# One plugin `allocate` answered in its own JVM (no agent), under three ways of starting that JVM, interleaved
# so that the machine's load falls on all three alike (docs/benchmarks.md, "One request without the agent"):
#   jdk17-cds   the default JVM (17) with the class-data archive `mvn package` records (what the launcher runs)
#   jdk25-cds   JDK 25 with a dynamic archive recorded the same way (-XX:ArchiveClassesAtExit)
#   jdk25-aot   JDK 25 with an ahead-of-time cache (JEP 483/514/515, -XX:AOTCacheOutput) from the same request
# The JVM flags are the launcher's plugin-mode flags. Prints the median and minimum wall time of each, in ms.
#
# Usage: bench/jvm-startup.sh [runs]          (default 30; needs `mvn -DskipTests package` in this checkout)
# Env:   JDK25=/usr/lib/jvm/temurin-25-jdk-amd64  where JDK 25 is
#        ETCD_ENDPOINTS=http://…                   allocate on etcd instead of a SQLite file
# Writes only below a temporary directory, removed at the end.
set -euo pipefail

runs=${1:-30}
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
target=$repo/app-cli/target
jar=$target/calico-mesos.jar
jdk17=$(readlink -f "$(command -v java)")
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
[ -x "$jdk25" ] || { echo "no JDK 25 at $jdk25 (set JDK25)" >&2; exit 2; }
work=$(mktemp -d /tmp/jvm-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

export CALICO_NODENAME=jvm-startup CALICO_LOG_FILE=$work/isolator.log CALICO_AGENT_SOCKET=$work/none.sock
if [ -n "${ETCD_ENDPOINTS:-}" ]; then
  export CALICO_DATASTORE=etcd CALICO_PREFIX=/jvm-startup-$$
  archive=$target/calico-mesos-cluster.jsa
else
  export CALICO_DATASTORE=sqlite CALICO_SQLITE_PATH=$work/store.db
  archive=$target/calico-mesos.jsa
fi
native=$target/sqlite-native/org/sqlite/native/Linux/$(uname -m)
flags=(-XX:TieredStopAtLevel=1 -Xmx256m -XX:+UseSerialGC -XX:-UsePerfData -Xss512k -Xms16m
  -Djava.locale.providers=COMPAT "-Dorg.sqlite.lib.path=$native" -Dorg.sqlite.lib.name=libsqlitejdbc.so)

request() { printf '{"command":"allocate","args":{"hostname":"h","uid":"%s","num_ipv4":1,"num_ipv6":0}}' "$1"; }
answer() { # label uid java-and-flags…: runs one request, fails loudly unless it succeeded
  local uid=$1; shift
  local out
  out=$(request "$uid" | "$@" -jar "$jar" 2>>"$work/stderr")
  case $out in *'"error":null'*) ;; *) echo "request $uid failed: $out" >&2; exit 1 ;; esac
}

# Training: one request each (the first also creates the pool and this node's block, as a deployed host has).
answer train-1 "$jdk25" "${flags[@]}" "-XX:ArchiveClassesAtExit=$work/jdk25.jsa"
answer train-2 "$jdk25" "${flags[@]}" "-XX:AOTCacheOutput=$work/jdk25.aot"

declare -A times
for i in $(seq 1 "$runs"); do
  for variant in jdk17-cds jdk25-cds jdk25-aot; do
    case $variant in
      jdk17-cds) cmd=("$jdk17" "${flags[@]}" -Xshare:auto "-XX:SharedArchiveFile=$archive") ;;
      jdk25-cds) cmd=("$jdk25" "${flags[@]}" -Xshare:auto "-XX:SharedArchiveFile=$work/jdk25.jsa") ;;
      jdk25-aot) cmd=("$jdk25" "${flags[@]}" "-XX:AOTCache=$work/jdk25.aot") ;;
    esac
    start=$(date +%s%N)
    answer "$variant-$i" "${cmd[@]}"
    times[$variant]+="$(( ($(date +%s%N) - start) / 100000 )) "
  done
done
for variant in jdk17-cds jdk25-cds jdk25-aot; do
  printf '%s ' "${times[$variant]}" | tr ' ' '\n' | grep . | sort -n |
    awk -v v="$variant" '{t[NR]=$1} END {printf "%-10s median %6.1f ms  min %6.1f ms  (%d runs)\n", v, t[int((NR+1)/2)]/10, t[1]/10, NR}'
done
