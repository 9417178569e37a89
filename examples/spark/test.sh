#!/usr/bin/env bash
# The Spark equality test (issues 9 and 18): the example job on Spark
# local[2] finds the same mentions as a plain `gazex extract` over the same
# documents, with either worker (--worker process: a gazex process per
# partition; --worker package: the gazex Python package in Spark's Python
# workers).
#
#   examples/spark/test.sh
#
# Installs PySpark (examples/spark/requirements.txt) and the gazex package
# into a virtualenv ($GAZEX_SPARK_VENV, default target/spark-venv; kept
# between runs), builds gazex in release mode, writes the bundled articles
# plus $GAZEX_SPARK_DOCS (default 10000) generated documents as JSONL, then
# runs gazex plainly and the Spark job three times (JSONL output with each
# worker, Parquet output with the default one) and compares. The package is
# installed from $GAZEX_WHEEL, else the wheel python/ci.sh built
# (target/wheels, as .ci/run runs it first), else one built here with
# maturin. Needs Java 17 (or 8/11) and Python 3.9+. Prints wall times and
# throughput of the runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=${GAZEX_SPARK_VENV:-target/spark-venv}
WORK=${GAZEX_SPARK_WORK:-target/spark-test}
DOCS=${GAZEX_SPARK_DOCS:-10000}
MASTER=${GAZEX_SPARK_MASTER:-local[2]}
PARTITIONS=${GAZEX_SPARK_PARTITIONS:-4}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

command -v java >/dev/null || {
    echo "test.sh: needs Java 17 (or 8/11) on PATH: apt-get install openjdk-17-jre-headless" >&2
    exit 1
}

echo "== PySpark ($VENV)"
t=$(now)
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check -r examples/spark/requirements.txt
"$VENV/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'
java -version 2>&1 | head -1
echo "   $(since "$t") s"

echo "== gazex Python package"
t=$(now)
wheel=${GAZEX_WHEEL:-$(ls -t target/wheels/gazex-*.whl 2>/dev/null | head -1)}
if [ -z "$wheel" ]; then
    "$VENV/bin/pip" install -q --disable-pip-version-check "maturin>=1.9,<2"
    if [ ! -c /dev/null ] && [ -f /dev/null ] && [ -w /dev/null ]; then : >/dev/null; fi
    "$VENV/bin/maturin" build --release --locked --quiet -m python/Cargo.toml -i "$VENV/bin/python" -o target/wheels
    wheel=$(ls -t target/wheels/gazex-*.whl | head -1)
fi
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
echo "   $wheel: $(since "$t") s"

echo "== gazex (release)"
t=$(now)
if [ -n "${GAZEX_BIN:-}" ]; then
    BIN=$GAZEX_BIN
else
    # Where /dev/null is a plain file that build scripts have written to,
    # cargo's first query of rustc would read their output (see .ci/run).
    if [ ! -c /dev/null ] && [ -f /dev/null ] && [ -w /dev/null ]; then : >/dev/null; fi
    cargo build --release --locked --quiet
    BIN=target/release/gazex
fi
echo "   $(since "$t") s"
"$BIN" extract --help | grep -q -- --input-format || {
    echo "test.sh: $BIN has no --input-format (JSON Lines input); build a gazex that has" >&2
    exit 1
}

echo "== corpus: bundled articles + $DOCS generated documents"
rm -rf "$WORK"
mkdir -p "$WORK"
"$VENV/bin/python" examples/spark/make_corpus.py --docs "$DOCS" -o "$WORK/corpus.jsonl"
ndocs=$(wc -l <"$WORK/corpus.jsonl")
bytes=$(wc -c <"$WORK/corpus.jsonl")
echo "   $ndocs documents, $bytes bytes"

rate() { # name seconds
    awk -v n="$1" -v s="$2" -v d="$ndocs" -v b="$bytes" \
        'BEGIN { printf "   %s: %.1f s, %.0f docs/s, %.2f MB/s\n", n, s, d / s, b / 1e6 / s }'
}

echo "== plain gazex"
t=$(now)
"$BIN" extract --input-format jsonl "$WORK/corpus.jsonl" >"$WORK/plain.jsonl"
rate "plain gazex (all cores)" "$(since "$t")"
"$BIN" extract corpus tests/data/eval/articles >"$WORK/files.jsonl"

job() { # name worker [args...]: the Spark job on the corpus into $WORK/NAME
    local name=$1 worker=$2
    shift 2
    "$VENV/bin/python" examples/spark/gazex_spark.py "$WORK/corpus.jsonl" "$WORK/$name" \
        --master "$MASTER" --partitions "$PARTITIONS" --worker "$worker" --gazex "$BIN" "$@" \
        2>"$WORK/$name.log" || { tail -50 "$WORK/$name.log"; exit 1; }
}

for worker in process package; do
    echo "== Spark $MASTER, --worker $worker, JSONL output"
    t=$(now)
    job "spark-$worker" "$worker"
    rate "Spark $MASTER --worker $worker (wall, with startup)" "$(since "$t")"
done

echo "== Spark $MASTER, Parquet output"
job spark-parquet "$(awk -F'"' '/^DEFAULT_WORKER = / { print $2 }' examples/spark/gazex_spark.py)" --format parquet

echo "== compare"
for worker in process package; do
    echo "-- --worker $worker"
    more=()
    if [ "$worker" = process ]; then more=(--parquet "$WORK/spark-parquet" --files "$WORK/files.jsonl"); fi
    "$VENV/bin/python" examples/spark/check.py "$WORK/plain.jsonl" "$WORK/spark-$worker" ${more[@]+"${more[@]}"} \
        2>"$WORK/check-$worker.log" || { tail -20 "$WORK/check-$worker.log"; exit 1; }
done
echo "spark: 2 passed, 0 failed"
