"""JSON text as ``json.dumps(value, indent=1, ensure_ascii=False)`` writes it, several times faster.

With an indent the standard library encodes in pure Python, one generator per list and
object, which took a tenth of ``stats --json`` on a 30-year journal (1,565 weeks). This
writes the same text (tests/test_cli_stats.py compares them on any value) with the C
string encoder, for the plain values a command prints: dicts with text keys, lists and
tuples, text, numbers, booleans and None.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

_INFINITY = float("inf")


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False)``, for values of the kinds above (TypeError otherwise)."""
    parts: list[str] = []
    _write(value, "\n", parts)
    return "".join(parts)


def _write(value: Any, newline: str, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + " "
        before = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be text, not {type(key).__name__}")
            parts.append(before + encode_basestring(key) + ": ")
            _write(item, inner, parts)
            before = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + " "
        before = "[" + inner
        for item in value:
            parts.append(before)
            _write(item, inner, parts)
            before = "," + inner
        parts.append(newline + "]")
    else:
        raise TypeError(f"{type(value).__name__} is not JSON")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
