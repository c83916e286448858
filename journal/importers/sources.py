"""Turning the paths a person chose (files, folders, .zip files) into the files to read.

A folder is walked in name order; a .zip is read in place (never unpacked to disk);
a .gz file is unpacked as it is read. A folder or zip holding a Strava export
(``activities.csv`` with Strava's columns) is read through that CSV alone: the
activity files beside it are what its rows point at, not separate imports. Hidden
files, ``__MACOSX`` folders and files of other types inside folders and zips are not
read (the report says how many); a file of another type named on its own is skipped
with the reason, and so is a zip entry whose name points outside the zip (``..`` or a
full path).

Every byte is read through ``journal.importers.reading`` (ordinary files only, sizes
counted as unpacked, Cancel honoured). A zip is refused before Python's zipfile reads
its table of contents when that table lists over ``MAX_ZIP_ENTRIES`` entries or is over
``MAX_DIRECTORY_BYTES``; one import takes at most ``MAX_FILES`` files. A zip inside a
zip is unpacked into memory when read, one at a time (its files are read one after
another), so memory holds at most one of them.
"""

from __future__ import annotations

import io
import os
import posixpath
import struct
import zipfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from journal.importers.reading import (
    MAX_FILE_BYTES,
    Budget,
    Check,
    LimitedReader,
    buffered,
    gunzipped,
    open_regular,
)
from journal.importers.records import FileNote, ImportFileError
from journal.importers.strava import is_strava_header
from journal.importers.text_lines import delimiter_of, split_line
from journal.importers.values import decode_text

KINDS = ("gpx", "tcx", "fit", "csv")
READABLE = "only GPX, TCX, FIT, CSV and ZIP files, also gzipped, are read"
MAX_ZIP_DEPTH = 2
MAX_ZIP_ENTRIES = 50_000
MAX_DIRECTORY_BYTES = 16 << 20
MAX_FILES = 50_000
STRAVA_CSV = "activities.csv"
HEAD = 65536
ZIP_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}

Opener = Callable[[Check | None], BinaryIO]
"""Opens a file's stored bytes (capped, cancellable); a .gz is unpacked by ``FileItem.open``."""


def kind_of(name: str) -> str | None:
    """``"fit"`` for ``x.fit`` and ``x.FIT.gz``, ``"zip"`` for zips; None for other files."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    suffix = lowered.rsplit(".", 1)[-1] if "." in lowered else ""
    if suffix == "zip" and not name.lower().endswith(".gz"):
        return "zip"
    return suffix if suffix in KINDS else None


@dataclass(frozen=True)
class FileItem:
    """One file to read. ``label`` names it in the report and in ``Run.source_file``.

    ``open(check)`` gives a stream of its bytes (unpacked when it ends in .gz), read
    through the limits of ``journal.importers.reading``; ``beside(rel)`` finds another
    file relative to this one's folder (a Strava CSV's "Filename"), or None.
    """

    label: str
    name: str
    opener: Opener
    beside: Callable[[str], FileItem | None]
    packed_size: Callable[[], int] = lambda: 0

    @property
    def kind(self) -> str | None:
        return kind_of(self.name)

    def open(self, check: Check | None = None) -> BinaryIO:
        raw = self.opener(check)
        if not self.name.lower().endswith(".gz"):
            return raw
        return gunzipped(raw, self.packed_size(), check)

    def head(self, size: int = HEAD, check: Check | None = None) -> bytes:
        """The first ``size`` bytes (fewer for a shorter file), unpacking no more than that: read through the
        buffer, one look at a file would unpack a whole chunk (1 MiB) of it against the archive's allowance."""
        with self.open(check) as stream:
            if not isinstance(stream, io.BufferedReader):
                return stream.read(size)
            pieces: list[bytes] = []
            got = 0
            while got < size and (piece := stream.read1(size - got)):
                pieces.append(piece)
                got += len(piece)
            return b"".join(pieces)

    def data(self, check: Check | None = None) -> bytes:
        """All of it (capped at ``MAX_FILE_BYTES``): for the readers that need the whole file."""
        with self.open(check) as stream:
            return stream.read()


@dataclass
class Expansion:
    """The files found under the chosen paths, and what could not be opened or was left out."""

    items: list[FileItem] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    failed: list[FileNote] = field(default_factory=list)
    warnings: list[FileNote] = field(default_factory=list)
    left_out: int = 0

    def add(self, item: FileItem) -> None:
        if len(self.items) < MAX_FILES:
            self.items.append(item)
        else:
            self.left_out += 1


def _hidden(part: str) -> bool:
    return (part.startswith(".") and part not in (".", "..")) or part == "__MACOSX"


