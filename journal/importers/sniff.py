"""What a file holds, from its first bytes, whatever its name says: FIT, GPX, TCX, a zip or gzip.

A file's name is only a claim: a FIT file renamed ``.gpx`` by a sync tool, a TCX saved as
``.gpx``, a zip or a gzip without the right ending. ``sniff_kind(head)`` reads the content's
own marks, as the formats define them:

- FIT: bytes 8-11 of the file header are ``.FIT`` (FIT SDK, "File Header").
- gzip: the magic ``1f 8b`` (RFC 1952, 2.3.1); zip: a local file header ``PK\\x03\\x04``
  (PKWARE APPNOTE 4.3.7).
- GPX and TCX: the name of the root element (``gpx``, ``TrainingCenterDatabase``), after the
  XML declaration, comments and a DOCTYPE, in any prefix.

None when the head shows none of these (a CSV, text, or damaged bytes): the name decides.
"""

from __future__ import annotations

import re

from journal.importers.values import decode_text

SNIFF_BYTES = 4096
"""Bytes read to tell a file's kind: a GPX or TCX root element comes within the first lines."""
_ROOT = re.compile(r"<(?![?!/])(?:[\w.\-]+:)?([\w.\-]+)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
NAMES = {"fit": "FIT", "gpx": "GPX", "tcx": "TCX", "zip": "zip", "gz": "gzip", "csv": "CSV"}


def sniff_kind(head: bytes) -> str | None:
    """``"fit"``, ``"gpx"``, ``"tcx"``, ``"zip"`` or ``"gz"`` when ``head`` (a file's first bytes) shows it."""
    if len(head) >= 12 and head[8:12] == b".FIT":
        return "fit"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    text = _COMMENT.sub("", decode_text(head[:SNIFF_BYTES])).lstrip(" \t\r\n\ufeff")
    root = _ROOT.search(text) if text.startswith("<") else None
    if root is None:
        return None
    name = root.group(1)
    if name == "gpx":
        return "gpx"
    if name == "TrainingCenterDatabase":
        return "tcx"
    return None
