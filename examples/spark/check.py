#!/usr/bin/env python3
"""Compare the Spark job's mentions with a plain gazex run over the same documents.

    check.py PLAIN.jsonl SPARK_JSONL_DIR [--parquet SPARK_PARQUET_DIR] [--files FILES.jsonl]

PLAIN.jsonl: `gazex extract --input-format jsonl CORPUS.jsonl`'s output.
SPARK_JSONL_DIR: the job's --format jsonl output; its lines must be PLAIN's
lines, the same multiset (order across partitions is free).
--parquet: the job's --format parquet output; its rows must be PLAIN's
records field for field (read back with Spark).
--files: `gazex extract` over the bundled article files; the JSONL run's
mentions of those documents (id = path) must be the same records.
Exits 1 with the differences on any mismatch.
"""

import argparse
import collections
import glob
import json
import os
import sys


def lines(paths):
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.extend(l.rstrip("\n") for l in f if l.strip())
    return out


def report(name, want, got):
    want_c, got_c = collections.Counter(want), collections.Counter(got)
    if want_c == got_c:
        print(f"check: {name}: {sum(got_c.values())} mentions, equal")
        return True
    missing = list((want_c - got_c).elements())
    extra = list((got_c - want_c).elements())
    print(f"check: {name}: DIFFERENT ({sum(want_c.values())} expected, {sum(got_c.values())} got; "
          f"{len(missing)} missing, {len(extra)} extra)")
    for l in missing[:10]:
        print("  missing:", l)
    for l in extra[:10]:
        print("  extra:  ", l)
    return False


def canonical(record):
    return json.dumps({k: v for k, v in record.items() if v is not None}, sort_keys=True, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plain")
    ap.add_argument("spark_jsonl")
    ap.add_argument("--parquet")
    ap.add_argument("--files")
    args = ap.parse_args()

    plain = lines([args.plain])
    if len(plain) < 1000:
        sys.exit(f"check: only {len(plain)} mentions in the plain run: too few to compare anything")
    parts = sorted(glob.glob(os.path.join(args.spark_jsonl, "part-*")))
    if not parts:
        sys.exit(f"check: no part files in {args.spark_jsonl}")
    ok = report(f"Spark JSONL ({len(parts)} parts) vs plain", plain, lines(parts))

    if args.files:
        files = [canonical(json.loads(l)) for l in lines([args.files])]
        ids = {json.loads(l)["doc"] for l in lines([args.files])}
        of_files = [canonical(r) for r in map(json.loads, plain) if r["doc"] in ids]
        ok &= report("JSONL run on the bundled articles vs files run", files, of_files)

    if args.parquet:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.master("local[2]").appName("gazex-check").getOrCreate()
        rows = spark.read.parquet(args.parquet).collect()
        got = [canonical(r.asDict(recursive=True)) for r in rows]
        spark.stop()
        ok &= report("Spark Parquet vs plain", [canonical(json.loads(l)) for l in plain], got)

    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
