#!/usr/bin/env bash
# Start-up cost of `gazex extract` on one tiny file: the lists bundled in the
# binary against the same lists read from `-g gazetteers`, RUNS runs each
# (default 5), interleaved; prints every run and the median wall time and
# peak RSS of each. Needs GNU time (/usr/bin/time).
#
#   benches/startup.sh [GAZEX_BINARY]     (default: target/release/gazex,
#                                          built with cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BIN=${1:-target/release/gazex}
if [ -z "${1:-}" ]; then
    if [ ! -c /dev/null ] && [ -f /dev/null ] && [ -w /dev/null ]; then : >/dev/null; fi
    cargo build --release --locked --quiet
fi
[ -x /usr/bin/time ] || { echo "startup.sh: needs GNU time (/usr/bin/time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Russian President Vladimir Putin met Kim Jong Un." >"$work/one.txt"
repo=$PWD

run() { # label, gazex arguments…
    local label=$1
    shift
    # From an empty folder, as an installed binary runs.
    (cd "$work" && /usr/bin/time -f "%e %M" -o "$work/time" "$repo/$BIN" extract -q "$@" one.txt >"$work/out")
    [ "$(wc -l <"$work/out")" -eq 2 ] || { echo "startup.sh: $label: expected 2 mentions" >&2; exit 1; }
    read -r secs kb <"$work/time"
    echo "$label $secs $kb" | tee -a "$work/all"
}

for _ in $(seq "$RUNS"); do
    run bundled
    run folder -g "$repo/gazetteers"
done
echo
echo "median of $RUNS runs: wall s, peak RSS MB"
for label in bundled folder; do
    wall=$(awk -v l=$label '$1 == l { print $2 }' "$work/all" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    kb=$(awk -v l=$label '$1 == l { print $3 }' "$work/all" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    awk -v l="$label" -v w="$wall" -v k="$kb" 'BEGIN { printf "%-8s %s s  %.0f MB\n", l, w, k / 1024 }'
done
