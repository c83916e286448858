"""The lines of a CSV file, streamed: UTF-16 when it shows, else UTF-8 (with or without a byte-order mark), else
Windows-1252; and the character that separates its fields.

``read_csv_text(open_stream, parse)`` calls ``parse(lines)`` with the file's lines as
text, never holding the file whole: the rule of ``values.decode_text``, applied while
streaming. A file that starts as UTF-16 (a spreadsheet's "Unicode text": a byte-order
mark, or a zero byte beside every ASCII one) is read as UTF-16. A file that turns out
not to be UTF-8 part-way is read again from the start as Windows-1252 (undecodable
bytes replaced), so what ``parse`` got from the first try is thrown away. Lines are split as ``open(..., newline="")`` does (``\\n``, ``\\r``,
``\\r\\n`` kept at their ends), which is what the csv module asks for. A line over
``MAX_LINE`` characters is refused: no activity CSV has one, and csv would hold it
and every field in it at once.

``header_and_rows(lines, recognised)``: an export re-saved by a spreadsheet separates its
fields with the list separator of the spreadsheet's language (a semicolon where the
decimal mark is a comma, a tab for "Unicode text"); the separator is the first of comma,
semicolon and tab that makes the first line a header ``recognised`` knows.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, TypeVar

from journal.importers.records import ImportFileError
from journal.importers.values import utf16_encoding

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
    """``parse(lines)`` over the file's lines as UTF-16 when it starts so, else as UTF-8, or again as Windows-1252
    when it is not UTF-8."""
    with open_stream() as stream:
        wide = utf16_encoding(stream.read(512))
    if wide is not None:
        with open_stream() as stream:
            return parse(_lines(stream, wide, "replace"))
    try:
        with open_stream() as stream:
            return parse(_lines(stream, "utf-8-sig", "strict"))
    except _NotUtf8:
        pass
    with open_stream() as stream:
        return parse(_lines(stream, "cp1252", "replace"))


DELIMITERS = (",", ";", "\t")
Header = Callable[[list[str]], bool]


def split_line(line: str, delimiter: str) -> list[str]:
    """One CSV line's cells (none for a line csv cannot read)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def delimiter_of(first_line: str, recognised: Header) -> str:
    """The first of comma, semicolon and tab that makes ``first_line`` a header ``recognised`` knows; comma when
    none does."""
    return next((d for d in DELIMITERS if recognised(split_line(first_line, d))), ",")


def header_and_rows(lines: Iterable[str], recognised: Header) -> tuple[list[str] | None, Iterator[list[str]], str]:
    """(the header, a reader of the rows after it, the delimiter) of CSV ``lines``; (None, ...) when empty."""
    it = iter(lines)
    first = next(it, None)
    if first is None:
        return None, iter(()), ","
    delimiter = delimiter_of(first, recognised)
    reader = csv.reader(itertools.chain([first], it), delimiter=delimiter)
    return next(reader, None), reader, delimiter
