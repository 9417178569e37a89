#!/usr/bin/env python3
"""Build a dated test split from hand-annotated sources.

Usage: python3 tests/data/dated/build.py SPLIT [--check]

Reads tests/data/dated/src/SPLIT/*.txt. Each file starts with a line
`date: YYYY-MM-DD` (or `YYYY-MM` or `YYYY`), then a blank line, then the
article with inline markup `[[surface text|ID1 ID2 ...|form]]`.
Writes tests/data/dated/SPLIT.jsonl (one record per article) and
tests/data/dated/SPLIT-gold.jsonl (one record per mention).
With --check, writes nothing and exits 1 if either output is missing or stale.
Python 3 standard library only.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
GAZ_DIR = os.path.join(ROOT, "gazetteers")

MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\]\]")
DATE = re.compile(r"^date: (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")
FORMS = ("full", "surname", "short", "alias", "variant")


def fail(msg):
    sys.stderr.write("build.py: error: " + msg + "\n")
    sys.exit(2)


def load_gazetteers():
    ents = {}
    for path in sorted(glob.glob(os.path.join(GAZ_DIR, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                s = line.strip()
                if not s or s.startswith("//") or s.startswith("#"):
                    continue
                try:
                    obj = json.loads(s)
                except ValueError as e:
                    fail("%s:%d: bad JSON: %s" % (path, n, e))
                if "id" in obj:
                    ents[obj["id"]] = obj
    if not ents:
        fail("no gazetteer entities found under " + GAZ_DIR)
    return ents


def alias_names(ent):
    out = []
    for a in ent.get("aliases") or []:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name and name not in out:
            out.append(name)
    return out


def parse_file(path, ents):
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    raw = raw.replace("\r\n", "\n")
    lines = raw.split("\n", 2)
    if len(lines) < 3:
        fail("%s: expected a date line, a blank line, then the article" % path)
    m = DATE.match(lines[0].strip())
    if not m:
        fail("%s: first line must be 'date: YYYY[-MM[-DD]]', got %r" % (path, lines[0]))
    date = m.group(1)
    if lines[1].strip() != "":
        fail("%s: second line must be blank" % path)
    body = lines[2].rstrip("\n")

    text_parts = []
    mentions = []
    pos = 0
    char_len = 0
    byte_len = 0
    for mm in MARK.finditer(body):
        before = body[pos:mm.start()]
        text_parts.append(before)
        char_len += len(before)
        byte_len += len(before.encode("utf-8"))
        surface, idfield, form = mm.group(1), mm.group(2), mm.group(3).strip()
        ids = idfield.split()
        lineno = body.count("\n", 0, mm.start()) + 3
        where = "%s:%d: %r" % (path, lineno, mm.group(0))
        if form not in FORMS:
            fail("%s: form must be one of %s" % (where, "/".join(FORMS)))
        if not ids:
            fail("%s: no ids" % where)
        if len(set(ids)) != len(ids):
            fail("%s: duplicate id" % where)
        for i in ids:
            if i not in ents:
                fail("%s: id %r is not in the gazetteers" % (where, i))
        if surface != surface.strip():
            fail("%s: surface text has leading/trailing whitespace" % where)
        types = {ents[i].get("type") for i in ids}
        if len(types) != 1:
            fail("%s: ids of different entity types %s" % (where, sorted(map(str, types))))
        first = ents[ids[0]]
        mentions.append({
            "doc": stem,
            "start": byte_len,
            "end": byte_len + len(surface.encode("utf-8")),
            "char_start": char_len,
            "char_end": char_len + len(surface),
            "text": surface,
            "entity": first.get("name"),
            "entity_type": first.get("type"),
            "names": alias_names(first),
            "form": form,
            "ids": ids,
        })
        text_parts.append(surface)
        char_len += len(surface)
        byte_len += len(surface.encode("utf-8"))
        pos = mm.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)

    for bad in ("[[", "]]"):
        if bad in text:
            ln = text.count("\n", 0, text.index(bad)) + 3
            fail("%s:%d: unparsed markup %r left in the text" % (path, ln, bad))

    b = text.encode("utf-8")
    prev_end = -1
    for g in mentions:
        if b[g["start"]:g["end"]].decode("utf-8") != g["text"]:
            fail("%s: byte span check failed for %r" % (path, g["text"]))
        if text[g["char_start"]:g["char_end"]] != g["text"]:
            fail("%s: char span check failed for %r" % (path, g["text"]))
        if g["start"] < prev_end:
            fail("%s: overlapping spans at %r" % (path, g["text"]))
        prev_end = g["end"]
    return {"id": stem, "date": date, "text": text}, mentions


def build(split):
    src = os.path.join(HERE, "src", split)
    files = sorted(glob.glob(os.path.join(src, "*.txt")))
    if not files:
        fail("no source files in " + src)
    ents = load_gazetteers()
    docs, gold = [], []
    seen = set()
    for p in files:
        doc, ms = parse_file(p, ents)
        if doc["id"] in seen:
            fail("duplicate document id " + doc["id"])
        seen.add(doc["id"])
        docs.append(doc)
        gold.extend(ms)
    gold.sort(key=lambda g: (g["doc"], g["start"]))
    dump = lambda recs: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    return dump(docs), dump(gold), len(docs), len(gold)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = [a for a in argv if a.startswith("--")]
    if len(args) != 1 or any(f != "--check" for f in flags):
        sys.stderr.write(__doc__)
        return 2
    split = args[0]
    if not re.match(r"^[A-Za-z0-9_-]+$", split):
        fail("bad split name %r" % split)
    docs, gold, nd, ng = build(split)
    outs = {
        os.path.join(HERE, split + ".jsonl"): docs,
        os.path.join(HERE, split + "-gold.jsonl"): gold,
    }
    if "--check" in flags:
        stale = []
        for path, content in outs.items():
            try:
                with open(path, encoding="utf-8") as f:
                    cur = f.read()
            except OSError:
                cur = None
            if cur != content:
                stale.append(os.path.relpath(path, ROOT))
        if stale:
            sys.stderr.write("build.py: stale or missing: %s (run: python3 tests/data/dated/build.py %s)\n"
                             % (", ".join(stale), split))
            return 1
        print("%s: up to date (%d articles, %d mentions)" % (split, nd, ng))
        return 0
    for path, content in outs.items():
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
    print("%s: wrote %d articles, %d mentions" % (split, nd, ng))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
