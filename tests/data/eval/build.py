#!/usr/bin/env python3
"""Build the gazex evaluation corpus from annotated sources.

Reads  tests/data/eval/src/NNN_slug.txt  (articles with inline markup
[[surface text|Entity Name|form]]) and tests/data/eval/entities.jsonl,
writes tests/data/eval/articles/NNN_slug.txt (clean UTF-8 text) and
tests/data/eval/gold.jsonl (one mention per line, sorted by doc, start).

Standard library only. Run from anywhere:  python3 tests/data/eval/build.py
Options: --check   verify that articles/ and gold.jsonl are up to date
                   (exit 1 if rebuilding would change them); writes nothing.
         --lint    also print unmarked occurrences of marked surface
                   strings (review aid: traps are expected to show up).
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "articles")
GOLD = os.path.join(HERE, "gold.jsonl")
ENTITIES = os.path.join(HERE, "entities.jsonl")

FORMS = {"full", "surname", "short"}
TYPES = {"person", "organization", "vessel", "aircraft"}
# surface may span a line break; it may not contain '|' or ']'
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\|([a-z]+)\]\]")
FILE_RE = re.compile(r"^\d{3}_[a-z0-9_]+\.txt$")


def load_entities():
    ents = {}
    with open(ENTITIES, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            e = json.loads(line)
            for k in ("entity", "entity_type", "names", "source"):
                assert k in e, f"entities.jsonl:{n}: missing {k}"
            assert e["entity_type"] in TYPES, f"entities.jsonl:{n}: bad type"
            assert isinstance(e["names"], list), f"entities.jsonl:{n}: names"
            assert e["entity"] not in ents, f"duplicate entity {e['entity']}"
            ents[e["entity"]] = e
    return ents


def parse(name, raw, ents):
    """Strip markup; return clean text and mentions with char offsets."""
    assert raw.count("[[") == raw.count("]]"), f"{name}: unbalanced [[ ]]"
    out, mentions, pos = [], [], 0
    clen = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        assert "[[" not in before and "]]" not in before, \
            f"{name}: malformed markup near: {before[-60:]!r}"
        out.append(before)
        clen += len(before)
        surface, entity, form = m.group(1), m.group(2), m.group(3)
        assert form in FORMS, f"{name}: bad form {form!r} in {m.group(0)!r}"
        assert entity in ents, f"{name}: entity {entity!r} not in entities.jsonl"
        assert surface == surface.strip(), f"{name}: surface has outer space: {surface!r}"
        mentions.append((clen, clen + len(surface), surface, entity, form))
        out.append(surface)
        clen += len(surface)
        pos = m.end()
    rest = raw[pos:]
    assert "[[" not in rest and "]]" not in rest, f"{name}: malformed markup at end"
    out.append(rest)
    return "".join(out), mentions


def build():
    ents = load_entities()
    files = sorted(f for f in os.listdir(SRC) if f.endswith(".txt"))
    assert files, "no source articles"
    articles, gold, used = {}, [], Counter()
    for fn in files:
        assert FILE_RE.match(fn), f"bad file name {fn}"
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            raw = f.read()
        assert "\r" not in raw, f"{fn}: CR characters"
        text, mentions = parse(fn, raw, ents)
        data = text.encode("utf-8")
        articles[fn] = data
        # char offset -> byte offset
        for cs, ce, surface, entity, form in mentions:
            bs = len(text[:cs].encode("utf-8"))
            be = bs + len(surface.encode("utf-8"))
            assert data[bs:be].decode("utf-8") == surface, (fn, surface)
            assert text[cs:ce] == surface, (fn, surface)
            e = ents[entity]
            names = [entity] + [n for n in e["names"] if n != entity]
            gold.append({
                "doc": fn, "start": bs, "end": be,
                "char_start": cs, "char_end": ce, "text": surface,
                "entity": entity, "entity_type": e["entity_type"],
                "names": names, "form": form,
            })
            used[entity] += 1
    gold.sort(key=lambda g: (g["doc"], g["start"]))
    # no overlapping spans
    for a, b in zip(gold, gold[1:]):
        if a["doc"] == b["doc"]:
            assert a["end"] <= b["start"], f"overlap in {a['doc']}: {a['text']!r} / {b['text']!r}"
    unused = sorted(set(ents) - set(used))
    assert not unused, f"entities never mentioned: {unused}"
    return articles, gold, ents


def lint(articles, gold):
    by_doc = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    for doc, data in sorted(articles.items()):
        text = data.decode("utf-8")
        spans = [(g["char_start"], g["char_end"]) for g in by_doc.get(doc, [])]
        surfaces = {g["text"] for g in gold}
        for s in sorted(surfaces):
            for m in re.finditer(re.escape(s), text):
                if not any(a <= m.start() < b for a, b in spans):
                    ctx = text[max(0, m.start() - 30):m.end() + 30].replace("\n", "\\n")
                    print(f"lint {doc}: unmarked {s!r}: ...{ctx}...")


def main():
    check = "--check" in sys.argv
    articles, gold, ents = build()
    gold_bytes = "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold).encode("utf-8")
    if check:
        stale = []
        for fn, data in articles.items():
            p = os.path.join(OUT, fn)
            if not os.path.exists(p) or open(p, "rb").read() != data:
                stale.append(fn)
        if not os.path.exists(GOLD) or open(GOLD, "rb").read() != gold_bytes:
            stale.append("gold.jsonl")
        if os.path.isdir(OUT):
            stale += [f"extra: {f}" for f in os.listdir(OUT) if f not in articles]
        if stale:
            print("out of date:", ", ".join(stale))
            sys.exit(1)
        print("up to date")
    else:
        os.makedirs(OUT, exist_ok=True)
        for f in os.listdir(OUT):
            if f.endswith(".txt") and f not in articles:
                os.remove(os.path.join(OUT, f))
        for fn, data in articles.items():
            with open(os.path.join(OUT, fn), "wb") as f:
                f.write(data)
        with open(GOLD, "wb") as f:
            f.write(gold_bytes)
    # re-verify what is on disk (or would be) against the gold
    for g in gold:
        data = articles[g["doc"]]
        assert data[g["start"]:g["end"]].decode("utf-8") == g["text"]
        assert data.decode("utf-8")[g["char_start"]:g["char_end"]] == g["text"]
    if "--lint" in sys.argv:
        lint(articles, gold)
    forms = Counter(g["form"] for g in gold)
    types = Counter(g["entity_type"] for g in gold)
    print(f"{len(articles)} articles, {len(gold)} mentions, {len({g['entity'] for g in gold})} entities")
    print("by form:", dict(sorted(forms.items())))
    print("by type:", dict(sorted(types.items())))


if __name__ == "__main__":
    main()
