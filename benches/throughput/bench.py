#!/usr/bin/env python3
"""Side-by-side throughput of gazex, the ac-baseline and installed peers.

Run through run.sh (which makes the data and builds the binaries first):
  benches/throughput/run.sh [--sizes "1k 20k 500k"] [--corpus-mb N] [--threads "1 2"]
                            [--runs N] [--peers REGEX] [--timeout S]

Per (tool, name list, threads):
  build   one run on data/empty (one empty file): startup + gazetteer load/build,
          wall seconds (GNU time);
  count   one run on the corpus under GNU time: peak RSS, the tool's output
          (match count; gazex: its JSON Lines file and --stats line);
  timing  hyperfine --runs N on the corpus: median (min-max) wall seconds.
`cat` (every file of the corpus read once, `find -exec cat`, output discarded)
runs beside them as the floor a tool that reads the files cannot go below;
"x cat" = MB/s whole / cat's MB/s whole in this run.
MB/s whole = corpus MB / median wall (what a user waits for). MB/s scan =
corpus MB / (median - build). "x base" = MB/s whole / ac-baseline's MB/s whole at
the same thread count in this run (single-threaded peers are compared with the
1-thread baseline, multi-threaded ones with the all-threads baseline).

gazex does its full job here: Unicode case/diacritic folding, all name variants,
byte and char offsets, JSON Lines written to a file (-o). The ac-baseline only
counts ASCII-case-insensitive whole-word matches.

Planted recall: a planted mention (data/planted.tsv, tiers up to the list's size)
counts as found when gazex reports a mention in that file starting at that byte
with that name (entity_name); it prints found/planted. Also checks that gazex's
output is byte-identical across thread counts.

Writes results/raw.tsv and results/table.md (under benches/throughput/).
"""
import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = "data"  # relative to HERE: gazex's "doc" field then reads data/corpus/...
RES = "results"
GAZEX = os.path.join(ROOT, "target", "release", "gazex")
AC = os.path.join(HERE, "..", "ac-baseline", "target", "release", "ac-baseline")
NPROC = os.cpu_count() or 1


def sh(cmd, out=None, timeout=None):
    """Run cmd (a shell string) under GNU time: (wall s, peak RSS MB, exit status)."""
    tfile = os.path.join(RES, "time.txt")
    full = f"/usr/bin/time -f '%e %M' -o {tfile} sh -c {shq(cmd)}"
    with open(out or os.devnull, "wb") as o, open(os.path.join(RES, "stderr.txt"), "wb") as e:
        # own process group, so a timeout ends exactly what this call started
        p = subprocess.Popen(full, shell=True, stdout=o, stderr=e, start_new_session=True)
        try:
            st = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return timeout, 0.0, 124
    try:
        wall, rss = open(tfile).read().split("\n")[-2].split()
        return float(wall), int(rss) / 1024, st
    except (ValueError, IndexError):
        return 0.0, 0.0, st


def shq(s):
    return "'" + s.replace("'", "'\\''") + "'"


