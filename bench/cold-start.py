#!/usr/bin/env python3
"""The agent from its first container: start-up, cold and warm ratios against CNI, CPU per lifecycle, RSS.

For every configuration named with --config, and --trials times over, interleaved (A B A B ...) so that the
VM's drift falls on all alike, one trial:
  1. starts `bin/calico-mesos agent` on a throwaway etcd (tmpfs) with that configuration's JVM;
  2. times its start-up: process start to its first `status` answered on the socket (the socket accepting);
  3. runs --warmup container lifecycles, then --pairs pairs, ours and CNI `ptp` + `host-local` in turn
     (bench/lifecycle.sh for net-modules, bench/cni-reference.sh custom for CNI): the cold ratio;
  4. runs ours alone until --cpu-over lifecycles in all, for the agent's CPU per lifecycle over them (its JVM's
     user + system time from /proc, the `nft` it runs not included);
  5. with --warm N, runs ours alone until N lifecycles in all, then --pairs pairs again: the warm ratio;
  6. stops the agent.
A ratio is the median of the pair-by-pair ratios, as bench/pair.py reports it.

  bench/cold-start.py --protocol netmodules --config shipped= --config c1=-XX:TieredStopAtLevel=1
  bench/cold-start.py --protocol cni --config 'jdk25=JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64'

A configuration is NAME=SETTINGS, SETTINGS a space-separated list of JVM options (given to the agent as
CALICO_JAVA_OPTS, after the launcher's own) and NAME=VALUE environment settings for the agent (JAVA_HOME,
CALICO_AGENT_WARMUP, ...; AGENT_LAUNCHER=PATH runs the agent through another build's bin/calico-mesos;
AGENT_ARGS=a,b gives the agent those arguments, e.g. AGENT_ARGS=--no-policy). Needs root, etcd, `mvn -DskipTests package` in this checkout and the Debian package
containernetworking-plugins. Leaves nothing behind: the agent, etcd, the nftables table, the blocks' blackhole
routes and its directories go at the end, also after a failure.
"""
import argparse, json, os, shutil, signal, socket, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pair import run_once  # noqa: E402

REPO = os.path.dirname(HERE)
WORK = "/tmp/cold-start-bench"
ETCD_DIR = "/dev/shm/cold-start-etcd"
ETCD_CLIENT, ETCD_PEER = 23795, 23796
SOCKET = WORK + "/agent.sock"
POOL = "198.18.64.0/20"


def settings(text):
    name, _, rest = text.partition("=")
    options, env = [], {}
    for word in rest.split():
        if word.startswith("-"):
            options.append(word)
        else:
            key, _, value = word.partition("=")
            env[key] = value
    return name, options, env


def base_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALICO_", "ETCD_", "CONSUL_", "CNI_"))}
    env.update(ETCD_ENDPOINTS=f"http://127.0.0.1:{ETCD_CLIENT}", CALICO_PREFIX="/cold-start",
               CALICO_NODENAME="cold-start", CALICO_IPV4POOL_CIDR=POOL, CALICO_LOG_FILE=WORK + "/isolator.log",
               CALICO_AGENT_SOCKET=SOCKET, CALICO_METRICS_PORT="off", BENCH_DIR=WORK + "/lifecycle",
               PLUGIN_BIN=REPO + "/bin/calico-mesos", CONF=HERE + "/calico-mesos-cni.json")
    return env


def start_etcd():
    shutil.rmtree(ETCD_DIR, ignore_errors=True)
    os.makedirs(ETCD_DIR)
    log = open(WORK + "/etcd.log", "ab")
    etcd = subprocess.Popen(
        ["etcd", "--data-dir", ETCD_DIR + "/data", "--listen-client-urls", f"http://127.0.0.1:{ETCD_CLIENT}",
         "--advertise-client-urls", f"http://127.0.0.1:{ETCD_CLIENT}",
         "--listen-peer-urls", f"http://127.0.0.1:{ETCD_PEER}",
         "--initial-advertise-peer-urls", f"http://127.0.0.1:{ETCD_PEER}",
         "--initial-cluster", f"default=http://127.0.0.1:{ETCD_PEER}"], stdout=log, stderr=log)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", ETCD_CLIENT), timeout=0.1).close()
            return etcd
        except OSError:
            time.sleep(0.05)
    raise SystemExit("etcd did not start; see " + WORK + "/etcd.log")


def status():
    """The agent's status answer, or None while its socket does not answer."""
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(10)
            s.connect(SOCKET)
            s.sendall(b"calico-mesos/2 status\n")
            s.shutdown(socket.SHUT_WR)
            answer = b""
            while chunk := s.recv(65536):
                answer += chunk
            return json.loads(answer) if answer else None
    except (OSError, ValueError):
        return None


def p50s(report):
    return " ".join(f"{c} {v['p50_ms']:.1f}" for c, v in sorted(report.get("requests", {}).items()) if c != "invalid")


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def lifecycle(protocol):
    return [HERE + "/lifecycle.sh", "netlink"] if protocol == "netmodules" else [HERE + "/cni-reference.sh", "custom"]


def paired(ours, env, n):
    reference = [HERE + "/cni-reference.sh", "ptp"]
    ratios, walls = [], []
    os.environ.update(env)
    for _ in range(n):
        a, b = run_once(ours, subprocess.DEVNULL), run_once(reference, subprocess.DEVNULL)
        if a["rc"] or b["rc"]:
            raise SystemExit(f"a lifecycle failed ({a['rc']}/{b['rc']}); run {ours[0]} by hand to see why")
        ratios.append(a["wall"] / b["wall"])
        walls.append((a["wall"], b["wall"]))
    return (statistics.median(ratios), statistics.median(w[0] for w in walls),
            statistics.median(w[1] for w in walls))


