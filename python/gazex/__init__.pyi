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

#: One input of ``extract_many``: a text, ``(id, text)`` or
#: ``(id, text, date)``.
InputLike = Union[str, Tuple[Any, str], Tuple[Any, str, Optional[DateLike]]]

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
        text: str,
        doc_id: Optional[Any] = None,
        date: Optional[DateLike] = None,
    ) -> List[Mention]:
        """The mentions in ``text``, in text order. ``char_start`` and
        ``char_end`` index ``text``; ``start`` and ``end`` its UTF-8 bytes.
        Raises TypeError for a text that is not a str, ValueError for an
        invalid date or a text over ``max_text_bytes``."""
        ...
    def extract_many(
        self, inputs: Iterable[InputLike], *, batch_size: Optional[int] = None
    ) -> Iterator[List[Mention]]:
        """For each input, in input order, its mentions; matched on the
        worker threads with the interpreter's lock released, a batch at a
        time (``batch_size``, default 64 per thread). An input without an
        id is named by its position ("0", "1", ...)."""
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
