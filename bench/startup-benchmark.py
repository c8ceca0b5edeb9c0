#!/usr/bin/env python3
"""Start-up cost of one plugin request, configurations interleaved so machine noise hits all of them alike.

usage: bench/startup-benchmark.py [RUNS] [all|allocate]
Needs `mvn -DskipTests package` first. The JVM floor is bench/FloorMain.java (read stdin, print {"error":null}),
compiled here. Part 1 (all) ablates the launcher's JVM flags on an allocate against the memory store; part 2 is
one allocate on the SQLite store through bin/calico-mesos beside the floor.
"""
import os, statistics, subprocess, sys, tempfile, time, uuid

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 25
parts = sys.argv[2] if len(sys.argv) > 2 else "all"
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jar, jsa = repo + "/app-cli/target/calico-mesos.jar", repo + "/app-cli/target/calico-mesos.jsa"
tmp = tempfile.mkdtemp()
env = {k: v for k, v in os.environ.items() if not k.startswith(("CALICO_", "ETCD_", "CONSUL_"))}
env.update(CALICO_LOG_FILE=tmp + "/isolator.log", CALICO_SQLITE_PATH=tmp + "/store.db", CALICO_NODENAME="bench")
floor_dir = tempfile.mkdtemp()
subprocess.run(["javac", "--release", "17", "-d", floor_dir, repo + "/bench/FloorMain.java"], check=True)
floor_jar = floor_dir + "/floor.jar"
subprocess.run(["jar", "--create", "--file", floor_jar, "--main-class", "FloorMain", "-C", floor_dir, "FloorMain.class"], check=True)
lean = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xms16m", "-Xmx256m"]


def allocate():
    return ('{"command":"allocate","args":{"hostname":"a","uid":"%s","num_ipv4":1,"num_ipv6":0}}' % uuid.uuid4()).encode()


def measure(configs):
    times = {name: [] for name in configs}
    for _ in range(runs):
        for name, (cmd, extra) in configs.items():
            started = time.perf_counter()
            subprocess.run(cmd, input=allocate(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(env, **extra))
            times[name].append((time.perf_counter() - started) * 1000)
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.1f} ms | {min(values):.1f} ms |")
    return {name: statistics.median(values) for name, values in times.items()}


memory = {"CALICO_DATASTORE": "memory"}
if parts == "all":
  print("| configuration (allocate, memory store) | median | min |\n|---|---:|---:|")
  measure({
      "JVM floor, plain `java`": (["java", "-jar", floor_jar], {}),
      "JVM floor, launcher flags": (["java", *lean, "-jar", floor_jar], {}),
      "plugin, plain `java -jar`": (["java", "-jar", jar], memory),
      "+ `-XX:TieredStopAtLevel=1`": (["java", "-XX:TieredStopAtLevel=1", "-jar", jar], memory),
      "+ `-XX:+UseSerialGC` alone": (["java", "-XX:+UseSerialGC", "-jar", jar], memory),
      "C1 + SerialGC + `-XX:-UsePerfData` + small heap/stack": (["java", *lean, "-jar", jar], memory),
      "the same with `-Xshare:off`": (["java", *lean, "-Xshare:off", "-jar", jar], memory),
      "the same + AppCDS archive": (["java", *lean, "-XX:SharedArchiveFile=" + jsa, "-jar", jar], memory),
      "`bin/calico-mesos`": ([repo + "/bin/calico-mesos"], memory),
  })
print("\n| one allocate | median | min |\n|---|---:|---:|")
m = measure({
    "JVM floor (launcher flags)": (["java", *lean, "-Xshare:auto", "-jar", floor_jar], {}),
    "`bin/calico-mesos`, SQLite store": ([repo + "/bin/calico-mesos"], {}),
})
print(f"\nratio: {m['`bin/calico-mesos`, SQLite store'] / m['JVM floor (launcher flags)']:.2f}")
