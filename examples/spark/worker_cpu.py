#!/usr/bin/env python3
"""The CPU time of the job's two workers alone, without Spark.

    worker_cpu.py CORPUS.jsonl [--partitions N] [--runs N] [--gazex BIN] [-g LIST]...

The two workers differ only in what a Spark Python worker does with a
partition's lines: --worker process pipes them through a gazex process
(the code of PySpark 3.5.7's RDD.pipe, copied below), --worker package
hands them to the gazex package (gazex_spark.package_worker, as the job
runs it). Spark's own work (reading the file, moving lines to the Python
worker and back, writing the output) is the same for both and is left out
here, so the difference shows above the noise of a busy machine: CPU time
(user + system, of the process and the gazex processes it waited for) is
what other work on the machine disturbs least.

CORPUS is cut into N partitions of consecutive lines (default 4), handled
one after the other by one Python process, as by one Spark Python worker
(which Spark reuses from task to task): the process worker starts a gazex
process per partition, the package worker builds one Extractor for all.
Each worker runs in a fresh process, alternately, --runs times (default
3); the script prints every run and the medians, and checks that both
give the same lines.
"""

import argparse
import hashlib
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from itertools import chain
from subprocess import PIPE, Popen
from threading import Thread

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gazex_spark  # noqa: E402


def pipe(command, lines):
    """PySpark 3.5.7's RDD.pipe on one partition (pyspark/rdd.py), as the
    job calls it (checkCode=True)."""
    proc = Popen(shlex.split(command), env=dict(os.environ), stdin=PIPE, stdout=PIPE)

    def pipe_objs(out):
        for obj in lines:
            s = str(obj).rstrip("\n") + "\n"
            out.write(s.encode("utf-8"))
        out.close()

    Thread(target=pipe_objs, args=[proc.stdin]).start()

    def check_return_code():
        proc.wait()
        if proc.returncode:
            raise RuntimeError(f"{command} exited with {proc.returncode}")
        yield from ()

    return (x.rstrip(b"\n").decode("utf-8") for x in chain(iter(proc.stdout.readline, b""), check_return_code()))


def partitions(path, n):
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    size = -(-len(lines) // n)
    return [lines[i : i + size] for i in range(0, len(lines), size)]


def work(worker, corpus, n, gazex, gazetteers):
    """One run in this process: every partition through `worker`; prints
    the output's line count and a digest of its sorted lines."""
    parts = partitions(corpus, n)
    out = []
    if worker == "process":
        # The job's command, without the shipping (the files are here).
        command = shlex.join([gazex, "extract", "--input-format", "jsonl", "-j", "1"]
                             + [x for g in gazetteers for x in ("-g", g)] + ["-"])
        for lines in parts:
            out.extend(pipe(command, lines))
    else:
        options = {"gazetteers": gazetteers, "threads": 1, "date": None, "id_field": None,
                   "text_field": None, "date_field": None, "keep_going": False}
        run = gazex_spark.package_worker(options)
        for lines in parts:
            out.extend(run(iter(lines)))
    digest = hashlib.sha256("\n".join(sorted(out)).encode("utf-8")).hexdigest()[:16]
    print(len(out), digest)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--gazex", default=gazex_spark.default_gazex())
    ap.add_argument("-g", "--gazetteer", action="append", dest="gazetteers", metavar="LIST",
                    help="gazetteer, repeatable (default: gazetteers/*.jsonl, as the job; a compiled "
                         "one from `gazex gazetteer compile` loads in a few hundredths of a second)")
    ap.add_argument("--work", choices=["process", "package"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    gazetteers = [os.path.abspath(g) for g in a.gazetteers or gazex_spark.default_gazetteers()]
    if a.work:
        return work(a.work, a.corpus, a.partitions, a.gazex, gazetteers)
    cpu, wall, outputs = {"process": [], "package": []}, {"process": [], "package": []}, set()
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    for i in range(a.runs):
        for worker in ("process", "package"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            r = subprocess.run([sys.executable, __file__, a.corpus, "--partitions", str(a.partitions),
                                "--gazex", a.gazex, "--work", worker]
                               + [x for g in gazetteers for x in ("-g", g)],
                               check=True, capture_output=True, text=True)
            wall[worker].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[worker].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            outputs.add(r.stdout.strip())
            print(f"  run {i + 1} {worker}: {cpu[worker][-1]:.2f} s CPU, {wall[worker][-1]:.2f} s wall, "
                  f"output {r.stdout.strip()}", file=sys.stderr)
    if len(outputs) != 1:
        sys.exit(f"worker_cpu: the workers' outputs differ: {sorted(outputs)}")
    pc, kc = statistics.median(cpu["process"]), statistics.median(cpu["package"])
    pw, kw = statistics.median(wall["process"]), statistics.median(wall["package"])
    print(f"{os.path.basename(a.corpus)}, {a.partitions} partitions ({outputs.pop().split()[0]} lines out; "
          f"load average {load} at start): CPU process {pc:.2f} s, package {kc:.2f} s, package / process "
          f"{kc / pc:.2f}; wall {pw:.2f} s and {kw:.2f} s, {kw / pw:.2f}")


if __name__ == "__main__":
    main()
