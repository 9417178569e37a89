#!/usr/bin/env bash
# The Spark equality test (issue 9): the example job on Spark local[2] finds
# the same mentions as a plain `gazex extract` over the same documents.
#
#   examples/spark/test.sh
#
# Installs PySpark (examples/spark/requirements.txt) into a virtualenv
# ($GAZEX_SPARK_VENV, default target/spark-venv; kept between runs), builds
# gazex in release mode, writes the bundled articles plus $GAZEX_SPARK_DOCS
# (default 10000) generated documents as JSONL, then runs gazex plainly and
# the Spark job twice (JSONL and Parquet output) and compares. Needs Java 17
# (or 8/11) and Python 3.8+. Prints wall times and throughput of both runs.
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

echo "== Spark $MASTER, JSONL output"
t=$(now)
"$VENV/bin/python" examples/spark/gazex_spark.py "$WORK/corpus.jsonl" "$WORK/spark-jsonl" \
    --master "$MASTER" --partitions "$PARTITIONS" --gazex "$BIN" 2>"$WORK/spark-jsonl.log" \
    || { tail -50 "$WORK/spark-jsonl.log"; exit 1; }
rate "Spark $MASTER (wall, with startup)" "$(since "$t")"

echo "== Spark $MASTER, Parquet output"
"$VENV/bin/python" examples/spark/gazex_spark.py "$WORK/corpus.jsonl" "$WORK/spark-parquet" \
    --master "$MASTER" --partitions "$PARTITIONS" --gazex "$BIN" --format parquet 2>"$WORK/spark-parquet.log" \
    || { tail -50 "$WORK/spark-parquet.log"; exit 1; }

echo "== compare"
"$VENV/bin/python" examples/spark/check.py "$WORK/plain.jsonl" "$WORK/spark-jsonl" \
    --parquet "$WORK/spark-parquet" --files "$WORK/files.jsonl" 2>"$WORK/check.log" \
    || { tail -20 "$WORK/check.log"; exit 1; }
echo "spark: 1 passed, 0 failed"
