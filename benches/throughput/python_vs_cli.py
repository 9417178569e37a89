#!/usr/bin/env python3
"""The Python package's extract_many against the CLI over the benchmark corpus
(issue 18: "within 15% of the CLI's throughput at the same thread count").

    python3 benches/throughput/python_vs_cli.py [--folders N] [--threads "1 2"]
        [--runs N] [-g LIST] [--inputs texts|paths]

Run with a Python that has the gazex package (python/ci.sh's venv,
target/py-venv/bin/python), after benches/throughput/make-data.sh. Per thread
count, runs alternately (so that other work on the machine weighs on both
alike), each a fresh process, timed from start to exit:

  cli     gazex extract -j T [-g LIST] DIR -o OUT       (target/release/gazex or $GAZEX_BIN)
  python  gazex.Extractor(threads=T, datelines=True[, gazetteers=[LIST]])
          .extract_many over DIR's files in path order, taking every
          mention dict (as a program would); with --inputs texts (the
          default) the files are read in Python and given as (path, text)
          pairs, with --inputs paths they are given as pathlib.Path objects,
          read by the package's worker threads

DIR is the corpus's first N folders (default 4, about 25 MB). Prints each
run's wall and CPU seconds, the medians, and python / cli throughput (the CLI's
median wall over Python's: 1.00 = the same, 0.85 = 15% slower). First checks
that both find the same mentions (mention ids).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "data", "corpus")

# The Python side, run as its own process: argv = threads, corpus folder,
# gazetteer or "", mode ("time": count mentions; "ids": print mention ids),
# inputs ("texts" or "paths").
PY = r"""
import os, sys, pathlib, gazex
threads, root, lists, mode, given = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
kw = {"gazetteers": [lists]} if lists else {}
ex = gazex.Extractor(threads=threads, datelines=True, **kw)
def docs():
    for d in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, d))):
            path = os.path.join(root, d, name)
            if given == "paths":
                yield pathlib.Path(path)
                continue
            with open(path, encoding="utf-8") as f:
                yield path, f.read()
n = 0
for ms in ex.extract_many(docs()):
    n += len(ms)
    if mode == "ids":
        for m in ms:
            print(m["mention_id"])
if mode == "time":
    print(n)
"""


def subset(folders):
    """The corpus's first `folders` folders, hard-linked into one folder."""
    sub = os.path.join(HERE, "data", f"corpus-first{folders}")
    if not os.path.isdir(sub):
        os.makedirs(sub)
        for d in sorted(os.listdir(CORPUS))[:folders]:
            subprocess.run(["cp", "-al", os.path.join(CORPUS, d), sub], check=True)
    return os.path.relpath(sub, ROOT)


def timed(cmd):
    """(wall seconds, CPU seconds, stdout) of `cmd`, run from the repository root."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folders", type=int, default=4, help="corpus folders (default 4, about 25 MB)")
    ap.add_argument("--threads", default="1 2", help='thread counts (default "1 2")')
    ap.add_argument("--runs", type=int, default=5, help="runs of each (default 5)")
    ap.add_argument("-g", "--gazetteer", default="",
                    help="a list for both (e.g. benches/throughput/data/gaz/names-20k.txt); default the bundled lists")
    ap.add_argument("--inputs", choices=["texts", "paths"], default="texts",
                    help="give Python the files' texts (read in Python; the default) or their paths")
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(CORPUS, "000")):
        sys.exit(f"no {CORPUS}: run benches/throughput/make-data.sh first")
    gazex_bin = os.environ.get("GAZEX_BIN", os.path.join(ROOT, "target", "release", "gazex"))
    corpus = subset(a.folders)
    mb = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(os.path.join(ROOT, corpus)) for f in fs) / 1e6
    files = sum(len(fs) for _, _, fs in os.walk(os.path.join(ROOT, corpus)))
    lists = ["-g", a.gazetteer] if a.gazetteer else []
    out = os.path.join(ROOT, "target", "python-vs-cli.jsonl")

    def cli(threads):
        return [gazex_bin, "extract", "-q", "-j", str(threads), *lists, corpus, "-o", out]

    def py(threads, mode):
        return [sys.executable, "-c", PY, str(threads), corpus, a.gazetteer, mode, a.inputs]

    # The same mentions (ids hash the document, the span and the entity).
    _, _, ids = timed(py(1, "ids"))
    timed(cli(1))
    with open(out, encoding="utf-8") as f:
        want = sorted(json.loads(line)["mention_id"] for line in f)
    if sorted(ids.split()) != want:
        sys.exit(f"python_vs_cli: the package found {len(ids.split())} mentions, the CLI {len(want)}: not the same")
    print(f"{corpus}: {files} files, {mb:.1f} MB, {len(want)} mentions "
          f"({'bundled lists' if not a.gazetteer else a.gazetteer}), the same from both; "
          f"Python given the files' {a.inputs}")
    print(f"load average at start: {' '.join(open('/proc/loadavg').read().split()[:3])}; {os.cpu_count()} cores")
    print("| threads | CLI wall (median) | CLI CPU | Python wall (median) | Python CPU | python / cli throughput |")
    print("|---|---|---|---|---|---|")
    for threads in [int(t) for t in a.threads.split()]:
        runs = {"cli": [], "python": []}
        for _ in range(a.runs):
            runs["cli"].append(timed(cli(threads))[:2])
            runs["python"].append(timed(py(threads, "time"))[:2])
        for k, v in runs.items():
            print(f"  {k} -j {threads}: " + ", ".join(f"{w:.2f} s ({c:.2f} CPU)" for w, c in v), file=sys.stderr)
        cw = statistics.median(w for w, _ in runs["cli"])
        cc = statistics.median(c for _, c in runs["cli"])
        pw = statistics.median(w for w, _ in runs["python"])
        pc = statistics.median(c for _, c in runs["python"])
        print(f"| {threads} | {cw:.2f} s ({mb / cw:.1f} MB/s) | {cc:.2f} s | {pw:.2f} s ({mb / pw:.1f} MB/s) "
              f"| {pc:.2f} s | **{cw / pw:.2f}** |")
    print(f"load average at end: {' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
