#!/usr/bin/env bash
# Start-up cost of `gazex extract` on one tiny file (one sentence, two
# mentions), from an empty folder, as an installed binary runs: the lists
# built from source against the same lists read compiled, side by side in
# the same run, RUNS runs each (default 5), interleaved. Prints every run
# and, per row, the median wall time, the median CPU time (user + system:
# less disturbed than the wall time when other processes share the
# machine), the median load+build time gazex reports (--stats: reading or
# building the gazetteers, before the scan) and the median peak RSS. Needs
# GNU time (/usr/bin/time).
#
# Rows:
#   bundled-built     no -g, cache off (GAZEX_CACHE_DIR=''): the bundled
#                     lists decompressed, parsed, merged and compiled
#   bundled-cached    no -g: the bundled lists read from the cache folder
#                     (a temporary one, filled by one run first)
#   folder            -g gazetteers (the same lists, from the files)
#   compiled          -g FILE compiled from gazetteers/ by
#                     `gazex gazetteer compile`
#   500k-source       -g names-500k.txt (500,000 synthetic names)
#   500k-compiled     -g the same list compiled
# The 500k rows need benches/throughput/data/gaz/names-500k.txt (made by
# benches/throughput/gen_gazetteers.py, which needs Faker: `pip install
# faker`; benches/throughput/make-data.sh installs it); without it they are
# skipped, saying so. BIG=0 skips them too.
#
# Every row of a group must give the same output as the others (checked).
#
#   benches/startup.sh [GAZEX_BINARY]     (default: target/release/gazex,
#                                          built with cargo build --release;
#                                          a relative path is from the
#                                          repository)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BIG=${BIG:-1}
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
case $BIN in
/*) bin=$BIN ;;
*) bin="$repo/$BIN" ;;
esac
big="$repo/benches/throughput/data/gaz/names-500k.txt"
export GAZEX_CACHE_DIR="$work/cache"

"$bin" gazetteer compile -g "$repo/gazetteers" -o "$work/gazetteers.gazex" 2>/dev/null
"$bin" extract -q "$work/one.txt" >/dev/null # fills the cache
labels="bundled-built bundled-cached folder compiled"
if [ "$BIG" = 0 ]; then
    echo "500k rows skipped (BIG=0)"
elif [ -f "$big" ]; then
    "$bin" gazetteer compile -g "$big" -o "$work/500k.gazex" 2>/dev/null
    labels="$labels 500k-source 500k-compiled"
else
    echo "500k rows skipped: no $big (run benches/throughput/gen_gazetteers.py)"
fi

run() { # label, gazex arguments…
    local label=$1
    shift
    # From an empty folder, as an installed binary runs.
    (cd "$work" && /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" extract -q --stats=json "$@" one.txt \
        >"$work/out-$label" 2>"$work/stats")
    local load
    load=$(grep '^{' "$work/stats" | sed 's/.*"build_seconds":\([0-9.e-]*\).*/\1/')
    read -r secs kb user sys <"$work/time"
    echo "$label $secs $kb $load $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" | tee -a "$work/all"
}

for _ in $(seq "$RUNS"); do
    for label in $labels; do
        case $label in
        bundled-built) GAZEX_CACHE_DIR='' run "$label" ;;
        bundled-cached) run "$label" ;;
        folder) run "$label" -g "$repo/gazetteers" ;;
        compiled) run "$label" -g "$work/gazetteers.gazex" ;;
        500k-source) run "$label" -g "$big" ;;
        500k-compiled) run "$label" -g "$work/500k.gazex" ;;
        esac
    done
done
for label in bundled-cached folder compiled; do
    cmp -s "$work/out-bundled-built" "$work/out-$label" ||
        { echo "startup.sh: $label: output differs from bundled-built" >&2; exit 1; }
done
[ "$(wc -l <"$work/out-bundled-built")" -eq 2 ] ||
    { echo "startup.sh: expected 2 mentions with the bundled lists" >&2; exit 1; }
case $labels in *500k*)
    cmp -s "$work/out-500k-source" "$work/out-500k-compiled" ||
        { echo "startup.sh: 500k: compiled output differs from source" >&2; exit 1; } ;;
esac

median() { # label, column
    awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$work/all" | sort -g |
        awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
echo
echo "median of $RUNS runs: wall s, CPU s, load+build s (gazex --stats), peak RSS MB"
for label in $labels; do
    awk -v l="$label" -v w="$(median "$label" 2)" -v k="$(median "$label" 3)" -v b="$(median "$label" 4)" \
        -v c="$(median "$label" 5)" \
        'BEGIN { printf "%-15s %5.3f s  %5.2f s  %5.3f s  %4.0f MB\n", l, w, c, b, k / 1024 }'
done
ls -l "$work"/*.gazex "$work"/cache/*.gazex | awk '{ printf "%s %.1f MB\n", $NF, $5 / 1e6 }'
