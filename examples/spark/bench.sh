#!/usr/bin/env bash
# Throughput of plain gazex and of the Spark job on this machine, for the
# README's scaling table:
#
#   examples/spark/bench.sh [DOCS...]      (default: 10000 100000)
#
# For each corpus size (make_corpus.py --docs N) it times plain gazex with
# one thread and with all cores, and the Spark job on $GAZEX_SPARK_MASTER
# (default local[2]), wall clock including JVM startup; and the job on the
# 36 bundled articles alone, which is Spark's fixed cost. Each is run
# $GAZEX_BENCH_REPS times (default 2) and the fastest is reported, since
# other work on the machine only ever slows a run down. Uses the PySpark of
# test.sh ($GAZEX_SPARK_VENV) and $GAZEX_BIN or target/release/gazex.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${GAZEX_SPARK_VENV:-target/spark-venv}
WORK=${GAZEX_SPARK_WORK:-target/spark-bench}
MASTER=${GAZEX_SPARK_MASTER:-local[2]}
BIN=${GAZEX_BIN:-target/release/gazex}
[ $# -gt 0 ] || set -- 10000 100000
[ -x "$VENV/bin/python" ] || { echo "run examples/spark/test.sh first (installs PySpark)" >&2; exit 2; }
mkdir -p "$WORK"

REPS=${GAZEX_BENCH_REPS:-2}

now() { date +%s.%N; }
best() { # command...: the fastest wall time of $REPS runs, in seconds
    local min="" t s
    for _ in $(seq "$REPS"); do
        t=$(now); "$@" >/dev/null
        s=$(awk -v a="$t" -v z="$(now)" 'BEGIN { print z - a }')
        min=$(awk -v m="$min" -v s="$s" 'BEGIN { print (m == "" || s < m) ? s : m }')
    done
    echo "$min"
}
row() { # label docs bytes seconds
    awk -v l="$1" -v d="$2" -v b="$3" -v s="$4" 'BEGIN {
        printf "| %s | %d | %.1f | %.1f s | %.0f | %.2f |\n", l, d, b / 1e6, s, d / s, b / 1e6 / s }'
}
spark() { # corpus output
    rm -rf "$2"
    "$VENV/bin/python" examples/spark/gazex_spark.py "$1" "$2" --master "$MASTER" --gazex "$BIN" 2>"$2.log" \
        || { tail -30 "$2.log" >&2; exit 1; }
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "| run | documents | MB | wall time | docs/s | MB/s |"
echo "|---|---|---|---|---|---|"
"$VENV/bin/python" examples/spark/make_corpus.py --docs 0 -o "$WORK/c0.jsonl"
s=$(best spark "$WORK/c0.jsonl" "$WORK/out0")
row "Spark $MASTER, bundled articles only (fixed cost)" "$(wc -l <"$WORK/c0.jsonl")" "$(wc -c <"$WORK/c0.jsonl")" "$s"
for n in "$@"; do
    c=$WORK/c$n.jsonl
    "$VENV/bin/python" examples/spark/make_corpus.py --docs "$n" -o "$c"
    d=$(wc -l <"$c"); b=$(wc -c <"$c")
    row "plain gazex, 1 thread" "$d" "$b" "$(best "$BIN" extract --input-format jsonl -j 1 "$c")"
    row "plain gazex, all cores" "$d" "$b" "$(best "$BIN" extract --input-format jsonl "$c")"
    s=$(best spark "$c" "$WORK/out$n")
    row "Spark $MASTER ($(ls "$WORK/out$n"/part-* | wc -l) partitions)" "$d" "$b" "$s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