def trial(name, options, extra, args, env):
    agent_env = dict(env, **extra)
    if options:
        agent_env["CALICO_JAVA_OPTS"] = " ".join(options)
    log = open(f"{WORK}/agent-{name}.log", "ab")
    started = time.perf_counter()
    agent = subprocess.Popen([agent_env.get("AGENT_LAUNCHER", REPO + "/bin/calico-mesos"), "agent",
                              *filter(None, agent_env.get("AGENT_ARGS", "").split(","))], env=agent_env, stdin=subprocess.DEVNULL,
                             stdout=log, stderr=log)
    try:
        while status() is None:
            if agent.poll() is not None:
                raise SystemExit(f"the agent ({name}) exited {agent.returncode}; see {WORK}/agent-{name}.log")
            time.sleep(0.005)
        start_ms = (time.perf_counter() - started) * 1000
        result = dict(config=name, start_ms=start_ms, rss_start=rss_mb(agent.pid))
        ours = lifecycle(args.protocol)
        cpu0 = cpu_ms(agent.pid)
        for _ in range(args.warmup):
            run = subprocess.run(ours, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
            if run.returncode:
                raise SystemExit(f"a warm-up lifecycle failed: {run.stdout}{run.stderr}")
        result["cold"] = paired(ours, env, args.pairs)
        result["cold_p50"] = p50s(status())
        done = args.warmup + args.pairs
        if args.cpu_over:
            while done < args.cpu_over:
                run_once(ours, subprocess.DEVNULL)
                done += 1
            result["cpu_per_lifecycle"] = (cpu_ms(agent.pid) - cpu0) / done
        if args.warm:
            while done < args.warm:
                run_once(ours, subprocess.DEVNULL)
                done += 1
            result["warm"] = paired(ours, env, args.pairs)
            result["warm_p50"] = p50s(status())
        result["rss_end"] = rss_mb(agent.pid)
        return result
    finally:
        agent.send_signal(signal.SIGTERM)
        try:
            agent.wait(20)
        except subprocess.TimeoutExpired:
            agent.kill()
            agent.wait()


def clean_up(etcd):
    if etcd:
        etcd.terminate()
        etcd.wait()
    subprocess.run(["nft", "delete", "table", "inet", "calico_mesos"], stderr=subprocess.DEVNULL)
    subprocess.run(["ip", "-4", "route", "flush", "root", "198.18.0.0/15", "type", "blackhole", "proto", "196"],
                   stderr=subprocess.DEVNULL)
    shutil.rmtree(ETCD_DIR, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--protocol", choices=["netmodules", "cni"], default="netmodules")
    ap.add_argument("--config", action="append", required=True, help="NAME=SETTINGS (see above)")
    ap.add_argument("--trials", type=int, default=1)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--pairs", type=int, default=40)
    ap.add_argument("--cpu-over", type=int, default=0, help="lifecycles to average the agent's CPU over")
    ap.add_argument("--warm", type=int, default=0, help="lifecycles before the warm pairs (none without)")
    ap.add_argument("--keep", action="store_true", help=f"keep {WORK} (the agents' logs)")
    args = ap.parse_args()
    configs = [settings(c) for c in args.config]
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    env = base_environment()
    etcd = None
    results = []
    try:
        etcd = start_etcd()
        for t in range(args.trials):
            for name, options, extra in configs:
                r = trial(name, options, extra, args, env)
                results.append(r)
                line = (f"trial {t + 1} {name:12} start {r['start_ms']:7.0f} ms  rss {r['rss_start']:5.0f}->"
                        f"{r['rss_end']:4.0f} MB  cold {r['cold'][0]:.3f}x ({r['cold'][1]:.1f} vs {r['cold'][2]:.1f} ms)")
                if "cpu_per_lifecycle" in r:
                    line += f"  cpu/lifecycle {r['cpu_per_lifecycle']:.1f} ms over {max(args.cpu_over, args.warmup + args.pairs)}"
                if "warm" in r:
                    line += f"  warm {r['warm'][0]:.3f}x ({r['warm'][1]:.1f} vs {r['warm'][2]:.1f} ms)"
                print(line, flush=True)
                print(f"        agent's own p50, ms: cold {r['cold_p50']}" + (f"; warm {r['warm_p50']}" if "warm" in r else ""),
                      flush=True)
    finally:
        clean_up(etcd)
        if not args.keep:
            shutil.rmtree(WORK, ignore_errors=True)
    if args.trials > 1:
        print("medians over trials:")
        for name, _, _ in configs:
            mine = [r for r in results if r["config"] == name]
            med = lambda f: statistics.median(f(r) for r in mine)
            line = (f"  {name:12} start {med(lambda r: r['start_ms']):7.0f} ms  cold {med(lambda r: r['cold'][0]):.3f}x"
                    f"  rss {med(lambda r: r['rss_end']):4.0f} MB")
            if args.cpu_over:
                line += f"  cpu/lifecycle {med(lambda r: r['cpu_per_lifecycle']):.1f} ms"
            if args.warm:
                line += f"  warm {med(lambda r: r['warm'][0]):.3f}x"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
