#!/usr/bin/env python3
"""Write a deterministic JSONL news corpus for gazex: one {"id", "text"} a line.

The corpus starts with the bundled articles verbatim (corpus/*.txt and
tests/data/eval/articles/*.txt, id = their path from the repository root, so
their mentions can be compared with a plain `gazex extract` over the files),
followed by --docs generated documents ("gen-0000001", ...), each 2 to 8
paragraphs drawn from the bundled articles with a fixed seed. Same arguments,
same bytes, on any machine (Python 3.8+, standard library only).

    python3 examples/spark/make_corpus.py --docs 10000 -o corpus.jsonl
"""

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = ["corpus", "tests/data/eval/articles"]


def bundled(repo):
    """(id, text) of the bundled articles, in path order."""
    docs = []
    for folder in SOURCES:
        for path in sorted((repo / folder).glob("*.txt")):
            docs.append((path.relative_to(repo).as_posix(), path.read_text(encoding="utf-8")))
    return docs


def paragraphs(docs):
    """The non-blank paragraphs of all documents, in order."""
    out = []
    for _, text in docs:
        for p in text.replace("\r\n", "\n").split("\n\n"):
            if p.strip():
                out.append(p.strip("\n"))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000, help="generated documents (default 10000)")
    ap.add_argument("--seed", type=int, default=20261123, help="random seed (default 20261123)")
    ap.add_argument("--no-bundled", action="store_true", help="leave out the bundled articles")
    ap.add_argument("--repo", type=Path, default=REPO, help="repository root (default: this checkout)")
    ap.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    args = ap.parse_args(argv)

    docs = bundled(args.repo)
    pool = paragraphs(docs)
    rng = random.Random(args.seed)
    out = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else sys.stdout
    try:
        if not args.no_bundled:
            for doc_id, text in docs:
                out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        for i in range(args.docs):
            picked = [rng.choice(pool) for _ in range(rng.randint(2, 8))]
            text = "\n\n".join(picked) + "\n"
            out.write(json.dumps({"id": f"gen-{i:07d}", "text": text}, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
