#!/usr/bin/env python3
"""Summarize a gazex mention file run over a corpus with no expected mentions
(e.g. the Brown corpus) as a markdown false-mention report.

usage: mention_report.py MENTIONS.jsonl CORPUS_DIR [--stats "gazex --stats line"]

Prints: corpus MB, mentions, mentions per MB split by sanctions lists (entity ids
starting `ofac-`) vs officials (all other ids), counts by match kind and evidence
kind, and a table of every distinct (text, entity_name, match, evidence kind) with
its count, most frequent first.
"""
import collections
import json
import os
import sys


def main():
    mentions_path, corpus = sys.argv[1], sys.argv[2]
    stats = sys.argv[sys.argv.index("--stats") + 1] if "--stats" in sys.argv else None
    nbytes = nfiles = 0
    for d, _, fs in os.walk(corpus):
        for f in fs:
            nfiles += 1
            nbytes += os.path.getsize(os.path.join(d, f))
    mb = nbytes / 1e6
    rows = [json.loads(l) for l in open(mentions_path, encoding="utf-8") if l.strip()]
    rows = [r for r in rows if r.get("type", "mention") != "error"]

    def side(r):
        return "sanctions" if r["entity_id"].startswith("ofac-") else "officials"

    by_side = collections.Counter(side(r) for r in rows)
    docs_side = collections.defaultdict(set)
    for r in rows:
        docs_side[side(r)].add(r["doc"])
    kinds = collections.Counter((side(r), r["match"], (r.get("evidence") or {}).get("kind", "–"))
                                for r in rows)
    distinct = collections.Counter(
        (side(r), r["text"], r["entity_name"], r["entity_id"], r["match"],
         (r.get("evidence") or {}).get("kind", "–")) for r in rows)

    out = []
    w = out.append
    w(f"Corpus: `{corpus}`, {nfiles} files, {nbytes:,} bytes ({mb:.2f} MB).")
    if stats:
        w(f"\n`--stats`: {stats}")
    w(f"\nMentions: **{len(rows)}** ({len(rows) / mb:.1f} per MB) in "
      f"{len({r['doc'] for r in rows})} of {nfiles} files.\n")
    w("| side | mentions | per MB | files with one | distinct (text, entity) |")
    w("|---|---|---|---|---|")
    for s in ("sanctions", "officials"):
        nd = len({(k[1], k[3]) for k in distinct if k[0] == s})
        w(f"| {s} (`ofac-*`) |" if s == "sanctions" else f"| {s} (other ids) |")
        out[-1] += f" {by_side[s]} | {by_side[s] / mb:.1f} | {len(docs_side[s])} | {nd} |"
    w("\nBy match kind and evidence kind:\n")
    w("| side | match | evidence | mentions |")
    w("|---|---|---|---|")
    for (s, m, e), n in sorted(kinds.items(), key=lambda x: (x[0][0], -x[1])):
        w(f"| {s} | {m} | {e} | {n} |")
    w("\nEvery distinct (text, entity, match, evidence kind), most frequent first:\n")
    w("| count | side | text | entity_name | entity_id | match | evidence |")
    w("|---|---|---|---|---|---|---|")
    for (s, t, name, eid, m, e), n in sorted(distinct.items(), key=lambda x: (-x[1], x[0])):
        t = t.replace("|", "\\|").replace("\n", "⏎")
        name = name.replace("|", "\\|")
        w(f"| {n} | {s} | {t} | {name} | {eid} | {m} | {e} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
