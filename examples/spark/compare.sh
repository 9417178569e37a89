#!/usr/bin/env bash
# The job's two workers side by side, for the README's "Two workers":
#
#   examples/spark/compare.sh [RUNS]      (default 3)
#
# On each input, runs the Spark job with --worker process and with --worker
# package alternately, RUNS times each (so that other work on the machine
# weighs on both alike), on $GAZEX_SPARK_MASTER (default local[2]): wall
# clock including JVM startup, and the CPU time of all the job's processes
# (the JVM, Spark's Python workers, the gazex processes; cputime.py), which
# other work on a busy machine disturbs less than the wall clock. Prints
# every run, each worker's medians, and package / process. Inputs:
#
#   news       make_corpus.py --docs 100000 (101 MB, 100,036 documents,
#              mention-dense: about 6.7 mentions a KB), Spark's own split
#   news/16    the same file in 16 partitions (--partitions 16): more
#              partitions, more fixed cost per partition
#   bench      the benchmark corpus's first $GAZEX_COMPARE_FOLDERS folders
#              (default 16, about 100 MB; benches/throughput/make-data.sh
#              makes it) as JSONL, id = path: news-like text, few mentions
#              of the bundled lists
#
# and, for scale, plain `gazex extract` on the same file (all cores). Uses
# the PySpark and gazex package of test.sh ($GAZEX_SPARK_VENV), and
# $GAZEX_BIN or target/release/gazex. Every run's output is checked: the
# lines of the plain run, sorted.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${GAZEX_SPARK_VENV:-target/spark-venv}
WORK=${GAZEX_SPARK_WORK:-target/spark-compare}
MASTER=${GAZEX_SPARK_MASTER:-local[2]}
BIN=${GAZEX_BIN:-target/release/gazex}
FOLDERS=${GAZEX_COMPARE_FOLDERS:-16}
RUNS=${1:-3}
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import pyspark, gazex' 2>/dev/null || {
    echo "compare.sh: run examples/spark/test.sh first (installs PySpark and the gazex package)" >&2
    exit 2
}
BENCH=benches/throughput/data/corpus
[ -d "$BENCH/000" ] || { echo "compare.sh: no $BENCH: run benches/throughput/make-data.sh" >&2; exit 2; }
mkdir -p "$WORK"

cputime() { # log format: cputime.py's "WALL CPU" in the log (after Spark's progress bar, on its line)
    awk -v f="$2" '{ i = index($0, "cputime: ") } i { split(substr($0, i + 9), a, " "); printf f, a[1], a[2] }' "$1"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

"$VENV/bin/python" examples/spark/make_corpus.py --docs 100000 -o "$WORK/news.jsonl"
"$VENV/bin/python" - "$BENCH" "$FOLDERS" "$WORK/bench.jsonl" <<'EOF'
import json, os, sys
root, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(out, "w", encoding="utf-8") as f:
    for d in sorted(os.listdir(root))[:n]:
        for name in sorted(os.listdir(os.path.join(root, d))):
            path = os.path.join(root, d, name)
            with open(path, encoding="utf-8") as t:
                f.write(json.dumps({"id": path, "text": t.read()}, ensure_ascii=False) + "\n")
EOF

spark() { # input output worker [args...]: "WALL CPU" (seconds)
    local input=$1 out=$2 worker=$3
    shift 3
    rm -rf "$out"
    "$VENV/bin/python" examples/spark/cputime.py \
        "$VENV/bin/python" examples/spark/gazex_spark.py "$input" "$out" --master "$MASTER" \
        --worker "$worker" --gazex "$BIN" "$@" 2>"$out.log" || { tail -30 "$out.log" >&2; exit 1; }
    cputime "$out.log" "%.1f %.1f"
}
median() { # numbers...
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "load average at start: $(load); $(nproc) cores; $RUNS runs each, alternating"
for case in news news/16 bench; do
    input=$WORK/${case%%/*}.jsonl
    args=()
    [ "$case" = news/16 ] && args=(--partitions 16)
    mb=$(awk -v b="$(wc -c <"$input")" 'BEGIN { printf "%.0f", b / 1e6 }')
    "$VENV/bin/python" examples/spark/cputime.py "$BIN" extract --input-format jsonl "$input" \
        >"$WORK/plain.jsonl" 2>"$WORK/plain.log"
    plain=$(cputime "$WORK/plain.log" "%.1f s wall, %.1f s CPU")
    sort "$WORK/plain.jsonl" >"$WORK/plain.sorted"
    echo "== $case: $mb MB, $(wc -l <"$input") documents, $(wc -l <"$WORK/plain.sorted") mentions; plain gazex (all cores): $plain"
    pw=(); pc=(); kw=(); kc=()
    for i in $(seq "$RUNS"); do
        for worker in process package; do
            l=$(load)
            read -r w c <<<"$(spark "$input" "$WORK/out-$worker" "$worker" ${args[@]+"${args[@]}"})"
            cat "$WORK/out-$worker"/part-* | sort | cmp -s - "$WORK/plain.sorted" \
                || { echo "compare.sh: --worker $worker's output differs from plain gazex's" >&2; exit 1; }
            echo "   run $i --worker $worker: $w s wall, $c s CPU ($(ls "$WORK/out-$worker"/part-* | wc -l) partitions; load before $l)"
            if [ "$worker" = process ]; then pw+=("$w"); pc+=("$c"); else kw+=("$w"); kc+=("$c"); fi
        done
    done
    awk -v c="$case" -v pw="$(median "${pw[@]}")" -v pc="$(median "${pc[@]}")" \
        -v kw="$(median "${kw[@]}")" -v kc="$(median "${kc[@]}")" 'BEGIN {
        printf "   %s, medians: process %.1f s wall, %.1f s CPU; package %.1f s wall, %.1f s CPU; package / process: wall %.2f, CPU %.2f\n",
            c, pw, pc, kw, kc, kw / pw, kc / pc }'
done
echo "load average at end: $(load)"
