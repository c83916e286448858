"""The lines of a CSV file, streamed: UTF-8 (with or without a byte-order mark), else Windows-1252.

``read_csv_text(open_stream, parse)`` calls ``parse(lines)`` with the file's lines as
text, never holding the file whole: the rule of ``values.decode_text``, applied while
streaming. A file that turns out not to be UTF-8 part-way is read again from the start
as Windows-1252 (undecodable bytes replaced), so what ``parse`` got from the first try
is thrown away. Lines are split as ``open(..., newline="")`` does (``\\n``, ``\\r``,
``\\r\\n`` kept at their ends), which is what the csv module asks for. A line over
``MAX_LINE`` characters is refused: no activity CSV has one, and csv would hold it
and every field in it at once.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, TypeVar

from journal.importers.records import ImportFileError

MAX_LINE = 1 << 20
T = TypeVar("T")
Opener = Callable[[], BinaryIO]


class _NotUtf8(Exception):
    """Raised inside the line stream when UTF-8 decoding fails, to start again as Windows-1252."""


def _lines(stream: BinaryIO, encoding: str, errors: str) -> Iterator[str]:
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    while True:
        try:
            line = text.readline(MAX_LINE + 1)
        except UnicodeDecodeError:
            raise _NotUtf8 from None
        if not line:
            return
        if len(line) > MAX_LINE:
            raise ImportFileError(f"a line is over {MAX_LINE // (1 << 20)} MB long, which no activities CSV has")
        yield line


def opener_of(data: bytes | Opener) -> Opener:
    """Bytes (tests, small files) as something to open; an opener as it is."""
    if isinstance(data, bytes):
        return lambda: io.BytesIO(data)
    return data


def read_csv_text(open_stream: Opener, parse: Callable[[Iterable[str]], T]) -> T:
    """``parse(lines)`` over the file's lines as UTF-8, or again as Windows-1252 when it is not UTF-8."""
    try:
        with open_stream() as stream:
            return parse(_lines(stream, "utf-8-sig", "strict"))
    except _NotUtf8:
        pass
    with open_stream() as stream:
        return parse(_lines(stream, "cp1252", "replace"))
