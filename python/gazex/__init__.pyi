"""Type stubs of the gazex package (see gazex/__init__.py for the docs)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

__version__: str

#: The columns of ``Extractor.extract_frame``'s DataFrame, in order.
COLUMNS: List[str]

#: A date: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (an ISO time after the day is
#: ignored), or anything with ``isoformat()``.
DateLike = Union[str, datetime.date, datetime.datetime]

#: One mention: the fields of a ``gazex extract`` JSON record.
Mention = Dict[str, Any]

#: A text, or a file to read it from (``os.PathLike``, e.g. a
#: ``pathlib.Path``; a ``str`` is always a text).
TextLike = Union[str, "os.PathLike[str]"]
#: One input of ``extract_many``: a text or path, ``(id, text)`` or
#: ``(id, text, date)``.
InputLike = Union[TextLike, Tuple[Any, TextLike], Tuple[Any, TextLike, Optional[DateLike]]]

class Extractor:
    """Finds mentions of gazetteer entities in texts."""

    def __init__(
        self,
        gazetteers: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
        *,
        threads: Optional[int] = None,
        no_merge: bool = False,
        min_confidence: Optional[float] = None,
        date: Optional[DateLike] = None,
        run_date: Optional[DateLike] = None,
        datelines: bool = False,
        context: Optional[int] = None,
        fields: Union[None, str, Sequence[str]] = None,
        max_text_bytes: Optional[int] = None,
    ) -> None: ...
    def extract(
        self,
        text: TextLike,
        doc_id: Optional[Any] = None,
        date: Optional[DateLike] = None,
    ) -> List[Mention]:
        """The mentions in ``text``, in text order. ``char_start`` and
        ``char_end`` index ``text``; ``start`` and ``end`` its UTF-8 bytes.
        A path (``os.PathLike``) is read as ``gazex extract`` reads a file:
        text or HTML (by extension), ``.gz`` decompressed, its encoding
        detected, dated by an HTML page's publication date or a text's
        dateline (whatever ``datelines`` says of texts); the id is the
        path unless ``doc_id`` is given, and the offsets are the file's, as
        the CLI writes them (``char_start`` indexes the file's decoded
        characters). The file is matched whole (the CLI reads a text file
        over 16 MiB in windows). Raises TypeError for a text that is
        neither a str nor a path, ValueError for an invalid date, a text or
        file over ``max_text_bytes``, a JSON Lines file (many documents:
        use ``extract_jsonl``), or a file that cannot be read (naming it)."""
        ...
    def extract_many(
        self, inputs: Iterable[InputLike], *, batch_size: Optional[int] = None
    ) -> Iterator[List[Mention]]:
        """For each input, in input order, its mentions; matched on the
        worker threads with the interpreter's lock released, a batch at a
        time (``batch_size``, default 64 per thread). A text without an
        id is named by its position ("0", "1", ...). A path is read on the
        worker threads as ``extract`` reads one (named by its path): the
        fastest way to give files, ``ex.extract_many(Path("news").rglob("*.txt"))``.
        An input that cannot be read or matched raises ValueError in its
        place; the iteration can go on past it."""
        ...
    def extract_jsonl(
        self,
        lines: Iterable[Union[str, bytes]],
        *,
        source: str = "-",
        id_field: str = "id",
        text_field: str = "text",
        date_field: str = "date",
        batch_size: Optional[int] = None,
    ) -> Iterator[List[str]]:
        """For each line of JSON Lines (a str or bytes, one JSON object;
        a final line break is dropped), in order, its document's records as
        JSON strings, each exactly a line ``gazex extract --input-format
        jsonl`` writes for it when reading the lines from ``source``
        (default ``-``, standard input): the same ids (``source:LINE``
        for a record without one, ``source#id`` for an id used before),
        dates and records. Blank lines and documents without mentions give
        an empty list. A line that cannot be read raises ValueError
        (``-:LINE: reason``, as the CLI reports it) in its place; the
        iteration can go on past it."""
        ...
    def extract_frame(
        self,
        df: Any,
        text: str = "text",
        id: Optional[str] = "id",
        date: Optional[str] = None,
    ) -> Any:
        """The mentions of a table's texts, as a table of the same kind (a
        pandas DataFrame, or a pyarrow Table) with the columns ``COLUMNS``."""
        ...
    @property
    def threads(self) -> int: ...
    @property
    def entity_count(self) -> int: ...
    @property
    def notices(self) -> List[str]: ...
    @property
    def origin(self) -> str: ...
