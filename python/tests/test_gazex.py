"""Tests of the gazex Python package: the same records as the CLI, threads,
bad input, the interpreter's lock released.

The equality tests run the gazex binary named by $GAZEX_BIN (.ci/run sets
it); without it they are skipped. Run from the repository's root or
anywhere: paths are taken from this file's place.
"""

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import gazex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
DATED = ROOT / "tests" / "data" / "dated"
# A fixed date for texts with none, so that the CLI and the package agree
# whatever the day (and the day the run crosses midnight).
DATE = "2024-06-20"


@pytest.fixture(scope="module")
def ex():
    return gazex.Extractor(date=DATE, datelines=True)


def cli(*args):
    """The records the gazex binary writes for ``args``, run from the
    repository's root."""
    binary = os.environ.get("GAZEX_BIN")
    if not binary:
        pytest.skip("GAZEX_BIN names no gazex binary")
    out = subprocess.run(
        [binary, "extract", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


def corpus_files():
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    assert files, "no press reports in corpus/"
    return files


def test_press_reports_equal_the_cli(ex):
    want = cli("--date", DATE, "corpus")
    got = []
    for path in corpus_files():
        doc = str(path.relative_to(ROOT))
        got.extend(ex.extract(path.read_text(encoding="utf-8"), doc_id=doc))
    assert len(got) >= 20
    assert got == want


def test_press_reports_extract_many_equal_extract(ex):
    inputs = [
        (str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in corpus_files()
    ]
    one_by_one = [ex.extract(t, doc_id=i) for i, t in inputs]
    assert sum(map(len, one_by_one)) >= 20
    assert list(ex.extract_many(inputs)) == one_by_one


def test_paths_are_read_as_the_cli_reads_files(ex, tmp_path):
    """A path (os.PathLike) is read on the worker threads as `gazex
    extract` reads the file: text or HTML, .gz, its encoding; the records
    are the CLI's, offsets into the file included."""
    import gzip
    import shutil

    for p in corpus_files():
        shutil.copy(p, tmp_path / p.name)
    page = (
        '<html><head><meta property="article:published_time" content="2014-03-20">'
        "</head><body><p>Sanctions on <b>Gennady Timchenko</b> and "
        "Bank Rossiya.</p></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "zipped.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 \xe0 Moscou: Vladimir Poutine, Vladimir Putin.".encode("latin-1"))
    want = cli("--date", DATE, str(tmp_path))
    paths = sorted(tmp_path.iterdir())
    got = [m for ms in ex.extract_many(paths) for m in ms]
    assert len(got) >= 25
    assert got == want
    assert {m["doc_date_source"] for m in got} >= {"html", "flag"}
    # One path alone; its str is a text, not a path.
    one = tmp_path / "page.html"
    assert ex.extract(one) == [m for m in want if m["doc"] == str(one)]
    assert ex.extract(os.fspath(one)) == []
    # A JSON Lines file is many documents: refused, named.
    (tmp_path / "records.jsonl").write_text('{"text": "Vladimir Putin"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="records.jsonl"):
        ex.extract(tmp_path / "records.jsonl")
    # A file that cannot be read is the error in its place, naming it;
    # the inputs after it are read.
    it = ex.extract_many([one, tmp_path / "missing.txt", ("named", one)])
    assert next(it)
    with pytest.raises(ValueError, match="missing.txt"):
        next(it)
    after = next(it)
    assert after and {m["doc"] for m in after} == {"named"}
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ValueError, match="binary.txt"):
        ex.extract(tmp_path / "binary.txt")


def dated_records(split):
    with open(DATED / f"{split}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.mark.parametrize("split", ["dev", "spell-dev"])
def test_dated_test_corpus_equals_the_cli(split):
    # JSON Lines records: the record's own date, no dateline.
    ex = gazex.Extractor(date=DATE)
    want = cli("--date", DATE, f"tests/data/dated/{split}.jsonl")
    records = dated_records(split)
    inputs = [(r["id"], r["text"], r.get("date")) for r in records]
    got = [m for ms in ex.extract_many(inputs) for m in ms]
    assert len(got) >= 50
    assert got == want


def same(got, want, where="record"):
    """``got`` is ``want`` exactly: the same types (an int is not a float),
    a dict's keys in the same order, recursively. ``==`` alone would take
    1 for 1.0 and ignore key order."""
    assert type(got) is type(want), f"{where}: {type(got).__name__} {got!r}, want {type(want).__name__} {want!r}"
    if isinstance(want, dict):
        assert list(got) == list(want), f"{where}: keys {list(got)}, want {list(want)}"
        for k in want:
            same(got[k], want[k], f"{where}.{k}")
    elif isinstance(want, list):
        assert len(got) == len(want), f"{where}: {len(got)} items, want {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            same(g, w, f"{where}[{i}]")
    else:
        assert got == want, f"{where}: {got!r}, want {want!r}"


def test_dicts_are_the_cli_records_exactly():
    # Every optional part of a record (evidence, candidates, context, every
    # property of the entity, with its numbers and nested values), field
    # order and types included, against json.loads of the CLI's lines.
    opts = ["--context", "25", "--fields", "all", "--min-confidence", "0"]
    want = cli("--date", DATE, *opts, "tests/data/dated/dev.jsonl")
    ex = gazex.Extractor(date=DATE, context=25, fields="all", min_confidence=0.0)
    inputs = [(r["id"], r["text"], r.get("date")) for r in dated_records("dev")]
    got = [m for ms in ex.extract_many(inputs) for m in ms]
    assert len(got) == len(want) >= 50
    for i, (g, w) in enumerate(zip(got, want)):
        same(g, w, f"record {i}")
    for part in ("evidence", "candidates", "context", "properties"):
        assert any(m.get(part) for m in want), f"no record with {part}: the test would not see it"
    values = [v for m in want for v in m.get("properties", {}).values()]
    assert any(isinstance(v, (dict, list)) for v in values)
    # One text through extract: the same dicts.
    first = inputs[0]
    one = ex.extract(first[1], doc_id=first[0], date=first[2])
    same(one, [m for m in want if m["doc"] == first[0]])


def test_offsets_index_the_python_str(ex):
    text = "«Ким Чен Ын» — no: Kim Jong Un met Vladimir Putin 🙂 and Ashot Mkrtychev."
    ms = ex.extract(text)
    assert len(ms) >= 3
    raw = text.encode("utf-8")
    for m in ms:
        assert text[m["char_start"] : m["char_end"]] == m["text"]
        assert raw[m["start"] : m["end"]].decode("utf-8") == m["text"]
    assert any(m["start"] != m["char_start"] for m in ms)


def test_results_do_not_depend_on_threads():
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
    texts += [r["text"] for r in dated_records("dev")]
    one = list(gazex.Extractor(threads=1, date=DATE).extract_many(texts, batch_size=7))
    two = list(gazex.Extractor(threads=2, date=DATE).extract_many(texts))
    assert sum(map(len, one)) >= 50
    assert one == two
    # Inputs without an id are named by their position.
    assert {m["doc"] for ms in one for m in ms} <= {str(i) for i in range(len(texts))}


def test_extract_many_is_lazy_and_ordered(ex):
    pulled = []

    def inputs():
        for i in range(300):
            pulled.append(i)
            yield (f"d{i}", f"Text {i}: Vladimir Putin spoke.")

    it = ex.extract_many(inputs(), batch_size=10)
    first = next(it)
    assert first and first[0]["doc"] == "d0"
    # The batch yielded, and the next one being matched meanwhile.
    assert len(pulled) == 20
    for _ in range(9):
        next(it)
    assert len(pulled) == 20
    # The eleventh: the second batch yielded, the third being matched, and
    # the fourth's inputs taken while the workers matched the second.
    assert next(it)[0]["doc"] == "d10"
    assert len(pulled) == 30
    rest = list(it)
    assert [ms[0]["doc"] for ms in rest] == [f"d{i}" for i in range(11, 300)]


def test_bad_input_raises_clear_exceptions(ex):
    with pytest.raises(TypeError, match="text must be a str or a path \\(os.PathLike\\), not NoneType"):
        ex.extract(None)
    with pytest.raises(TypeError, match="not bytes"):
        ex.extract(b"Putin")
    with pytest.raises(TypeError, match="not int"):
        ex.extract(12)
    with pytest.raises(ValueError, match="invalid date"):
        ex.extract("Putin", date="2024-13-40")
    with pytest.raises(ValueError, match="invalid date"):
        ex.extract("Putin", date="yesterday")
    with pytest.raises(TypeError, match="date must be a str"):
        ex.extract("Putin", date=20240101)
    with pytest.raises(UnicodeEncodeError):
        ex.extract("Putin \ud800")
    with pytest.raises(TypeError, match="input 1 is a int"):
        list(ex.extract_many(["Putin", 5]))
    # The inputs before a bad one are yielded first.
    it = ex.extract_many(["Vladimir Putin", "Kim Jong Un", 5], batch_size=2)
    assert next(it) and next(it)
    with pytest.raises(TypeError, match="input 2 is a int"):
        next(it)
    # A bad input inside a batch: the inputs before it first, then the
    # error, then nothing.
    it = ex.extract_many(["Vladimir Putin", 5, "Kim Jong Un"], batch_size=10)
    assert next(it)[0]["text"] == "Vladimir Putin"
    with pytest.raises(TypeError, match="input 1 is a int"):
        next(it)
    assert list(it) == []
    with pytest.raises(TypeError, match="input 0: the text is a NoneType"):
        list(ex.extract_many([("a", None)]))
    with pytest.raises(TypeError, match="not one str"):
        ex.extract_many("Putin")
    with pytest.raises(TypeError):
        ex.extract_many(5)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        gazex.Extractor(threads=0)
    with pytest.raises(ValueError, match="min_confidence"):
        gazex.Extractor(min_confidence=2)
    with pytest.raises(ValueError, match="nonexistent"):
        gazex.Extractor(gazetteers=["/nonexistent/lists.jsonl"])
    # The extractor still works after all that.
    assert ex.extract("Vladimir Putin")


def test_dates(ex):
    import datetime

    for d in ["2003", "2003-03", "2003-03-01", "2003-03-01T10:00:00Z",
              datetime.date(2003, 3, 1), datetime.datetime(2003, 3, 1, 10)]:
        ms = ex.extract("President Bush spoke.", date=d)
        assert ms and ms[0]["doc_date"].startswith("2003")
        assert ms[0]["doc_date_source"] == "field"
    # Without a date of its own: the extractor's date (as --date).
    ms = ex.extract("Vladimir Putin spoke.")
    assert ms[0]["doc_date"] == DATE and ms[0]["doc_date_source"] == "flag"
    # A dateline, with datelines=True.
    ms = ex.extract("MOSCOW, March 3, 2001 -- Vladimir Putin spoke.")
    assert ms[0]["doc_date"] == "2001-03-03" and ms[0]["doc_date_source"] == "dateline"


def test_huge_text():
    small = gazex.Extractor(max_text_bytes=1000, threads=1)
    with pytest.raises(ValueError, match="larger than the limit of 1000 bytes"):
        small.extract("Vladimir Putin " * 100)
    it = small.extract_many(["Vladimir Putin", "x" * 2000])
    assert next(it)
    with pytest.raises(ValueError, match="larger than the limit"):
        next(it)
    # 16 MB of text is matched whole.
    big = "Filler words here. " * 800_000 + "Vladimir Putin spoke."
    ms = gazex.Extractor(threads=1).extract(big)
    assert [m["text"] for m in ms] == ["Vladimir Putin"]
    assert big[ms[0]["char_start"] : ms[0]["char_end"]] == "Vladimir Putin"


def test_the_lock_is_released_while_matching(ex):
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()] * 150
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    try:
        start = time.perf_counter()
        # One batch: all the matching happens in one call without the lock.
        results = list(ex.extract_many(texts, batch_size=len(texts)))
        end = time.perf_counter()
        # A single long text, on the calling thread.
        start1 = time.perf_counter()
        ex.extract(" ".join(texts[:100]))
        end1 = time.perf_counter()
    finally:
        stop.set()
        t.join()
    assert len(results) == len(texts)
    during = [x for x in ticks if start < x < end]
    during1 = [x for x in ticks if start1 < x < end1]
    # The other thread ran all along (with the lock held it could not have
    # run at all while the batch was matched).
    assert len(during) >= 5, (len(during), end - start)
    assert len(during1) >= 2, (len(during1), end1 - start1)


def test_extract_frame_equals_extract_many(ex):
    pd = pytest.importorskip("pandas")
    files = corpus_files()
    df = pd.DataFrame(
        {
            "id": [str(p.relative_to(ROOT)) for p in files] + ["dated"],
            "text": [p.read_text(encoding="utf-8") for p in files]
            + ["President Bush spoke in Crawford."],
            "published": [None] * len(files) + [pd.Timestamp("2003-03-01")],
        }
    )
    frame = ex.extract_frame(df, date="published")
    assert list(frame.columns[: len(gazex.COLUMNS)]) == gazex.COLUMNS
    inputs = [
        (i, t, d if d is not None and d == d else None)
        for i, t, d in zip(df["id"], df["text"], df["published"])
    ]
    want = [m for ms in ex.extract_many(inputs) for m in ms]
    assert len(frame) == len(want) >= 20
    assert frame["mention_id"].tolist() == [m["mention_id"] for m in want]
    assert frame["char_start"].tolist() == [m["char_start"] for m in want]
    bush = frame[frame["doc"] == "dated"]
    assert bush["doc_date"].tolist() == ["2003-03-01"]
    # Without an id column, the index names the documents.
    by_index = ex.extract_frame(df.drop(columns=["id"]).set_index(df["id"]), id=None)
    assert by_index["mention_id"].tolist()[: len(want) - 1] == frame["mention_id"].tolist()[: len(want) - 1]
    with pytest.raises(KeyError, match="no column 'body'"):
        ex.extract_frame(df, text="body")


def test_extract_frame_takes_and_gives_arrow(ex):
    pa = pytest.importorskip("pyarrow")
    files = corpus_files()
    table = pa.table(
        {
            "id": [str(p.relative_to(ROOT)) for p in files],
            "text": [p.read_text(encoding="utf-8") for p in files],
        }
    )
    got = ex.extract_frame(table)
    assert isinstance(got, pa.Table)
    assert got.column_names[: len(gazex.COLUMNS)] == gazex.COLUMNS
    want = [m for ms in ex.extract_many(zip(table["id"].to_pylist(), table["text"].to_pylist())) for m in ms]
    assert got.num_rows == len(want) >= 20
    assert got.column("mention_id").to_pylist() == [m["mention_id"] for m in want]
    assert got.column("char_end").to_pylist() == [m["char_end"] for m in want]


def test_options_reach_the_records():
    ex = gazex.Extractor(context=10, fields=["dob"], min_confidence=0.0, date=DATE)
    ms = ex.extract("Ashot Mkrtychev spoke.")
    m = ms[0]
    assert m["context"]["text"].startswith("Ashot Mkrtychev")
    assert "properties" in m
    assert ex.threads >= 1 and ex.entity_count > 1000
    assert "Extractor" in repr(ex)


def cli_jsonl(lines, *args, folder=None):
    """What the gazex binary writes for ``lines``, given as its standard
    input (``gazex extract --input-format jsonl -``), or with ``folder``
    written to ``folder/news.jsonl`` and read from there: its output
    lines, and its errors as ``NAME:LINE: reason``."""
    binary = os.environ.get("GAZEX_BIN")
    if not binary:
        pytest.skip("GAZEX_BIN names no gazex binary")
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if folder is not None:
        (folder / "news.jsonl").write_bytes(data)
    run = subprocess.run(
        [binary, "extract", "--input-format", "jsonl", "--date", DATE, *args,
         "-" if folder is None else "news.jsonl"],
        cwd=folder or ROOT,
        input=data if folder is None else None,
        capture_output=True,
    )
    assert run.returncode in (0, 1), run.stderr
    errors = []
    for line in run.stderr.decode("utf-8").splitlines():
        e = json.loads(line)
        assert e["type"] == "error", line
        errors.append(f"{e['path']}:{e['line']}: {e['reason']}")
    return run.stdout.decode("utf-8").splitlines(), errors


def jsonl_results(it):
    """The record lines of an extract_jsonl iterator, and the messages of
    the ValueErrors it raised on the way (the iteration goes on past
    them)."""
    records, errors = [], []
    while True:
        try:
            records.extend(next(it))
        except StopIteration:
            return records, errors
        except ValueError as e:
            errors.append(str(e))


# Lines on which gazex reads ids, dates and errors its own way: each must
# come out of extract_jsonl as out of the CLI.
TRICKY_LINES = [
    '{"id": "a", "text": "Vladimir Putin met Kim Jong Un."}',
    "",
    " \t ",
    '{"id": 7, "text": "Vladimir Putin spoke."}',
    '{"id": 1e20, "text": "Vladimir Putin spoke."}',
    '{"id": -0, "text": "Vladimir Putin spoke."}',
    '{"id": 18446744073709551616, "text": "Vladimir Putin spoke."}',
    '{"text": "Kim Jong Un spoke."}',
    '{"id": null, "text": "Kim Jong Un spoke."}',
    '{"id": "a", "text": "Vladimir Putin again."}',
    '{"id": "a", "text": "Vladimir Putin a third time."}',
    '{"id": "a", "text": "Vladimir Putin a fourth time."}',
    '{"id": true, "text": "Vladimir Putin"}',
    "not json",
    "[1, 2]",
    '{"id": "b"}',
    '{"id": "c", "text": 5}',
    '{"id": "d", "text": "President Bush spoke.", "date": "2003-03-01T10:00:00Z"}',
    '{"id": "e", "text": "President Bush spoke.", "date": "2003-02-30"}',
    '{"id": "f", "text": "President Bush spoke.", "date": 2003}',
    '{"id": "g", "text": "President Bush spoke.", "date": " 2003-04 "}',
    '{"id": "h", "text": "Vladimir Putin spoke."}\r',
    '{"id": "i", "text": "lone \\ud800 Vladimir Putin"}',
    '{"id": "j", "text": "Caf\\u00e9 \\u00ab Vladimir Putin \\u00bb \U0001F642 and Kim Jong Un"}',
    '{"id": "k", "text": "Vladimir Putin", "n": 1e999}',
]


def test_extract_jsonl_reads_lines_as_the_cli(tmp_path):
    want, want_errors = cli_jsonl(TRICKY_LINES)
    ex = gazex.Extractor(date=DATE, threads=2)
    got, errors = jsonl_results(ex.extract_jsonl(TRICKY_LINES, batch_size=4))
    assert len(want) >= 12 and len(want_errors) >= 7
    assert got == want
    assert errors == want_errors
    docs = [json.loads(r)["doc"] for r in got]
    for doc in ["a", "7", "-0.0", "-:8", "-:9", "-#a", "-:11#a"]:
        assert doc in docs
    # Bytes lines, with their line breaks (a file read in binary), and
    # another source name and fields.
    renamed = [
        line.replace('"id"', '"uid"').replace('"text"', '"body"').replace('"date"', '"day"')
        for line in TRICKY_LINES
    ]
    fields = ["--id-field", "uid", "--text-field", "body", "--date-field", "day"]
    want, want_errors = cli_jsonl(renamed, *fields, folder=tmp_path)
    assert len(want) >= 12 and len(want_errors) >= 7
    assert any(json.loads(r)["doc"] == "news.jsonl:8" for r in want)
    got, errors = jsonl_results(
        ex.extract_jsonl(
            [(line + "\n").encode("utf-8") for line in renamed],
            source="news.jsonl",
            id_field="uid",
            text_field="body",
            date_field="day",
        )
    )
    assert got == want
    assert errors == want_errors


def test_extract_jsonl_equals_the_cli_on_the_dated_corpus():
    path = "tests/data/dated/dev.jsonl"
    binary = os.environ.get("GAZEX_BIN")
    if not binary:
        pytest.skip("GAZEX_BIN names no gazex binary")
    want = subprocess.run(
        [binary, "extract", "--date", DATE, path], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode("utf-8").splitlines()
    with open(ROOT / path, encoding="utf-8") as f:
        it = gazex.Extractor(date=DATE, threads=1).extract_jsonl(f, source=path)
        got = [r for records in it for r in records]
    assert len(got) >= 50
    assert got == want
    # The lines as bytes (read where Python keeps them): the same.
    with open(ROOT / path, "rb") as f:
        it = gazex.Extractor(date=DATE, threads=2).extract_jsonl(f, source=path)
        assert [r for records in it for r in records] == want


def test_extract_jsonl_bad_input():
    ex = gazex.Extractor(threads=1)
    with pytest.raises(TypeError, match="not one str or bytes"):
        ex.extract_jsonl('{"text": "Putin"}')
    with pytest.raises(TypeError, match="input 1 is a int; expected a line"):
        list(ex.extract_jsonl(['{"text": "Putin"}', 5]))
    with pytest.raises(ValueError, match="input 0 holds a line break inside"):
        list(ex.extract_jsonl(['{"text": "Putin"}\n{"text": "Putin"}']))
    it = ex.extract_jsonl(['{"text": "Vladimir Putin"}', None])
    assert json.loads(next(it)[0])["doc"] == "-:1"
    with pytest.raises(TypeError, match="input 1 is a NoneType"):
        next(it)
    # One list per line, in order; blank lines and documents without
    # mentions give empty lists.
    got = list(ex.extract_jsonl(["", '{"id": 1, "text": "Vladimir Putin"}', '{"id": 2, "text": "nobody"}']))
    assert [len(x) for x in got] == [0, 1, 0]
    assert json.loads(got[1][0])["doc"] == "1"
