#!/usr/bin/env python3
"""Regenerate regions.txt from the ISO 3166-2 data of the PyPI package pycountry.

Usage:
    python3 convert.py ISO3166_2_JSON [-o regions.txt]

ISO3166_2_JSON is the package's `pycountry/databases/iso3166-2.json` (from an
installed package or an unpacked wheel).  Standard library only.

Selection (see SOURCE.md): every subdivision with no `parent`, that is the
first level of each country's subdivisions (Mexico's states, Pakistan's
provinces, Syria's governorates, Afghanistan's provinces, ...), whatever
its `type`.  A name written as several ("Bruxelles-Capitale, Region de;
Brussels Hoofdstedelijk Gewest") is split at ";" into its parts; a
"Name, Qualifier" part is read as "Name" ("Sinaloa" stays "sinaloa";
"Bruxelles-Capitale, Region de" -> "bruxelles-capitale"); a trailing
qualifier in brackets and a dagger mark ("Saraj \u2020") are dropped.
Each name is ASCII-folded (NFKD, combining marks dropped, a few letters
that do not decompose mapped by hand),
lower-cased, whitespace collapsed; one that is still not ASCII is dropped
and reported on stderr.  Output: sorted, unique, one name per line.
"""

import argparse
import json
import re
import sys
import unicodedata

TRANSLIT = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ß": "ss", "æ": "ae",
    "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
    "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
    "ə": "e", "Ə": "e",
}


def fold(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = "".join(TRANSLIT.get(ch, ch) for ch in s)
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s if s.isascii() else None


def names(raw):
    for part in raw.split(";"):
        part = re.sub(r"\s*\([^)]*\)\s*$", "", part).replace("\u2020", "")
        part = part.split(",")[0].strip()
        if part:
            yield part


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("-o", "--output", default="regions.txt")
    args = ap.parse_args()
    with open(args.source, encoding="utf-8") as f:
        subs = json.load(f)["3166-2"]
    out = set()
    for s in subs:
        if s.get("parent"):
            continue
        for n in names(s["name"]):
            folded = fold(n)
            if folded is None:
                print(f"dropped (not ASCII after folding): {n}", file=sys.stderr)
            elif folded:
                out.add(folded)
    with open(args.output, "w", encoding="utf-8") as f:
        for n in sorted(out):
            f.write(n + "\n")
    print(f"{len(out)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
