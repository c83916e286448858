"""Reading GPX and TCX: one streaming pass of expat over the file, guarded, with no tree built.

Why an expat pass of our own, not defusedxml: defusedxml stops entity expansion and
external entities but sets no limit on nesting, which is what crashed the app (200,000
nested elements overflow the C stack when a tree of them is built or freed), and it
still builds the whole tree (gpxpy turns a 30 MB GPX into about 300 MB of objects). So
the file is streamed through expat (the parser ElementTree itself uses, in the standard
library) 1 MiB at a time, the GPX and TCX readers keep only the figures they need
(``journal.importers.gpx``, ``journal.importers.tcx``), and this guard refuses, before
expat gets the text:

- a tag longer than ``MAX_TAG`` characters (expat holds every attribute of a tag at
  once: a 50 MB tag of short attributes took 600 MB);

and while parsing:

- elements nested deeper than ``MAX_DEPTH`` (honest GPX and TCX nest 6 to 10 deep);
- any DTD with declarations (a DOCTYPE with an internal subset, entities, external
  entities): no activity format uses one, so, as defusedxml's ``forbid_dtd``, it is refused;
- more than ``MAX_TEXT`` characters of text in one element a reader keeps.

The file's size is capped by ``journal.importers.reading``. Text is decoded as before
(``decode_xml``'s rules: byte-order mark, then the declared encoding, then UTF-8),
incrementally, so a file is never held whole in memory.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import BinaryIO, NoReturn, Protocol
from xml.parsers import expat

from journal.importers.reading import CHUNK
from journal.importers.records import ImportFileError

MAX_DEPTH = 100
MAX_TAG = 64 * 1024
MAX_TEXT = 1 << 20
_SEPARATOR = " "
_LONG_TAG = re.compile(rf"<[^<>]{{{MAX_TAG}}}")
_ANGLE = re.compile(r"[<>]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class XmlEvents(Protocol):
    """What a reader does with the elements: ``start`` returns True to be given the element's text at ``end``."""

    def start(self, depth: int, ns: str, name: str, attrs: dict[str, str]) -> bool: ...

    def end(self, depth: int, ns: str, name: str, text: str) -> None: ...


def _split(tag: str) -> tuple[str, str]:
    ns, _, name = tag.rpartition(_SEPARATOR)
    return ns, name


def _declared_encoding(head: bytes) -> str | None:
    match = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", head)
    return match.group(1).decode("ascii") if match else None


def _encoding(head: bytes) -> str:
    """The BOM's encoding, else the declared one when Python knows it, else UTF-8 (as ``decode_xml``)."""
    found = next((name for bom, name in _BOMS if head.startswith(bom)), None)
    if found:
        return found
    declared = _declared_encoding(head[:200]) or "utf-8"
    try:
        codecs.lookup(declared)
    except LookupError:
        return "utf-8"
    return declared


class _TagLength:
    """Refuses a tag (from ``<`` to ``>``) longer than MAX_TAG characters, across pieces of text."""

    def __init__(self) -> None:
        self.open_for = 0  # characters since an unclosed "<" at the end of the last piece

    def check(self, text: str, kind: str) -> None:
        if self.open_for:
            found = _ANGLE.search(text, 0, MAX_TAG + 1)
            if self.open_for + (found.start() if found else min(len(text), MAX_TAG + 1)) > MAX_TAG:
                raise self.too_long(kind)
        if _LONG_TAG.search(text):
            raise self.too_long(kind)
        last_open, last_close = text.rfind("<"), text.rfind(">")
        if last_open > last_close:
            self.open_for = len(text) - last_open
        elif last_open == last_close == -1 and self.open_for:
            self.open_for += len(text)
        else:
            self.open_for = 0

    @staticmethod
    def too_long(kind: str) -> ImportFileError:
        return ImportFileError(
            f"not a readable {kind} file: a tag is over {MAX_TAG // 1024} KB long, which no {kind} file has"
        )


def _refuse_dtd(kind: str) -> Callable[..., NoReturn]:
    def refuse(*_args: object) -> NoReturn:
        raise ImportFileError(f"not a readable {kind} file: it declares a DTD or entities, which {kind} files never do")

    return refuse


def read_xml(stream: BinaryIO, events: XmlEvents, kind: str) -> None:
    """Parse the XML in ``stream``, calling ``events``; raises ImportFileError for anything malformed or refused."""
    parser = expat.ParserCreate("utf-8", _SEPARATOR)
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0
    texts: list[list[str] | None] = []
    kept = [0]

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise ImportFileError(
                f"not a readable {kind} file: its elements nest over {MAX_DEPTH} deep, which no {kind} file does"
            )
        ns, name = _split(tag)
        texts.append([] if events.start(depth, ns, name, attrs) else None)

    def end(tag: str) -> None:
        nonlocal depth
        pieces = texts.pop()
        ns, name = _split(tag)
        text = "".join(pieces) if pieces else ""
        if pieces is not None:
            kept[0] -= len(text)
        events.end(depth, ns, name, text)
        depth -= 1

    def characters(data: str) -> None:
        pieces = texts[-1] if texts else None
        if pieces is not None:
            kept[0] += len(data)
            if kept[0] > MAX_TEXT:
                raise ImportFileError(f"not a readable {kind} file: an element holds over 1 MB of text")
            pieces.append(data)

    def doctype(_name: str, _system: str | None, _public: str | None, internal_subset: bool) -> None:
        if internal_subset:
            _refuse_dtd(kind)()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = _refuse_dtd(kind)
    parser.ExternalEntityRefHandler = _refuse_dtd(kind)

    head = stream.read(CHUNK)
    encoding = _encoding(head)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    tags = _TagLength()
    first = True
    consumed = 0
    try:
        piece = head
        while True:
            final = not piece
            try:
                text = decoder.decode(piece, final=final)
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    f"not readable as {encoding} text ({exc.reason} at byte {consumed + exc.start})"
                ) from None
            if first and text:
                # Strava's TCX files start with spaces; the declaration goes, as the text is already decoded.
                text = re.sub(r"^<\?xml[^>]*\?>", "", text.lstrip("\ufeff \t\r\n"), count=1)
                first = False
            tags.check(text, kind)
            parser.Parse(text, final)
            if final:
                break
            consumed += len(piece)
            piece = stream.read(CHUNK)
    except expat.ExpatError as exc:
        raise ImportFileError(f"not a readable {kind} file (XML error: {exc})") from None
    except RecursionError:
        raise ImportFileError(f"not a readable {kind} file: its elements nest too deep") from None
