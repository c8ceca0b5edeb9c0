#!/usr/bin/env bash
# Installs the Debian package the build made (packaging-deb/target/calico-mesos_*_ARCH.deb, ARCH the machine's), uses it as an
# operator and the Mesos agent would, purges it and checks nothing is left. Root only (it skips otherwise);
# run after `mvn package` (scripts/test.sh runs it after `mvn verify`). Non-interactive, needs no stdin.
# The machine is left as it was found: calico-mesos must not be installed, and whatever already sits at the
# package's paths (a store in /var/lib/calico-mesos, logs in /var/log/calico, a /calico link, CNI plugin links) is saved first
# and put back after the purge, which would otherwise delete the logs.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "package-check.sh: SKIPPED, not root (it installs and purges the calico-mesos Debian package)" >&2
  exit 0
fi

fail() {
  echo "package-check.sh: FAILED: $*" >&2
  exit 1
}

shopt -s nullglob
debs=("$repo"/packaging-deb/target/calico-mesos_*_"$(dpkg --print-architecture)".deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one packaging-deb/target/calico-mesos_*_ARCH.deb, found ${#debs[@]}: run 'mvn -DskipTests package' first"
deb=${debs[0]}
# A working install is an operator's: refuse. One dpkg never finished (a check or an install killed while it
# unpacked leaves "reinstreq half-installed", which dpkg will not purge) is completed by the install below and
# purged with the rest, as dpkg asks.
status=$(dpkg-query -W -f='${db:Status-Status}' calico-mesos 2>/dev/null || true)
case "$status" in
  installed)
    fail "calico-mesos is already installed here; this check installs and purges it, so run it on a machine without it" ;;
  half-installed | unpacked | half-configured | triggers-awaited | triggers-pending)
    echo "package-check.sh: calico-mesos is $status (an install was interrupted); installing over it completes it, and the purge removes it" >&2 ;;
esac

export DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d /tmp/package-check.XXXXXX)
# The CNI plugin links: the launcher as the main plugin and as the IPAM plugin, in both directories runtimes search.
cni_links=(/opt/cni/bin/calico-mesos /opt/cni/bin/calico-mesos-ipam /usr/lib/cni/calico-mesos /usr/lib/cni/calico-mesos-ipam)
kept=(/var/lib/calico-mesos /var/log/calico /calico /etc/default/calico-mesos /var/cache/calico-mesos "${cni_links[@]}")
saved=()
for path in "${kept[@]}"; do
  if [ -e "$path" ] || [ -L "$path" ]; then
    saved+=("$path")
  fi
