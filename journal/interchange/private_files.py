"""Writing exports so that only their owner can read them, and never half-written.

Each file is written to a temporary sibling created with mode 0600, flushed to
disk, then renamed over the target in one step (``os.replace``), so a crash
leaves either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

OWNER_ONLY = 0o600


def write_private(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``content`` to ``path`` atomically with owner-only permissions."""
    path = Path(path)
    data = content.encode(encoding) if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, OWNER_ONLY)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
