#!/usr/bin/env python3
"""Builds countries.tsv from the npm package world-countries (mledoze/countries).

usage: convert.py PATH/TO/node_modules/world-countries/countries.json > countries.tsv

One line per country: its names, a tab, its English demonyms, a tab, its
capitals, each field '|'-separated, written as the source writes them (gazex
folds them). Names
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
        uniq = lambda xs: list(dict.fromkeys(x.strip() for x in xs if x and x.strip()))
        demonyms = uniq([dem.get("m", ""), dem.get("f", "")])
        capitals = uniq(c.get("capital", []))
        for x in uniq(names) + demonyms + capitals:
            assert "|" not in x and "\t" not in x, x
        rows.append(
            (c["name"]["common"], "|".join(uniq(names)), "|".join(demonyms), "|".join(capitals))
        )
    rows.sort()
    for _, names, demonyms, capitals in rows:
        print(f"{names}\t{demonyms}\t{capitals}")


if __name__ == "__main__":
    main(sys.argv[1])