done
if [ ${#saved[@]} -gt 0 ]; then
  tar -C / -cpf "$work/saved.tar" "${saved[@]#/}"
fi

purge() {
  if dpkg-query -W -f='${Status}' calico-mesos 2>/dev/null | grep -qv 'not-installed'; then
    dpkg --purge calico-mesos </dev/null >"$work/purge.txt" 2>&1 || { cat "$work/purge.txt" >&2; return 1; }
  fi
}

restore() {
  if [ ${#saved[@]} -gt 0 ]; then
    for path in "${saved[@]}"; do
      rm -rf "$path"
    done
    tar -C / -xpf "$work/saved.tar"
  fi
}

agent_pid=
on_exit() {
  local status=$?
  trap - EXIT
  if [ -n "$agent_pid" ]; then
    kill "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
  fi
  if [ "$status" -ne 0 ]; then
    purge || echo "package-check.sh: could not purge calico-mesos; the next run of this check completes and purges it, as does dpkg -i $deb && dpkg --purge calico-mesos" >&2
  fi
  restore || echo "package-check.sh: could not restore ${saved[*]} from $work/saved.tar" >&2
  if [ "$status" -eq 0 ]; then
    rm -rf "$work"
  else
    echo "package-check.sh: kept $work (install/purge output, the throwaway store and log) for a look" >&2
  fi
  exit "$status"
}
trap on_exit EXIT

# --- what the package holds, before installing it ---
listing=$(dpkg -c "$deb")
expect_entry() {  # mode-prefix path
  awk -v mode="$1" -v path="$2" '
    $1 ~ "^" mode && $2 == "root/root" && $6 == path { found = 1 } END { exit !found }' <<<"$listing" \
    || fail "dpkg -c: no $2 with mode $1 owned by root/root"
}
expect_entry -rwxr-xr-x ./usr/bin/calico-mesos
expect_entry -rw-r--r-- ./usr/share/calico-mesos/calico-mesos.jar
expect_entry -rwxr-xr-x ./usr/share/calico-mesos/calico-mesos-agent-client
expect_entry -rw-r--r-- ./lib/systemd/system/calico-mesos-agent.service
expect_entry -rw-r--r-- ./lib/systemd/system/calico-mesos-agent.socket
expect_entry -rw-r--r-- ./etc/default/calico-mesos
expect_entry -rw-r--r-- ./usr/share/bash-completion/completions/calico-mesos
expect_entry -rw-r--r-- ./usr/share/doc/calico-mesos/README.md
expect_entry -rw-r--r-- ./usr/share/doc/calico-mesos/docs/install.md
expect_entry lrw ./calico/calico_mesos
expect_entry drwxr-x--- ./var/log/calico/
expect_entry drwx------ ./var/lib/calico-mesos/
grep -q ' -> /usr/bin/calico-mesos$' <<<"$listing" || fail "dpkg -c: /calico/calico_mesos does not point at /usr/bin/calico-mesos"
for link in "${cni_links[@]}"; do
  expect_entry lrw ".$link"
  grep -qF " .$link -> /usr/bin/calico-mesos" <<<"$listing" || fail "dpkg -c: $link does not point at /usr/bin/calico-mesos"
done
grep -q '\./usr/share/calico-mesos/sqlite-native/org/sqlite/native/Linux/.*/libsqlitejdbc\.so$' <<<"$listing" \
  || fail "dpkg -c: no unpacked SQLite native library"
[ "$(grep -c '\./usr/share/calico-mesos/lib/.*\.jar$' <<<"$listing")" -gt 10 ] || fail "dpkg -c: lib/ holds too few jars"
if awk '$2 != "root/root" { bad = 1 } END { exit !bad }' <<<"$listing"; then
  fail "dpkg -c: an entry not owned by root/root"
fi
if grep -qE '/target/|/work/|/tmp/|\.jsa\.new' <<<"$listing"; then
  fail "dpkg -c: build paths in the package"
fi
for field in Package:calico-mesos Architecture:$(dpkg --print-architecture) Section:net Priority:optional; do
  [ "$(dpkg-deb -f "$deb" "${field%%:*}")" = "${field#*:}" ] || fail "control: ${field%%:*} is not ${field#*:}"
done
depends=$(dpkg-deb -f "$deb" Depends)
for dependency in java17-runtime-headless iproute2 nftables util-linux; do
  grep -q "$dependency" <<<"$depends" || fail "control: Depends lacks $dependency ($depends)"
done
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] && [ -n "$(dpkg-deb -f "$deb" Description)" ] || fail "control: no Maintainer or Description"
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
  sh -n "$work/control/$script" || fail "$script is not valid sh"
done

# --- install ---
if ! dpkg -i "$deb" </dev/null >"$work/install.txt" 2>&1; then
  # Missing dependencies leave the package unpacked but not configured; apt installs them and configures it.
  apt-get -y -qq install -f </dev/null >>"$work/install.txt" 2>&1 \
    || { apt-get update -qq && apt-get -y -qq install -f </dev/null >>"$work/install.txt" 2>&1; } \
    || { cat "$work/install.txt" >&2; fail "dpkg -i $deb"; }
fi
dpkg-query -W -f='${Status}' calico-mesos | grep -q 'install ok installed' || fail "calico-mesos is not installed after dpkg -i"
dpkg-query -W -f='${Conffiles}' calico-mesos | grep -q '^ */etc/default/calico-mesos ' \
  || fail "/etc/default/calico-mesos is not a conffile"
grep -qx 'ExecStart=/usr/bin/calico-mesos agent' /lib/systemd/system/calico-mesos-agent.service \
  || fail "the agent's unit does not run /usr/bin/calico-mesos agent"
# The socket unit listens where the launcher looks by default, and the service requires it.
grep -qx 'ListenStream=/var/run/calico-mesos/agent.sock' /lib/systemd/system/calico-mesos-agent.socket \
  || fail "the agent's socket unit does not listen on /var/run/calico-mesos/agent.sock"
grep -qx 'Requires=calico-mesos-agent.socket' /lib/systemd/system/calico-mesos-agent.service \
  || fail "the agent's unit does not require calico-mesos-agent.socket"
# systemd's own reading of both units, as installed: it exits 0 on an unknown key, so any word from it fails.
if command -v systemd-analyze >/dev/null; then
  verified=$(systemd-analyze verify /lib/systemd/system/calico-mesos-agent.socket \
    /lib/systemd/system/calico-mesos-agent.service 2>&1) && [ -z "$verified" ] \
    || fail "systemd-analyze verify of the agent's units: $verified"
fi
bash -n /usr/share/bash-completion/completions/calico-mesos || fail "the bash completion script is not valid bash"
grep -q '^complete -F _complete_calico-mesos ' /usr/share/bash-completion/completions/calico-mesos \
  || fail "the bash completion script does not complete calico-mesos"
# Every variable the README's configuration table names is in /etc/default/calico-mesos, commented out.
variables=$(sed -n '/^## Configuration/,/^## /p' "$repo/README.md" | grep -oE '`(CALICO|ETCD|CONSUL)_[A-Z0-9_]+`' | tr -d '`' | sort -u)
[ -n "$variables" ] || fail "no variables found in README.md's Configuration table"
for variable in $variables; do
  grep -q "^#$variable=" /etc/default/calico-mesos || fail "/etc/default/calico-mesos lacks #$variable="
done
if grep -qvE '^(#.*)?$' /etc/default/calico-mesos; then
  fail "/etc/default/calico-mesos sets something; every setting ships commented out"
fi
# postinst recorded the class-data archives with this host's JVM, where the links beside the jar point.
for archive in calico-mesos calico-mesos-cluster; do
  [ -s "/usr/share/calico-mesos/$archive.jsa" ] || fail "postinst did not record /var/cache/calico-mesos/$archive.jsa"
done

# The CNI plugin links resolve to the installed launcher (which speaks CNI when CNI_COMMAND is set, and is the
# IPAM plugin when run as calico-mesos-ipam).
for link in "${cni_links[@]}"; do
  [ -L "$link" ] || fail "$link is not a symlink after install"
  [ "$link" -ef /usr/bin/calico-mesos ] || fail "$link does not resolve to /usr/bin/calico-mesos ($(readlink "$link"))"
done

# --- use it, on a throwaway store, from another directory, with nothing of the caller's environment ---
cm_env=(PATH=/usr/sbin:/usr/bin:/sbin:/bin CALICO_DATASTORE=sqlite CALICO_NODENAME=package-check
  CALICO_SQLITE_PATH="$work/store/store.db" CALICO_LOG_FILE="$work/log/isolator.log")
cm() {
  (cd / && exec env -i "${cm_env[@]}" "$@")
}
pools=$(cm /usr/bin/calico-mesos pool list --output json) || fail "calico-mesos pool list --output json: $pools"
grep -q '"pools" : \[' <<<"$pools" || fail "pool list --output json: $pools"
# The JVM's class-loading log tells whether the classes came from the archive postinst recorded.
answer=$(echo '{"command":"allocate","args":{"hostname":"package-check","uid":"pc-1","num_ipv4":1,"num_ipv6":1}}' \
  | cm "CALICO_JAVA_OPTS=-Xlog:class+load=info:file=$work/classes.txt" /calico/calico_mesos) \
  || fail "allocate through /calico/calico_mesos: $answer"
grep -q 'source: shared objects file (top)' "$work/classes.txt" \
  || fail "the plugin did not use the class-data archive postinst recorded"
grep -q '"error":null' <<<"$answer" || fail "allocate: $answer"
grep -q '"ipv4":\["192\.168\.' <<<"$answer" || fail "allocate gave no IPv4 address: $answer"
pools=$(cm /usr/bin/calico-mesos pool list --output json) || fail "pool list after allocate: $pools"
grep -q '"cidr" : "192.168.0.0/16"' <<<"$pools" || fail "pool list shows no default pool after allocate: $pools"
answer=$(echo '{"command":"release","args":{"uid":"pc-1"}}' | cm /calico/calico_mesos) || fail "release: $answer"
[ "$answer" = '{"error":null}' ] || fail "release: $answer"
pools=$(cm /usr/bin/calico-mesos pool list --output json) || fail "pool list after release: $pools"
grep -q '"used" : [1-9]' <<<"$pools" && fail "addresses still used after release: $pools"
grep -q 'command=allocate' "$work/log/isolator.log" || fail "no allocate in $work/log/isolator.log"
# With the installed agent serving (policy and routes off: this is a check, not a host), a request through
# /calico/calico_mesos goes to it through the packaged client, and the agent counts it.
agent_env=(CALICO_AGENT_SOCKET="$work/agent.sock" CALICO_METRICS_PORT=off)
(cd / && exec env -i "${cm_env[@]}" "${agent_env[@]}" /usr/bin/calico-mesos agent --no-policy --no-routes \
  2>"$work/log/agent.txt") &
agent_pid=$!  # the agent's JVM itself: the subshell, env and the launcher each exec the next
for _ in $(seq 1 100); do [ -S "$work/agent.sock" ] && break; sleep 0.2; done
[ -S "$work/agent.sock" ] || fail "the installed agent did not serve $work/agent.sock: $(cat "$work/log/agent.txt")"
answer=$(echo '{"command":"allocate","args":{"hostname":"package-check","uid":"pc-2","num_ipv4":1,"num_ipv6":0}}' \
  | cm "${agent_env[@]}" /calico/calico_mesos) || fail "allocate through the agent: $answer"
grep -q '"error":null' <<<"$answer" || fail "allocate through the agent: $answer"
answer=$(echo '{"command":"release","args":{"uid":"pc-2"}}' | cm "${agent_env[@]}" /calico/calico_mesos) \
  || fail "release through the agent: $answer"
[ "$answer" = '{"error":null}' ] || fail "release through the agent: $answer"
served=$(cm "${agent_env[@]}" /usr/bin/calico-mesos status -o json) || fail "status with the agent: $served"
tr -d ' \n' <<<"$served" | grep -q '"allocate":{"ok":1,' || fail "the agent did not serve the allocate: $served"
kill "$agent_pid" && { wait "$agent_pid" || true; }
agent_pid=
# An archive this JVM cannot use (another JVM's, a stale one) costs start-up time, never a start.
echo 'not a class-data archive' >"$work/stale.jsa"
answer=$(echo '{"command":"release","args":{"uid":"pc-1"}}' \
  | cm "CALICO_JAVA_OPTS=-XX:SharedArchiveFile=$work/stale.jsa" /calico/calico_mesos 2>/dev/null) || fail "with a stale archive: $answer"
[ "$answer" = '{"error":null}' ] || fail "with a stale archive: $answer"
default_java=$(readlink -f "$(command -v java)")
for home in /usr/lib/jvm/*/; do
  if [ -x "$home/bin/java" ] && [ "$(readlink -f "$home/bin/java")" != "$default_java" ]; then
    answer=$(echo '{"command":"release","args":{"uid":"pc-1"}}' | cm "JAVA_HOME=${home%/}" /calico/calico_mesos 2>/dev/null) \
      || fail "with JAVA_HOME=$home (the archive is the default JVM's): $answer"
    [ "$answer" = '{"error":null}' ] || fail "with JAVA_HOME=$home: $answer"
    echo "package-check.sh: another JVM ($home) starts with the default JVM's archive" >&2
    break
  fi
done

# The version line names the build's commit (the check runs on a clone, so it is known).
version=$(cm /usr/bin/calico-mesos --version) || fail "calico-mesos --version: $version"
[[ $version =~ ^calico-mesos\ [0-9][^\ ]*\ \(commit\ ([0-9a-f]{7,}|unknown)(,\ modified)?\)$ ]] \
  || fail "unexpected version line: $version"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1 \
    && [ "$(git -C "$repo" rev-parse --git-dir)" = "$(git -C "$repo" rev-parse --git-common-dir)" ]; then
  head=$(git -C "$repo" rev-parse HEAD)
  [[ $head == "${BASH_REMATCH[1]}"* ]] || fail "--version names commit ${BASH_REMATCH[1]}, the checkout is at $head"
fi
# modules-json, run through the legacy path, names the installed launcher for both commands, plus the hook.
modules=$(cm /calico/calico_mesos modules-json) || fail "calico-mesos modules-json: $modules"
[ "$(grep -c '"value" : "/usr/bin/calico-mesos"' <<<"$modules")" -eq 2 ] || fail "modules-json: $modules"
grep -q '"name" : "com_mesosphere_mesos_NetworkHook"' <<<"$modules" || fail "modules-json has no NetworkHook: $modules"
# Through the CNI link the launcher runs as itself: with arguments, the admin CLI. cni-config --mesos writes the .conf
# Mesos' network/cni isolator loads, for this throwaway store.
cni_version=$(cm /opt/cni/bin/calico-mesos --version) || fail "/opt/cni/bin/calico-mesos --version: $cni_version"
[ "$cni_version" = "$version" ] || fail "/opt/cni/bin/calico-mesos --version says '$cni_version', not '$version'"
cm /usr/bin/calico-mesos cni-config --mesos --output-dir "$work/cni" >"$work/cni-config.txt" 2>&1 \
  || fail "cni-config --mesos --output-dir: $(cat "$work/cni-config.txt")"
conf="$work/cni/calico-mesos.conf"
[ "$(stat -c %a "$conf")" = 644 ] || fail "cni-config wrote $conf with mode $(stat -c %a "$conf"), not 644"
for field in '"cniVersion" : "0.2.0"' '"type" : "calico-mesos"' '"datastore_type" : "sqlite"' \
    "\"sqlite_path\" : \"$work/store/store.db\"" '"type" : "calico-mesos-ipam"'; do
  grep -qF "$field" "$conf" || fail "cni-config --mesos: no $field in $(cat "$conf")"
done
cm /usr/bin/calico-mesos cni-config --mesos --output-dir "$work/cni" >/dev/null 2>&1 \
  && fail "cni-config replaced $conf without --force"

# --- purge: the package's files go, nothing keeps running ---
purge || fail "dpkg --purge calico-mesos"
dpkg-query -W -f='${Status}' calico-mesos 2>/dev/null | grep -q 'installed' && fail "calico-mesos is still known to dpkg after purge"
for path in /usr/bin/calico-mesos /usr/share/calico-mesos /usr/share/doc/calico-mesos /calico/calico_mesos \
    /lib/systemd/system/calico-mesos-agent.service /lib/systemd/system/calico-mesos-agent.socket /etc/default/calico-mesos /var/cache/calico-mesos "${cni_links[@]}"; do
  if [ -e "$path" ] || [ -L "$path" ]; then
    fail "$path is still there after dpkg --purge"
  fi
done
for path in /calico /var/log/calico /var/lib/calico-mesos; do
  was_there=no
  for kept_path in "${saved[@]}"; do
    [ "$kept_path" = "$path" ] && was_there=yes
  done
  if [ "$was_there" = no ] && [ -e "$path" ]; then
    fail "$path is still there after dpkg --purge"
  fi
done
if pgrep -f '/usr/share/calico-mesos/' >/dev/null; then
  fail "processes of the package still run: $(pgrep -af '/usr/share/calico-mesos/')"
fi
echo "package-check.sh: OK ($(basename "$deb"): installed, --version, modules-json, cni-config, CNI plugin links, pool list, allocate/release through /calico/calico_mesos with and without the installed agent, purged)"
