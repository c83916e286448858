"""Turning the paths a person chose (files, folders, .zip files) into the files to read.

A folder is walked in name order; a .zip is read in place (never unpacked to disk);
a .gz file is decompressed in memory. A folder or zip holding a Strava export
(``activities.csv`` with Strava's columns) is read through that CSV alone: the
activity files beside it are what its rows point at, not separate imports. Hidden
files, ``__MACOSX`` folders and files of other types inside folders and zips are not
read (the report says how many); a file of another type named on its own is skipped
with the reason. Sizes are capped (``values.MAX_FILE_BYTES``) against zip and gzip bombs.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from journal.importers.records import FileNote, ImportFileError
from journal.importers.strava import is_strava_header
from journal.importers.values import MAX_FILE_BYTES, decode_text

KINDS = ("gpx", "tcx", "fit", "csv")
READABLE = "only GPX, TCX, FIT, CSV and ZIP files, also gzipped, are read"
MAX_ZIP_DEPTH = 2
STRAVA_CSV = "activities.csv"


def kind_of(name: str) -> str | None:
    """``"fit"`` for ``x.fit`` and ``x.FIT.gz``, ``"zip"`` for zips; None for other files."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    suffix = lowered.rsplit(".", 1)[-1] if "." in lowered else ""
    if suffix == "zip" and not name.lower().endswith(".gz"):
        return "zip"
    return suffix if suffix in KINDS else None


def gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ImportFileError(f"not a readable .gz file ({exc})") from None
    if len(out) > MAX_FILE_BYTES:
        raise ImportFileError("too large once decompressed (over 256 MB)")
    return out


@dataclass(frozen=True)
class FileItem:
    """One file to read. ``label`` names it in the report and in ``Run.source_file``.

    ``read()`` gives its bytes (decompressed when it ends in .gz); ``beside(rel)`` finds
    another file relative to this one's folder (a Strava CSV's "Filename"), or None.
    """

    label: str
    name: str
    read: Callable[[], bytes]
    beside: Callable[[str], FileItem | None]

    @property
    def kind(self) -> str | None:
        return kind_of(self.name)

    def data(self) -> bytes:
        raw = self.read()
        return gunzip(raw) if self.name.lower().endswith(".gz") else raw


@dataclass
class Expansion:
    """The files found under the chosen paths, and what could not be opened or was left out."""

    items: list[FileItem] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    failed: list[FileNote] = field(default_factory=list)
    warnings: list[FileNote] = field(default_factory=list)


def _hidden(part: str) -> bool:
    return part.startswith(".") or part == "__MACOSX"


def _read_disk(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFileError("too large to be an activity file (over 256 MB)")
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"cannot be read ({exc.strerror or exc})") from None


def disk_item(path: Path, root: Path | None = None) -> FileItem:
    """A file on disk; ``beside`` stays inside ``root`` (the file's own folder by default)."""
    root = (root or path.parent).resolve()

    def beside(rel: str) -> FileItem | None:
        target = (path.parent / rel).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return None
        return disk_item(target, root)

    return FileItem(str(path), path.name, lambda: _read_disk(path), beside)


def _looks_like_strava_csv(item: FileItem) -> bool:
    try:
        first_line = decode_text(item.data()[:65536]).splitlines()[:1]
    except ImportFileError:
        return False
    return bool(first_line) and is_strava_header(next(csv.reader(first_line), []))


def _zip_items(archive: zipfile.ZipFile, label: str, out: Expansion, stack: ExitStack, depth: int) -> None:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    names = {i.filename: i for i in infos}

    def member(name: str) -> FileItem:
        info = names[name]

        def read() -> bytes:
            if info.file_size > MAX_FILE_BYTES:
                raise ImportFileError("too large to be an activity file (over 256 MB)")
            try:
                return archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
                raise ImportFileError(f"cannot be read from the zip ({exc})") from None

        def beside(rel: str) -> FileItem | None:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), rel))
            return member(target) if target in names else None

        return FileItem(f"{label}/{name}", posixpath.basename(name), read, beside)

    exports = []
    for info in infos:
        if posixpath.basename(info.filename).lower() == STRAVA_CSV and not any(
            _hidden(p) for p in info.filename.split("/")
        ):
            item = member(info.filename)
            if _looks_like_strava_csv(item):
                exports.append(posixpath.dirname(info.filename))
                out.items.append(item)
    ignored = 0
    for info in sorted(infos, key=lambda i: i.filename):
        parts = info.filename.split("/")
        if any(_hidden(p) for p in parts):
            continue
        if any(info.filename.startswith(root + "/") or root == "" for root in exports):
            continue
        item = member(info.filename)
        if item.kind == "zip":
            _nested_zip(item, out, stack, depth + 1)
        elif item.kind:
            out.items.append(item)
        else:
            ignored += 1
    if ignored:
        out.warnings.append(FileNote(label, f"{ignored} other file{'s' if ignored > 1 else ''} not read ({READABLE})"))


def _nested_zip(item: FileItem, out: Expansion, stack: ExitStack, depth: int) -> None:
    if depth > MAX_ZIP_DEPTH:
        out.skipped.append(FileNote(item.label, "a zip inside a zip inside a zip is not opened"))
        return
    try:
        archive = stack.enter_context(zipfile.ZipFile(io.BytesIO(item.data())))
        _zip_items(archive, item.label, out, stack, depth)
    except ImportFileError as exc:
        out.failed.append(FileNote(item.label, str(exc)))
    except Exception as exc:
        out.failed.append(FileNote(item.label, f"not a readable zip file ({type(exc).__name__}: {exc})"))


def _open_zip(path: Path, out: Expansion, stack: ExitStack) -> None:
    try:
        archive = stack.enter_context(zipfile.ZipFile(path))
        _zip_items(archive, str(path), out, stack, 1)
    except OSError as exc:
        out.failed.append(FileNote(str(path), f"cannot be read ({exc.strerror or exc})"))
    except Exception as exc:
        out.failed.append(FileNote(str(path), f"not a readable zip file ({type(exc).__name__}: {exc})"))


def _walk_folder(folder: Path, out: Expansion, stack: ExitStack) -> None:
    ignored = 0
    for here, dirs, files in os.walk(folder, onerror=lambda e: out.failed.append(FileNote(e.filename, e.strerror))):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        base = Path(here)
        csv_name = next((f for f in files if f.lower() == STRAVA_CSV), None)
        if csv_name is not None:
            item = disk_item(base / csv_name)
            if _looks_like_strava_csv(item):
                out.items.append(item)
                dirs[:] = []  # the export's activity files are read through its CSV
                continue
        for name in sorted(files):
            if _hidden(name):
                continue
            path = base / name
            kind = kind_of(name)
            if kind == "zip":
                _open_zip(path, out, stack)
            elif kind:
                out.items.append(disk_item(path))
            else:
                ignored += 1
    if ignored:
        out.warnings.append(
            FileNote(str(folder), f"{ignored} other file{'s' if ignored > 1 else ''} not read ({READABLE})")
        )


def expand(paths: list[Path], stack: ExitStack) -> Expansion:
    """Every file to read under ``paths``; zips stay open until ``stack`` closes."""
    out = Expansion()
    for path in paths:
        if path.is_dir():
            _walk_folder(path, out, stack)
        elif not path.exists():
            out.failed.append(FileNote(str(path), "does not exist"))
        elif kind_of(path.name) == "zip":
            _open_zip(path, out, stack)
        elif kind_of(path.name):
            out.items.append(disk_item(path))
        else:
            out.skipped.append(FileNote(str(path), f"not an activity file ({READABLE})"))
    return out
