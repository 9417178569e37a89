#!/usr/bin/env bash
# Runs every fuzz target for $1 seconds (default 600), one after another.
set -u
cd "$(dirname "$0")"
for t in normalize readers gazetteer; do
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" -- -max_total_time="${1:-600}" -rss_limit_mb=4096 > "/tmp/fuzz-$t.log" 2>&1
  echo "$t exit $?" >> /tmp/fuzz-summary.log
done
