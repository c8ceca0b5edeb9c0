#!/usr/bin/env python3
"""Min / median / max of each column of a phase file.

bench/lifecycle.sh and bench/cni-reference.sh append one line per run under $PHASE_DIR, each phase's time in
milliseconds, separated by spaces. This prints every column's min, median and max, named by the names given.

usage: bench/summarize.py [--skip N] FILE [NAME ...]
  --skip N   leave out the first N runs (the warm-ups: pair.py's -w)
e.g.   bench/summarize.py --skip 5 /tmp/r/agent/lifecycle-netlink-etcd.txt netns allocate isolate release cleanup kill
"""
import statistics
import sys

args = sys.argv[1:]
skip = 0
if args[:1] == ["--skip"] and len(args) >= 2:
    skip = int(args[1])
    args = args[2:]
if not args:
    sys.exit(__doc__)
path, names = args[0], args[1:]
with open(path) as lines:
    rows = [[float(field) for field in line.split()] for line in lines if line.strip()][skip:]
if not rows:
    sys.exit(f"{path}: no runs to summarize")
print(f"{path}: n={len(rows)}")
for i, column in enumerate(zip(*rows)):
    name = names[i] if i < len(names) else f"col{i}"
    print(f"  {name:14s} min {min(column):8.2f}  med {statistics.median(column):8.2f}  max {max(column):8.2f}")
