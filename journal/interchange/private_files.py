"""Writing exports so that only their owner can read them, and never half-written.

Each file is written to a temporary sibling created with mode 0600, flushed to
disk, then renamed over the target in one step (``os.replace``), so a crash
leaves either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import os
from pathlib import Path

from journal.storage.outputs import check_output
from journal.storage.temporary import locked_temporary, remove_leftovers, remove_temporary

OWNER_ONLY = 0o600
TEMPORARY = ".tmp"


def write_private(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``content`` to ``path`` atomically with owner-only permissions.

    The temporary file is locked while written (``journal.storage.temporary``): one
    left by a killed export of the same file is removed here first. A path that is an
    open journal, one of its working files or backups is refused (``ProtectedFile``, an
    OSError), whatever the caller asked.
    """
    path = Path(path)
    check_output(path)
    data = content.encode(encoding) if isinstance(content, str) else content
    remove_leftovers(path.parent, f".{path.name}.", TEMPORARY)
    fd, tmp = locked_temporary(path.parent, f".{path.name}.", TEMPORARY)
    try:
        with os.fdopen(os.dup(fd), "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, OWNER_ONLY)
        os.replace(tmp, path)
    except BaseException:
        remove_temporary(tmp)
        raise
    finally:
        os.close(fd)
    return path
