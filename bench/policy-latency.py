#!/usr/bin/env python3
"""Time from `isolate` returning to the first TCP connection a same-netgroup peer gets through.

With `bin/calico-mesos agent` running, for each of N fresh containers (`unshare --net sleep`, a socat
listener inside on 0.0.0.0): allocate + isolate through the launcher (JSON on stdin, netgroup `prod`); the
moment isolate returns, a prober already running inside a `prod` peer's namespace starts connecting to the
new container every ~10 ms (a fresh socket per attempt, 10 ms connect timeout) and reports the time of the
first success. Until the agent has programmed the new interface its traffic is dropped (fail closed), so
this is the window during which a new container is unreachable even for its own netgroup.

Usage (root, after `mvn -DskipTests package`):
  python3 bench/policy-latency.py [--datastore sqlite|etcd] [--containers 50]
With etcd it starts its own `etcd` on free loopback ports in a temporary directory.
Everything it makes (namespaces, veths, the agent's nft table, blackhole routes, processes) is removed at
the end, also on failure or Ctrl-C.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(HERE, "..", "bin", "calico-mesos")
POOL_V4 = "198.18.40.0/24"

PROBER = r"""
import socket, sys, time
for line in sys.stdin:
    ip, port = line.split()
    start = time.monotonic()
    while True:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(0.01)
        try:
            s.connect((ip, int(port)))
            print("%.2f" % ((time.monotonic() - start) * 1000), flush=True)
            break
        except OSError:
            if time.monotonic() - start > 10:
                print("-1", flush=True)
                break
        finally:
            s.close()
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bench:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="calico-policy-bench.")
        self.processes = []
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("CALICO_", "ETCD_", "CONSUL_"))}
        self.env.update({
            "CALICO_NODENAME": "policy-bench",
            "CALICO_LOG_FILE": os.path.join(self.tmp, "isolator.log"),
            "CALICO_IPV4POOL_CIDR": POOL_V4,
            "CALICO_LOG_LEVEL": "info",
        })

    def start_etcd(self):
        client, peer = free_port(), free_port()
        etcd = subprocess.Popen(
            ["etcd", "--data-dir", os.path.join(self.tmp, "etcd"),
             "--listen-client-urls", "http://127.0.0.1:%d" % client,
             "--advertise-client-urls", "http://127.0.0.1:%d" % client,
             "--listen-peer-urls", "http://127.0.0.1:%d" % peer,
             "--initial-advertise-peer-urls", "http://127.0.0.1:%d" % peer,
             "--initial-cluster", "default=http://127.0.0.1:%d" % peer],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(etcd)
        self.env["ETCD_ENDPOINTS"] = "http://127.0.0.1:%d" % client
        for _ in range(100):
            if subprocess.run(["etcdctl", "--endpoints", self.env["ETCD_ENDPOINTS"], "endpoint", "health"],
                              capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise SystemExit("etcd did not become healthy")

    def plugin(self, request):
        out = subprocess.run([LAUNCHER], input=json.dumps(request).encode(), capture_output=True, env=self.env)
        response = json.loads(out.stdout)
        if response.get("error") is not None:
            raise SystemExit("plugin failed: %s" % response["error"])
        return response

    def container(self):
        holder = subprocess.Popen(["unshare", "--net", "sleep", "600"])
        self.processes.append(holder)
        own = os.readlink("/proc/self/ns/net")
        for _ in range(500):
            try:
                if os.readlink("/proc/%d/ns/net" % holder.pid) != own:
                    break
            except OSError:
                pass
            time.sleep(0.005)
        return holder.pid

    def inside(self, pid, argv, **kwargs):
        return subprocess.Popen(["nsenter", "--net=/proc/%d/ns/net" % pid, "--"] + argv, **kwargs)

    def isolate(self, pid):
        uid = str(uuid.uuid4())
        ip = self.plugin({"command": "allocate", "args": {"hostname": "bench", "uid": uid, "num_ipv4": 1,
                                                          "num_ipv6": 0, "netgroups": ["prod"]}})["ipv4"][0]
        started = time.monotonic()
        self.plugin({"command": "isolate", "args": {"hostname": "bench", "container_id": str(uuid.uuid4()),
                                                    "pid": pid, "ipv4_addrs": [ip], "netgroups": ["prod"]}})
        return ip, (time.monotonic() - started) * 1000

    def run(self):
        if self.args.datastore == "etcd":
            self.start_etcd()
        else:
            self.env["CALICO_SQLITE_PATH"] = os.path.join(self.tmp, "store.db")
        agent_log = open(os.path.join(self.tmp, "agent.log"), "w")
        agent = subprocess.Popen([LAUNCHER, "agent"], env=self.env, stdout=subprocess.DEVNULL, stderr=agent_log)
        self.processes.append(agent)
        self.await_log("policy in step with the datastore")
        peer = self.container()
        self.isolate(peer)
        prober = self.inside(peer, [sys.executable, "-u", "-c", PROBER], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
        self.processes.append(prober)
        windows, isolates = [], []
        for i in range(self.args.containers):
            pid = self.container()
            port = 20000 + i
            self.processes.append(self.inside(pid, ["socat", "TCP4-LISTEN:%d,reuseaddr,fork" % port, "EXEC:echo hello"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            time.sleep(0.05)  # socat binds 0.0.0.0 before the container has an address
            ip, isolate_ms = self.isolate(pid)
            prober.stdin.write("%s %d\n" % (ip, port))
            prober.stdin.flush()
            window = float(prober.stdout.readline())
            if window < 0:
                raise SystemExit("container %s was not reachable from its netgroup within 10 s" % ip)
            windows.append(window)
            isolates.append(isolate_ms)
        applies = [int(m) for m in re.findall(r"enforced policy for \d+ local endpoints and \d+ tags in (\d+) ms",
                                                open(agent_log.name).read())]
        report("isolate returned -> first same-netgroup connection (ms)", windows)
        report("isolate through the launcher (ms)", isolates)
        report("agent apply, render + nft -f, as logged (ms)", applies[-len(windows):])

    def await_log(self, text):
        path = os.path.join(self.tmp, "agent.log")
        for _ in range(600):
            if text in open(path).read():
                return
            time.sleep(0.05)
        raise SystemExit("agent did not log %r:\n%s" % (text, open(path).read()))

    def cleanup(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        subprocess.run(["nft", "delete", "table", "inet", "calico_mesos"], capture_output=True)
        subprocess.run(["ip", "-4", "route", "flush", "root", POOL_V4, "type", "blackhole", "proto", "196"],
                       capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)


def report(label, values):
    if not values:
        print("%-58s (none)" % label)
        return
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    print("%-58s n=%d median %.1f  p90 %.1f  p99 %.1f  min %.1f  max %.1f" % (
        label, len(values), statistics.median(values), ordered[int(0.9 * (len(ordered) - 1))], p99,
        ordered[0], ordered[-1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datastore", choices=["sqlite", "etcd"], default="sqlite")
    parser.add_argument("--containers", type=int, default=50)
    bench = Bench(parser.parse_args())
    try:
        bench.run()
    finally:
        bench.cleanup()


if __name__ == "__main__":
    main()
