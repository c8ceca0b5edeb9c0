#!/usr/bin/env python3
"""allocate through bin/calico-mesos on etcd beside SQLite, interleaved, a fresh process each time.

usage: bench/etcd-benchmark.py [RUNS]
Needs `mvn -DskipTests package` first and Debian's etcd-server. Starts its own etcd (temporary data dir,
free loopback ports) and stops it at the end. Prints the wall time of each launcher run (median, min) and
the time the request itself took inside the JVM ("duration_ms=N" on the request line of the isolator log), so that the JVM's start
and the etcd client's own start-up can be told apart.
"""
import os, re, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request, uuid

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
launcher = repo + "/bin/calico-mesos"


def free_ports(n):
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


tmp = tempfile.mkdtemp()
client, peer, metrics = free_ports(3)
etcd = subprocess.Popen(["etcd", "--name", "bench", "--data-dir", tmp + "/etcd",
                         "--listen-client-urls", f"http://127.0.0.1:{client}", "--advertise-client-urls", f"http://127.0.0.1:{client}",
                         "--listen-peer-urls", f"http://127.0.0.1:{peer}", "--initial-advertise-peer-urls", f"http://127.0.0.1:{peer}",
                         "--initial-cluster", f"bench=http://127.0.0.1:{peer}", "--listen-metrics-urls", f"http://127.0.0.1:{metrics}",
                         "--logger", "zap", "--log-level", "warn"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(200):
        try:
            if b'"health":"true"' in urllib.request.urlopen(f"http://127.0.0.1:{metrics}/health", timeout=1).read():
                break
        except OSError:
            time.sleep(0.05)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALICO_", "ETCD_", "CONSUL_"))}
    env.update(CALICO_NODENAME="bench")
    configs = {
        "SQLite": dict(CALICO_SQLITE_PATH=tmp + "/store.db", CALICO_LOG_FILE=tmp + "/sqlite.log"),
        "etcd": dict(ETCD_ENDPOINTS=f"http://127.0.0.1:{client}", CALICO_LOG_FILE=tmp + "/etcd.log"),
    }
    times = {name: [] for name in configs}
    for i in range(runs + 1):
        for name, extra in configs.items():
            request = ('{"command":"allocate","args":{"hostname":"bench","uid":"%s","num_ipv4":1,"num_ipv6":0}}' % uuid.uuid4()).encode()
            started = time.perf_counter()
            out = subprocess.run([launcher], input=request, capture_output=True, env=dict(env, **extra)).stdout
            took = (time.perf_counter() - started) * 1000
            assert b'"error":null' in out, out
            if i > 0:  # the first run of each creates the default pools
                times[name].append(took)
    print(f"| store ({runs} fresh processes each) | launcher wall, median | min | the request inside the JVM, median |")
    print("|---|---:|---:|---:|")
    for name, values in times.items():
        inside = [int(m) for m in re.findall(r"request command=allocate .* outcome=ok duration_ms=(\d+)", open(configs[name]["CALICO_LOG_FILE"]).read())][1:]
        print(f"| {name} | {statistics.median(values):.0f} ms | {min(values):.0f} ms | {statistics.median(inside):.0f} ms |")
finally:
    etcd.terminate()
    etcd.wait(10)
    shutil.rmtree(tmp, ignore_errors=True)
