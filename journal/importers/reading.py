"""The one way an import reads bytes: plain files, gzip and zip members, streamed, capped, cancellable.

Every byte an import reads (an activity file, a Strava export's CSV, a zip inside a
zip, a JSON backup) comes through ``LimitedReader``, which:

- counts the bytes actually PRODUCED (after unpacking), never trusting a size written
  in a zip or gzip header: a zip member whose header under-declares its size is
  stopped at the cap like any other (``MAX_FILE_BYTES``);
- refuses a packed file that unpacks to over ``MAX_RATIO`` times its packed size
  (honest GPX, TCX, CSV and FIT files pack 2 to 20 times; a zip or gzip bomb packs
  hundreds to a thousand times), and lets the members of one archive together unpack
  to at most ``MAX_RATIO`` times the archive (overlapping members share their bytes);
- reads 1 MiB at a time and calls ``check()`` before each read, so Cancel works
  inside a large file too (``check`` raises ``ImportCancelled``).

``open_regular`` opens a file on disk only when it is (or a symbolic link resolves
to) an ordinary file: a link to ``/dev/zero``, a named pipe (which would block for
ever), a socket or a device is refused before a byte is read.

Zip members packed with methods other than "stored" and "deflated" (bzip2, LZMA) are
refused: Python's zipfile unpacks a whole read of those at once, without a bound on
what it produces, and no watch or service writes them.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from journal.importers.records import ImportFileError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MiB = 1 << 20
CHUNK = MiB
MAX_FILE_BYTES = 64 * MiB
"""Largest file read (after unpacking): several times the largest honest activity file (a 24-hour GPX
with heart rate is about 30 MB; a 10-year Strava activities.csv about 10 MB)."""
MAX_RATIO = 100
"""A packed file may unpack to at most this many times its packed size (plus ``RATIO_SLACK``)."""
RATIO_SLACK = MiB
"""Tiny packed files may unpack further (1 MiB of anything is harmless)."""

Check = Callable[[], None]
"""Called before each read; raises ImportCancelled when the person cancelled."""


class ImportCancelled(Exception):
    """The person cancelled the import; nothing is written."""


class NotRegularFile(ImportFileError):
    """A named pipe, a socket, a device or a folder (or a link to one) where a file was expected: never read."""


def _no_check() -> None:
    return None


def describe_special(mode: int) -> str:
    """What a file that is not an ordinary file is, for the message."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not an ordinary file"


def _refuse_special(path: Path, mode: int) -> NotRegularFile:
    what = describe_special(mode)
    if path.is_symlink():
        target = os.path.realpath(path)
        return NotRegularFile(f"is a link to {target}, which is {what}; only ordinary files are read")
    return NotRegularFile(f"is {what}, not an ordinary file; only ordinary files are read")


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading when it is, or a symbolic link resolves to, an ordinary file.

    The type is checked before opening (``stat`` follows links), so a named pipe is never
    opened (opening one blocks until a writer comes), and again on the opened descriptor
    (``fstat``), so a file swapped in between is caught too. Raises ImportFileError.
    """
    path = Path(path)
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise _refuse_special(path, before.st_mode)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ImportFileError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse_special(path, mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise


class Budget:
    """Bytes that the members of one archive may unpack to, together."""

    def __init__(self, packed_size: int) -> None:
        self.left = MAX_RATIO * packed_size + RATIO_SLACK

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise ImportFileError(
                f"the archive unpacks to over {MAX_RATIO} times its own size, which no export does "
                "(it may be a 'zip bomb'); it was not read"
            )


_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)
"""What a damaged zip member or gzip stream raises while it is read (a bad CRC, a truncated stream...)."""


class Source(Protocol):
    """What ``LimitedReader`` reads from: an open file, a zip member, a GzipFile."""

    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class LimitedReader(io.RawIOBase):
    """Bytes from ``source``, counted as produced, capped, with ``check()`` before every read.

    ``packed_size``: the size of the packed data when ``source`` unpacks it (None for a
    plain file); ``what`` names the packing in messages ("the zip", "the .gz file").
    ``budget``: the archive-wide allowance this member's bytes also count against.
    ``also_close``: files closed with this one (the file under a GzipFile).
    """

    def __init__(
        self,
        source: Source,
        *,
        limit: int = MAX_FILE_BYTES,
        packed_size: int | None = None,
        what: str = "",
        check: Check | None = None,
        budget: Budget | None = None,
        also_close: tuple[Source, ...] = (),
    ) -> None:
        super().__init__()
        self._source = source
        self._limit = limit
        self._ratio_limit = None if packed_size is None else MAX_RATIO * packed_size + RATIO_SLACK
        self._what = what
        self._check = check or _no_check
        self._budget = budget
        self._also_close = also_close
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        self._check()
        view = memoryview(buffer).cast("B")
        want = min(len(view), CHUNK)
        try:
            data = self._source.read(want)
        except ImportFileError:
            raise
        except _READ_ERRORS as exc:
            where = f" from {self._what}" if self._what else ""
            if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
                raise ImportFileError(f"cannot be read{where}: it is damaged (its checksum does not match)") from None
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            raise ImportFileError(f"cannot be read{where} ({detail})") from None
        n = len(data)
        self.produced += n
        if self.produced > self._limit:
            packed = " once unpacked" if self._ratio_limit is not None else ""
            raise ImportFileError(f"too large{packed} (over {self._limit // MiB} MB), larger than any activity file")
        if self._ratio_limit is not None and self.produced > self._ratio_limit:
            raise ImportFileError(
                f"unpacks to over {MAX_RATIO} times its packed size, which no activity file does "
                "(it may be a 'zip bomb'); it was not read"
            )
        if self._budget is not None:
            self._budget.take(n)
        view[:n] = data
        return n

    def close(self) -> None:
        if not self.closed:
            try:
                self._source.close()
            finally:
                for other in self._also_close:
                    other.close()
        super().close()


def buffered(raw: LimitedReader) -> io.BufferedReader:
    return io.BufferedReader(raw, buffer_size=CHUNK)


def gunzipped(raw: BinaryIO, packed_size: int, check: Check | None, budget: Budget | None = None) -> io.BufferedReader:
    """The unpacked bytes of the gzip stream ``raw`` (``packed_size`` bytes), limited like any file."""
    stream = gzip.GzipFile(fileobj=raw, mode="rb")
    return buffered(
        LimitedReader(
            stream, packed_size=packed_size, what="the .gz file", check=check, budget=budget, also_close=(raw,)
        )
    )


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES, check: Check | None = None) -> bytes:
    """The bytes of the ordinary file ``path`` (a link is followed, then checked), at most ``limit``.

    For a file read whole (a JSON backup). Raises ImportFileError naming the problem.
    """
    raw = open_regular(path)
    size = os.fstat(raw.fileno()).st_size
    if size > limit:
        raw.close()
        raise ImportFileError(f"too large (over {limit // MiB} MB)")
    with buffered(LimitedReader(raw, limit=limit, check=check)) as stream:
        return stream.read()