def _outside(name: str) -> bool:
    """A zip entry named ``../x`` or ``/x`` (or ``C:\\x``) points outside the archive."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def _disk_opener(path: Path) -> Opener:
    def opener(check: Check | None) -> BinaryIO:
        raw = open_regular(path)
        if os.fstat(raw.fileno()).st_size > MAX_FILE_BYTES:
            raw.close()
            raise ImportFileError(f"too large to be an activity file (over {MAX_FILE_BYTES >> 20} MB)")
        return buffered(LimitedReader(raw, check=check))

    return opener


def _disk_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def disk_item(path: Path, root: Path | None = None) -> FileItem:
    """A file on disk; ``beside`` stays inside ``root`` (the file's own folder by default)."""
    root = (root or path.parent).resolve()

    def beside(rel: str) -> FileItem | None:
        target = (path.parent / rel).resolve()
        if not target.is_relative_to(root) or not target.exists():
            return None
        return disk_item(target, root)

    return FileItem(str(path), path.name, _disk_opener(path), beside, lambda: _disk_size(path))


def _looks_like_strava_csv(item: FileItem) -> bool:
    try:
        first_line = decode_text(item.head()).splitlines()[:1]
    except ImportFileError:
        return False
    if not first_line:
        return False
    return is_strava_header(split_line(first_line[0], delimiter_of(first_line[0], is_strava_header)))


def _zip_entry_count(raw: BinaryIO) -> tuple[int, int]:
    """(entries, bytes) of a zip's table of contents, from its end record, before zipfile reads the table.

    (0, 0) when there is no end record (zipfile then says it is not a zip).
    """
    size = raw.seek(0, os.SEEK_END)
    tail_size = min(size, 65536 + 22)
    raw.seek(size - tail_size)
    tail = raw.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return 0, 0
    entries, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
    locator = at - 20
    if (entries == 0xFFFF or directory == 0xFFFFFFFF) and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        (record_at,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        if record_at + 56 <= size:
            raw.seek(record_at)
            record = raw.read(56)
            if record[:4] == b"PK\x06\x06":
                entries, directory = struct.unpack("<QQ", record[32:48])
    raw.seek(0)
    return entries, directory


def _open_archive(raw: BinaryIO) -> zipfile.ZipFile:
    """A ZipFile on ``raw``, after checking the size of its table of contents. Raises ImportFileError."""
    try:
        entries, directory = _zip_entry_count(raw)
        if entries > MAX_ZIP_ENTRIES or directory > MAX_DIRECTORY_BYTES:
            raise ImportFileError(
                f"lists {entries:,} files in a {directory >> 20} MB table of contents, more than this app opens "
                f"(at most {MAX_ZIP_ENTRIES:,}); unpack it and import its folders one at a time"
            )
        return zipfile.ZipFile(raw)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error) as exc:
        raise ImportFileError(f"not a readable zip file ({exc})") from None


class _Unpacked:
    """Zips inside a zip, unpacked into memory when read: only the last one asked for is kept."""

    def __init__(self) -> None:
        self._label: str | None = None
        self._archive: zipfile.ZipFile | None = None
        self._budget: Budget | None = None

    def get(self, item: FileItem, check: Check | None) -> tuple[zipfile.ZipFile, Budget]:
        if self._label != item.label or self._archive is None or self._budget is None:
            self.close()
            data = item.data(check)
            self._archive = _open_archive(io.BytesIO(data))
            self._label, self._budget = item.label, Budget(len(data))
        return self._archive, self._budget

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
        self._label = self._archive = self._budget = None


def _member_opener(archive: Callable[[Check | None], tuple[zipfile.ZipFile, Budget]], info: zipfile.ZipInfo) -> Opener:
    def opener(check: Check | None) -> BinaryIO:
        if info.compress_type not in ZIP_METHODS:
            raise ImportFileError(
                f"is packed with a method this app does not read (zip method {info.compress_type}); "
                "only stored and deflated files are read: re-pack the zip with ordinary compression"
            )
        if info.file_size > MAX_FILE_BYTES:
            raise ImportFileError(f"too large to be an activity file (over {MAX_FILE_BYTES >> 20} MB)")
        zip_file, budget = archive(check)
        try:
            member = zip_file.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, ValueError) as exc:
            raise ImportFileError(f"cannot be read from the zip ({exc})") from None
        return buffered(
            LimitedReader(member, packed_size=info.compress_size, what="the zip", check=check, budget=budget)
        )

    return opener


