#!/usr/bin/env python3
"""One allocate through bin/calico-mesos on Consul beside SQLite, interleaved, a fresh process each.

usage: bench/consul-benchmark.py [RUNS]
Needs `mvn -DskipTests package` first and `consul` on the PATH. Starts its own `consul agent -dev` on free
loopback ports in a temporary directory and always stops it.
"""
import os, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request, uuid

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
launcher = repo + "/bin/calico-mesos"
tmp = tempfile.mkdtemp()


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


http, lan, wan, server = free_ports(4)
consul = subprocess.Popen(["consul", "agent", "-dev", "-node=bench", "-bind=127.0.0.1", "-client=127.0.0.1",
                           "-http-port=%d" % http, "-serf-lan-port=%d" % lan, "-serf-wan-port=%d" % wan,
                           "-server-port=%d" % server, "-dns-port=-1", "-grpc-port=-1"],
                          cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(300):
        try:
            if b":" in urllib.request.urlopen("http://127.0.0.1:%d/v1/status/leader" % http, timeout=1).read():
                break
        except OSError:
            pass
        time.sleep(0.1)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CALICO_", "ETCD_", "CONSUL_"))}
    base.update(CALICO_LOG_FILE=tmp + "/isolator.log", CALICO_NODENAME="bench")
    configs = {"`bin/calico-mesos`, SQLite store": dict(CALICO_SQLITE_PATH=tmp + "/store.db"),
               "`bin/calico-mesos`, Consul (dev agent on loopback)": dict(CONSUL_HTTP_ADDR="127.0.0.1:%d" % http)}
    for extra in configs.values():  # first use creates the pools: not part of the timing
        subprocess.run([launcher], input=b'{"command":"allocate","args":{"hostname":"a","uid":"warm","num_ipv4":1,"num_ipv6":0}}',
                       stdout=subprocess.DEVNULL, env=dict(base, **extra), check=True)
    times = {name: [] for name in configs}
    for _ in range(runs):
        for name, extra in configs.items():
            request = ('{"command":"allocate","args":{"hostname":"a","uid":"%s","num_ipv4":1,"num_ipv6":0}}' % uuid.uuid4()).encode()
            started = time.perf_counter()
            out = subprocess.run([launcher], input=request, stdout=subprocess.PIPE, env=dict(base, **extra)).stdout
            times[name].append((time.perf_counter() - started) * 1000)
            if b'"error":null' not in out:
                sys.exit("allocate failed on %s: %s" % (name, out.decode()))
    print("| one allocate | median | min |\n|---|---:|---:|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.1f} ms | {min(values):.1f} ms |")
finally:
    consul.terminate()
    consul.wait(10)
    shutil.rmtree(tmp, ignore_errors=True)
