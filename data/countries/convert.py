#!/usr/bin/env python3
"""Builds countries.tsv from the npm package world-countries (mledoze/countries).

usage: convert.py PATH/TO/node_modules/world-countries/countries.json > countries.tsv

One line per country: its names, a tab, then the words that name it in news
text (the names again, the English demonyms, the capitals), each field
'|'-separated, written as the source writes them (gazex folds them). Names
are the common and official English names and the alternative spellings of
three letters or more in Latin letters (two-letter ISO codes are left out:
"US", "IN" are words). Lines sorted by common name.
"""
import json
import sys
import unicodedata


def latin(s):
    return all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in s
    )


def main(path):
    rows = []
    for c in json.load(open(path, encoding="utf-8")):
        names = [c["name"]["common"], c["name"]["official"]]
        for a in c.get("altSpellings", []):
            if len(a) >= 3 and latin(a) and a != c["cca2"]:
                names.append(a)
        dem = c.get("demonyms", {}).get("eng", {})
        cues = list(names) + [dem.get("m", ""), dem.get("f", "")] + c.get("capital", [])
        uniq = lambda xs: list(dict.fromkeys(x.strip() for x in xs if x and x.strip()))
        for x in uniq(names) + uniq(cues):
            assert "|" not in x and "\t" not in x, x
        rows.append((c["name"]["common"], "|".join(uniq(names)), "|".join(uniq(cues))))
    rows.sort()
    for _, names, cues in rows:
        print(f"{names}\t{cues}")


if __name__ == "__main__":
    main(sys.argv[1])