def hyperfine(cmd, runs):
    js = os.path.join(RES, "hf.json")
    subprocess.run(["hyperfine", "-N", "--runs", str(runs), "--warmup", "0", "-i",
                    "--style", "none", "--export-json", js, cmd],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    try:
        r = json.load(open(js))["results"][0]
        return r["median"], r["min"], r["max"], r["user"] + r["system"]
    except (OSError, KeyError, IndexError, ValueError):
        return None


def corpus_mb(d):
    n = 0
    for dp, _, fs in os.walk(d):
        for f in fs:
            n += os.path.getsize(os.path.join(dp, f))
    return n / 1e6


def have(mod):
    return subprocess.run([sys.executable, "-c", f"import {mod}"],
                          stderr=subprocess.DEVNULL).returncode == 0


def planted(size, corpus):
    tiers = {"1k": {"1k"}, "20k": {"1k", "20k"}, "500k": {"1k", "20k", "500k"}}[size]
    out = []
    for line in open(os.path.join(DATA, "planted.tsv"), encoding="utf-8"):
        f, off, tier, var, name = line.rstrip("\n").split("\t")
        if tier in tiers and int(off) >= 0 and os.path.exists(os.path.join(corpus, f)):
            out.append((f, int(off), name))
    return out


def gazex_recall(jsonl, size, corpus):
    got = set()
    n = 0
    prefix = corpus.rstrip("/") + "/"
    for line in open(jsonl, encoding="utf-8"):
        d = json.loads(line)
        n += 1
        doc = d["doc"][len(prefix):] if d["doc"].startswith(prefix) else d["doc"]
        got.add((doc, d["start"], d["entity_name"]))
    p = planted(size, corpus)
    found = sum(1 for k in p if k in got)
    return n, found, len(p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1k 20k 500k")
    ap.add_argument("--threads", default=" ".join(sorted({"1", str(NPROC)}, key=int)))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", default=".", help="regex over row ids (gazex and ac-baseline always run)")
    ap.add_argument("--timeout", type=float, default=150)
    ap.add_argument("--folders", type=int, default=0,
                    help="use only the first N corpus folders (~6.4 MB each; hard links)")
    a = ap.parse_args()
    os.chdir(HERE)
    os.makedirs(os.path.join(RES, "out"), exist_ok=True)
    sizes = a.sizes.split()
    threads = [int(t) for t in a.threads.split()]
    full, small, empty = f"{DATA}/corpus", f"{DATA}/corpus-small", f"{DATA}/empty"
    if a.folders:
        sub = f"{DATA}/corpus-first{a.folders}"
        if not os.path.isdir(sub):
            os.makedirs(sub)
            for d in sorted(os.listdir(full))[: a.folders]:
                subprocess.run(["cp", "-al", os.path.join(full, d), sub], check=True)
        full = sub
    mb = {full: corpus_mb(full), small: corpus_mb(small)}

    # (id, corpus, threads, count parser, command template, sizes or None)
    # {N} names file, {C} corpus, {T} threads, {O} output file
    rows = []
    # Reading the files and nothing else: the floor (one process, one thread).
    rows.append(("cat (find -exec cat, output discarded)", full, 1, "none",
                 "find {C} -type f -exec cat {} +", None))
    for t in threads:
        rows.append((f"gazex -j{t}", full, t, "gazex",
                     f"{GAZEX} extract {{C}} -g {{N}} -o {{O}} -j {t} --stats", None))
        rows.append((f"ac-baseline (count) -j{t}", full, t, "last",
                     f"env RAYON_NUM_THREADS={t} {AC} {{N}} {{C}}", None))
    if shutil.which("rg"):
        v = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split()[1]
        rows.append((f"ripgrep {v} -F -i -w --count-matches -j{NPROC}", full, NPROC, "sum",
                     f"rg --no-ignore -j {NPROC} -F -i -w --count-matches --no-filename -f {{N}} {{C}}",
                     ["1k"]))
    if shutil.which("grep"):
        rows.append(("GNU grep -r -F -i -w -o -b, LC_ALL=C", full, 1, "lines",
                     "env LC_ALL=C grep -r -F -i -w -o -b -f {N} {C}", ["1k", "20k"]))
    for peer, mod, corp, szs in (("pyahocorasick", "ahocorasick", full, None),
                                 ("hyperscan", "hyperscan", full, None),
                                 ("flashtext", "flashtext", small, None)):
        if have(mod):
            rows.append((f"python {peer}", corp, 1, "last",
                         f"{sys.executable} peers.py {peer} {{N}} {{C}}", szs))
    rows = [r for r in rows
            if r[0].startswith(("gazex", "ac-baseline", "cat ")) or re.search(a.peers, r[0])]

    raw = open(os.path.join(RES, "raw.tsv"), "w")
    raw.write("tool\tnames\tthreads\tcorpus_MB\tmedian_s\tmin_s\tmax_s\tMBps_whole\tx_base"
              "\tx_cat\tcpu_s\tx_base_cpu\tMBps_scan\tbuild_s\tpeak_rss_MB\tmatches\tnote\n")
    table = []
    recall_lines = []
    base = {}
    results = []
    hdr = ("| tool | names | threads | corpus MB | median s (min–max) | MB/s whole | × base "
           "| × cat | CPU s | × base CPU | MB/s scan | build s | peak RSS MB | matches | note |")
    table += [hdr, "|" + "---|" * 15]
    for line in table:
        print(line)
    gazex_out = collections.defaultdict(dict)
    for size in sizes:
        N = f"{DATA}/gaz/names-{size}.txt"
        for rid, corp, t, parse, tpl, szs in rows:
            if szs and size not in szs:
                continue
            O = os.path.join(RES, "out", f"gazex-{size}-j{t}.jsonl")
            fill = lambda c: tpl.replace("{N}", N).replace("{C}", c).replace("{O}", O)
            note = ""
            bwall, brss, bst = sh(fill(empty), timeout=a.timeout)
            cnt_file = os.path.join(RES, "out", "count.txt")
            cwall, crss, cst = sh(fill(corp), out=None if parse == "none" else cnt_file,
                                  timeout=a.timeout)
            stderr = open(os.path.join(RES, "stderr.txt"), errors="replace").read()
            if cst == 124:
                note = f"timeout > {a.timeout:.0f} s"
                med = mn = mx = cpu = None
            elif cst not in (0, 1) or (cst == 1 and parse not in ("lines", "none")):
                note = f"exit {cst}: " + " ".join(stderr.split())[:100]
                med = mn = mx = cpu = None
            else:
                hf = hyperfine(fill(corp), a.runs)
                med, mn, mx, cpu = hf if hf else (cwall, cwall, cwall, None)
            # matches
            count = "–"
            if parse == "gazex" and os.path.exists(O) and med is not None:
                n, found, total = gazex_recall(O, size, corp)
                count = f"{n:,}"
                recall_lines.append(f"gazex {size} -j{t}: planted found {found:,} / {total:,} "
                                    f"({100 * found / max(total, 1):.2f}%), mentions {n:,}")
                gazex_out[size][t] = O
                m = re.search(r"load\+build ([\d.]+) s; scan ([\d.]+) s, ([\d.]+) MB/s", stderr)
                if m:
                    note = f"--stats: build {m.group(1)} s, scan {m.group(3)} MB/s"
            elif med is not None and parse != "none":
                lines = open(cnt_file, errors="replace").read().split()
                if parse == "last" and lines:
                    count = f"{int(lines[-1]):,}"
                elif parse == "sum":
                    count = f"{sum(int(x) for x in lines if x.isdigit()):,}"
                elif parse == "lines":
                    count = f"{sum(1 for _ in open(cnt_file, 'rb')):,}"
            results.append(dict(rid=rid, size=size, t=t, mb=mb[corp], med=med, mn=mn, mx=mx,
                                cpu=cpu, build=bwall, rss=crss, count=count, note=note))
            r = results[-1]
            print(f"{rid} {size} -j{t}: median {med} s, cpu {cpu} s, build {bwall} s, "
                  f"rss {crss:.0f} MB, matches {count} {note}", file=sys.stderr, flush=True)
    cat = {}
    for r in results:
        r["whole"] = r["mb"] / r["med"] if r["med"] else None
        if r["rid"].startswith("ac-baseline"):
            base[(r["size"], r["t"])] = r
        if r["rid"].startswith("cat ") and r["whole"]:
            cat[(r["size"], r["mb"])] = r["whole"]
    for r in results:
        b = base.get((r["size"], r["t"]))
        x = f"{r['whole'] / b['whole']:.2f}" if r["whole"] and b and b["whole"] else "–"
        c = cat.get((r["size"], r["mb"]))
        xcat = f"{r['whole'] / c:.2f}" if r["whole"] and c else "–"
        xc = (f"{b['cpu'] / r['cpu']:.2f}" if r["cpu"] and b and b["cpu"]
              and r["mb"] == b["mb"] else "–")
        med = r["med"]
        scan = f"{r['mb'] / (med - r['build']):.1f}" if med and med - r["build"] > 0.02 else "n/a"
        medtxt = f"{med:.2f} ({r['mn']:.2f}–{r['mx']:.2f})" if med else "–"
        wtxt = f"{r['whole']:.1f}" if r["whole"] else "–"
        cpu = f"{r['cpu']:.2f}" if r["cpu"] else "–"
        row = (f"| {r['rid']} | {r['size']} | {r['t']} | {r['mb']:.1f} | {medtxt} | {wtxt} | {x} "
               f"| {xcat} | {cpu} | {xc} | {scan} | {r['build']:.2f} | {r['rss']:.0f} "
               f"| {r['count']} | {r['note']} |")
        print(row, flush=True)
        table.append(row)
        raw.write("\t".join(str(v) for v in (r["rid"], r["size"], r["t"], f"{r['mb']:.1f}", med,
                                               r["mn"], r["mx"], wtxt, x, xcat, cpu, xc, scan,
                                               r["build"], f"{r['rss']:.0f}", r["count"],
                                               r["note"])) + "\n")
    print()
    for r in recall_lines:
        print(r)
    same = []
    for size, by_t in gazex_out.items():
        outs = list(by_t.values())
        if len(outs) > 1:
            ident = all(open(o, "rb").read() == open(outs[0], "rb").read() for o in outs[1:])
            same.append(f"gazex {size}: output identical across threads {sorted(by_t)}: {ident}")
    for s in same:
        print(s)
    with open(os.path.join(RES, "table.md"), "w") as f:
        f.write(f"{time.strftime('%Y-%m-%d %H:%M')}, {NPROC} cores, runs={a.runs}\n\n")
        f.write("\n".join(table) + "\n\n" + "\n".join(recall_lines + same) + "\n")


if __name__ == "__main__":
    main()
