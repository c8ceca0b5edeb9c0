#!/usr/bin/env python3
# Copied unchanged (apart from these two lines) from the reference scripts our comparisons with CNI were first
# measured with, so that the lifecycle figures in docs/benchmarks.md can be reproduced from this repo.
"""Whole-process timer with public tools only (Python stdlib).

Runs command A (and optionally B) N times after W warm-ups, alternating
A B A B ... so machine drift hits both equally, and prints min / median / max
of wall ms, cpu ms (user+sys of the reaped child tree, from wait4 rusage) and
peak RSS, plus the pair-by-pair ratio A/B.  stdin is /dev/null; output is
discarded unless --keep FILE.

  pair.py -n 30 -- ./cni-reference.sh ptp
  pair.py -n 30 --vs './raw-ip.sh direct' -- ./cni-reference.sh ptp
"""
import argparse, os, shlex, statistics, subprocess, sys, time


def run_once(argv, out):
    t0 = time.perf_counter_ns()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    _, status, ru = os.wait4(p.pid, 0)
    t1 = time.perf_counter_ns()
    p.returncode = os.waitstatus_to_exitcode(status)
    return dict(wall=(t1 - t0) / 1e6, cpu=(ru.ru_utime + ru.ru_stime) * 1e3,
                rss=ru.ru_maxrss / 1024, rc=p.returncode)


def fmt(xs, unit):
    return f"{min(xs):9.2f} {statistics.median(xs):9.2f} {max(xs):9.2f}  {unit}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("-w", "--warmup", type=int, default=2)
    ap.add_argument("--vs", default=None, help="baseline command B (shell-split)")
    ap.add_argument("--keep", default=None, help="append all output to this file")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("no command")
    cmds = {"A": cmd}
    if a.vs:
        cmds["B"] = shlex.split(a.vs)
    out = open(a.keep, "ab") if a.keep else subprocess.DEVNULL
    res = {k: [] for k in cmds}
    for i in range(a.warmup + a.n):
        for k, c in cmds.items():
            r = run_once(c, out)
            if i >= a.warmup:
                res[k].append(r)
    print(f"runs={a.n} warmup={a.warmup} cores={os.cpu_count()}")
    for k, c in cmds.items():
        rs = res[k]
        bad = sum(1 for r in rs if r["rc"] != 0)
        print(f"[{k}] {shlex.join(c)}" + (f"   ({bad} non-zero exits!)" if bad else ""))
        print("       min       med       max")
        print("  wall " + fmt([r["wall"] for r in rs], "ms"))
        print("  cpu  " + fmt([r["cpu"] for r in rs], "ms"))
        print("  rss  " + fmt([r["rss"] for r in rs], "MiB"))
    if "B" in cmds:
        ratios = [x["wall"] / y["wall"] for x, y in zip(res["A"], res["B"])]
        print("  A/B wall " + fmt(ratios, "x"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
