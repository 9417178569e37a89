"""gazex: find mentions of sanctioned parties and officials in news text.

>>> import gazex
>>> ex = gazex.Extractor()                      # the lists bundled in gazex
>>> for m in ex.extract("Kim Jong Un wrote to Vladimir Putin."):
...     print(m["text"], m["entity_id"], m["confidence"])

Each mention is a dict with the fields of a ``gazex extract`` JSON record
(``mention_id``, ``doc``, ``doc_date``, ``doc_date_source``, ``start``,
``end``, ``char_start``, ``char_end``, ``text``, ``entity_id``,
``entity_name``, ``entity_type``, ``alias``, ``lists``, ``match``,
``confidence``, ``reasons``, and where they apply ``evidence``,
``candidates``, ``context``, ``properties``), with the same values.

Offsets: ``char_start`` and ``char_end`` index the Python ``str`` given
(they count code points), so ``text[m["char_start"]:m["char_end"]] ==
m["text"]``. ``start`` and ``end`` count bytes of the text encoded as
UTF-8: ``text.encode()[m["start"]:m["end"]]``.

Files: give a path (``os.PathLike``, e.g. ``pathlib.Path``; a ``str`` is
always a text) and it is read as ``gazex extract`` reads a file (text or
HTML, ``.gz``, its encoding, an HTML page's publication date or a text's
dateline), named by its path, with the file's offsets, as the CLI writes
them; it is matched whole (the CLI reads a text over 16 MiB in windows).

``Extractor.extract_many`` matches many texts or files on the extractor's
worker threads, with the interpreter's lock released (files are read
there too), yielding each input's mentions in input order; ``Extractor.extract_jsonl`` reads lines of JSON
Lines as ``gazex extract --input-format jsonl`` does and yields, for each
line, its records as the JSON strings the CLI writes (no dicts built: for
programs that pass JSON Lines on, like the Spark example's workers);
``Extractor.extract_frame`` takes and returns a
pandas DataFrame or a pyarrow Table (both optional dependencies: ``pip
install gazex[pandas]`` or ``gazex[arrow]``).
"""

from ._native import Extractor as _NativeExtractor
from ._native import __version__

__all__ = ["Extractor", "COLUMNS", "__version__"]

#: The columns of ``Extractor.extract_frame``'s DataFrame, in order: the
#: record's fields (``evidence``, ``candidates``, ``context`` and
#: ``properties`` are None where a record has none).
COLUMNS = [
    "mention_id",
    "doc",
    "doc_date",
    "doc_date_source",
    "start",
    "end",
    "char_start",
    "char_end",
    "text",
    "entity_id",
    "entity_name",
    "entity_type",
    "alias",
    "lists",
    "match",
    "evidence",
    "confidence",
    "reasons",
    "candidates",
    "context",
    "properties",
]


def _date_value(value):
    """A DataFrame cell as a date for gazex: None for a missing one."""
    if value is None:
        return None
    try:
        # NaN, NaT and pandas.NA are not equal to themselves, or refuse to
        # say so.
        if value != value:
            return None
    except (TypeError, ValueError):
        return None
    return value


class Extractor(_NativeExtractor):
    """Finds mentions of gazetteer entities in texts.

    ``Extractor()`` uses the lists bundled in gazex (compiled on first use
    into the cache folder, ``$GAZEX_CACHE_DIR`` or ``~/.cache/gazex``);
    ``Extractor(gazetteers=[...])`` the files, folders and published lists
    named (as ``gazex extract -g``: a ``.jsonl`` or ``.txt`` list, a folder
    of them, ``"ofac-csv:DIR"``, ``"officials:DIR"``, ``"bundled:"``,
    ``"bundled:NAME"``, or one compiled gazetteer alone).

    Keyword options, each as the ``gazex extract`` flag of the same name:
    ``threads`` (default: all cores), ``no_merge``, ``min_confidence``
    (default 0.5), ``date`` (the date of texts that have none),
    ``context`` (characters each side), ``fields`` (entity properties:
    ``"all"`` or a list of names). Also ``run_date`` (the date of texts
    with no other date; default today, UTC), ``datelines`` (date a text by
    a dateline at its top, as gazex does for a plain-text file; default
    False, as for a JSON Lines record) and ``max_text_bytes`` (a longer
    text raises ValueError; default 1 GiB).

    Bad arguments raise TypeError or ValueError; gazetteers that cannot be
    loaded raise ValueError naming the file.
    """

    def extract_frame(self, df, text="text", id="id", date=None):
        """The mentions of a table's texts, as a table of the same kind:
        a pandas DataFrame for a DataFrame, a pyarrow Table for a Table.

        ``df[text]`` holds the texts (str); ``df[id]`` the document ids
        (the ``doc`` column of the result; without such a column, the
        DataFrame's index, or for a Table the row numbers); ``df[date]``,
        when ``date`` is given, each text's date (a str ``YYYY[-MM[-DD]]``,
        a date or a Timestamp; missing values leave the text undated). One
        row per mention, in the order of the rows and then of the text,
        with the columns of ``gazex.COLUMNS`` (plus any other field the
        records carry).

        Needs pandas (``pip install gazex[pandas]``) or pyarrow.
        """
        arrow = type(df).__module__.split(".")[0] == "pyarrow"
        names = list(df.column_names) if arrow else list(df.columns)
        if text not in names:
            raise KeyError(f"extract_frame: no column {text!r} (the texts)")
        if date is not None and date not in names:
            raise KeyError(f"extract_frame: no column {date!r} (the dates)")

        def column(name):
            return df.column(name).to_pylist() if arrow else df[name]

        if id is not None and id in names:
            ids = column(id)
        else:
            ids = range(df.num_rows) if arrow else df.index
        texts = column(text)
        if date is None:
            inputs = ((str(i), t) for i, t in zip(ids, texts))
        else:
            inputs = (
                (str(i), t, _date_value(d)) for i, t, d in zip(ids, texts, column(date))
            )
        rows = []
        for mentions in self.extract_many(inputs):
            rows.extend(mentions)
        columns = list(COLUMNS)
        for r in rows:
            for k in r:
                if k not in columns:
                    columns.append(k)
        if arrow:
            import pyarrow as pa

            return pa.Table.from_pylist(
                [{c: r.get(c) for c in columns} for r in rows]
            ) if rows else pa.table({c: pa.array([], pa.null()) for c in columns})
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the venv
            raise ImportError("Extractor.extract_frame needs pandas: pip install pandas") from e
        return pd.DataFrame.from_records(rows, columns=columns)