def _zip_items(
    archive: zipfile.ZipFile,
    label: str,
    reopen: Callable[[Check | None], tuple[zipfile.ZipFile, Budget]],
    out: Expansion,
    unpacked: _Unpacked,
    depth: int,
) -> None:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    names = {i.filename: i for i in infos}

    def member(name: str) -> FileItem:
        info = names[name]

        def beside(rel: str) -> FileItem | None:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), rel))
            return member(target) if target in names else None

        return FileItem(
            f"{label}/{name}",
            posixpath.basename(name),
            _member_opener(reopen, info),
            beside,
            lambda: info.compress_size,
        )

    outside = [i.filename for i in infos if _outside(i.filename)]
    for name in outside:
        out.skipped.append(
            FileNote(f"{label}/{name}", "its name points outside the zip ('..' or a full path), so it is not read")
        )
    infos = [i for i in infos if not _outside(i.filename)]
    exports = []
    for info in infos:
        if posixpath.basename(info.filename).lower() == STRAVA_CSV and not any(
            _hidden(p) for p in info.filename.split("/")
        ):
            item = member(info.filename)
            if _looks_like_strava_csv(item):
                exports.append(posixpath.dirname(info.filename))
                out.add(item)
    ignored = 0
    for info in sorted(infos, key=lambda i: i.filename):
        if any(_hidden(p) for p in info.filename.split("/")):
            continue
        if any(info.filename.startswith(root + "/") or root == "" for root in exports):
            continue
        item = member(info.filename)
        if item.kind == "zip":
            _nested_zip(item, out, unpacked, depth + 1)
        elif item.kind:
            out.add(item)
        else:
            ignored += 1
    if ignored:
        out.warnings.append(FileNote(label, f"{ignored} other file{'s' if ignored > 1 else ''} not read ({READABLE})"))


def _nested_zip(item: FileItem, out: Expansion, unpacked: _Unpacked, depth: int) -> None:
    if depth > MAX_ZIP_DEPTH:
        out.skipped.append(FileNote(item.label, "a zip inside a zip inside a zip is not opened"))
        return
    try:
        archive, _budget = unpacked.get(item, None)
        _zip_items(archive, item.label, lambda check: unpacked.get(item, check), out, unpacked, depth)
    except ImportFileError as exc:
        out.failed.append(FileNote(item.label, str(exc)))


def _open_zip(path: Path, out: Expansion, stack: ExitStack, unpacked: _Unpacked) -> None:
    try:
        raw = stack.enter_context(open_regular(path))
        archive = stack.enter_context(_open_archive(raw))
        budget = Budget(os.fstat(raw.fileno()).st_size)
        _zip_items(archive, str(path), lambda _check: (archive, budget), out, unpacked, 1)
    except ImportFileError as exc:
        out.failed.append(FileNote(str(path), str(exc)))


def _walk_folder(folder: Path, out: Expansion, stack: ExitStack, unpacked: _Unpacked, check: Check | None) -> None:
    ignored = 0
    for here, dirs, files in os.walk(
        folder, onerror=lambda e: out.failed.append(FileNote(str(e.filename), e.strerror or str(e)))
    ):
        if check is not None:
            check()
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        base = Path(here)
        csv_name = next((f for f in files if f.lower() == STRAVA_CSV), None)
        if csv_name is not None:
            item = disk_item(base / csv_name)
            if _looks_like_strava_csv(item):
                out.add(item)
                dirs[:] = []  # the export's activity files are read through its CSV
                continue
        for name in sorted(files):
            if _hidden(name):
                continue
            path = base / name
            kind = kind_of(name)
            if kind == "zip":
                _open_zip(path, out, stack, unpacked)
            elif kind:
                out.add(disk_item(path))
            else:
                ignored += 1
    if ignored:
        out.warnings.append(
            FileNote(str(folder), f"{ignored} other file{'s' if ignored > 1 else ''} not read ({READABLE})")
        )


def expand(paths: list[Path], stack: ExitStack, check: Check | None = None) -> Expansion:
    """Every file to read under ``paths``; zips stay open until ``stack`` closes."""
    out = Expansion()
    unpacked = _Unpacked()
    stack.callback(unpacked.close)
    for path in paths:
        if check is not None:
            check()
        if path.is_dir():
            _walk_folder(path, out, stack, unpacked, check)
        elif not path.exists():
            out.failed.append(FileNote(str(path), "does not exist"))
        elif kind_of(path.name) == "zip":
            _open_zip(path, out, stack, unpacked)
        elif kind_of(path.name):
            out.add(disk_item(path))
        else:
            out.skipped.append(FileNote(str(path), f"not an activity file ({READABLE})"))
    if out.left_out:
        out.skipped.append(
            FileNote(
                str(paths[0]) if len(paths) == 1 else "import",
                f"{out.left_out:,} more files not read: one import reads at most {MAX_FILES:,}; import the rest separately",
            )
        )
    return out
