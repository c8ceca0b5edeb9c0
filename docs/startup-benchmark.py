#!/usr/bin/env python3
"""Start-up cost of one plugin request under several JVM flag sets, interleaved so machine noise hits all alike.

usage: CALICO_DATASTORE=memory CALICO_LOG_FILE=/tmp/iso.log docs/startup-benchmark.py REQUEST_JSON RUNS FLOOR_JAR
FLOOR_JAR is a trivial main that reads stdin and prints {"error":null} (the JVM floor).
"""
import subprocess, time, statistics, sys, os
req = sys.argv[1].encode()
n = int(sys.argv[2])
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
J = REPO + "/app-cli/target/calico-mesos.jar"
JSA = REPO + "/app-cli/target/calico-mesos.jsa"
configs = {
  "floor: trivial main, plain java": ["java", "-jar", sys.argv[3]],
  "floor: trivial main, launcher flags": ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xms16m", "-Xmx256m", "-jar", sys.argv[3]],
  "app: plain java -jar": ["java", "-jar", J],
  "app: +TieredStopAtLevel=1": ["java", "-XX:TieredStopAtLevel=1", "-jar", J],
  "app: +UseSerialGC": ["java", "-XX:+UseSerialGC", "-jar", J],
  "app: +TieredStop +SerialGC +(-UsePerfData) +small heap": ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xms16m", "-Xmx256m", "-jar", J],
  "app: same, -Xshare:off": ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xms16m", "-Xmx256m", "-Xshare:off", "-jar", J],
  "app: same + AppCDS archive": ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xms16m", "-Xmx256m", "-XX:SharedArchiveFile=" + JSA, "-jar", J],
  "bin/calico-mesos (all of the above)": [REPO + "/bin/calico-mesos"],
}
times = {k: [] for k in configs}
for i in range(n):
  for k, cmd in configs.items():
    t = time.perf_counter()
    subprocess.run(cmd, input=req, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times[k].append((time.perf_counter() - t) * 1000)
for k, v in times.items():
  print(f"{k:58s} median {statistics.median(v):6.1f} ms   min {min(v):6.1f} ms")
