"""How numbers read, the same way on every page, in the report, the flags and the command line.

- ``counted(3, "entry", "entries")``: a count with its noun, "1 entry", "3 entries", "1,204 runs".
- ``percent_change(45.34)``: a change in per cent (the week-over-week change of weekly distance,
  ``journal.analysis.weekly``; a run's spike past the longest of the 30 days before,
  ``journal.analysis.spikes``): signed, to one decimal, "+45.3 %", "-8.4 %", "0.0 %".
  ``percent(45.34)`` is the same figure without its sign ("45.3 % longer").
- ``signed(-0.04)``: a signed difference to one decimal, "+0.3", "-1.2", "0.0" (never "-0.0").

Percentages are rounded to the nearest tenth (one decimal keeps +99.6 % from reading as a
doubling), with one exception: a figure just over the edge of a band (10, 30 or 100 %: the
weekly change bands of Nielsen et al. 2014, the spike bands of Frandsen et al. 2025) is shown
a tenth over it, never on it, since a band is named "over 30 %". So a figure always lies in
the band it is shown with: 30.04 reads "+30.1 %" (a big jump), 29.97 reads "+30.0 %" (caution:
up to and including 30 %). Figures are judged, like the bands, on the value rounded to 9
decimals (``weekly._DIGITS``, ``spikes._DIGITS``), so 10 % computed in floating point is 10 %.
"""

from __future__ import annotations

BAND_DIGITS = 9
"""Decimals a change is rounded to before it is banded (``journal.analysis.weekly``, ``journal.analysis.spikes``)."""
BAND_EDGES_PCT: tuple[float, ...] = (10.0, 30.0, 100.0)
"""The percentages where the bands end: ``weekly.STEADY_MAX_PCT``, ``weekly.CAUTION_MAX_PCT``, ``spikes.SPIKE_MIN_PCT``
and the spike bands' 30 and 100 (a test holds them together)."""


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` with its noun: "1 day", "2 days", "1 entry", "3 entries" (``many`` defaults to ``one`` + "s")."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def percent(value: float, edges: tuple[float, ...] = BAND_EDGES_PCT) -> str:
    """The size of a percentage to the nearest tenth, "45.3 %"; just over one of ``edges``, a tenth over it."""
    size = round(abs(value), BAND_DIGITS)
    shown = round(size, 1)
    if shown in edges and size > shown:
        shown = round(shown + 0.1, 1)
    return f"{shown:.1f} %"


def percent_change(value: float, edges: tuple[float, ...] = BAND_EDGES_PCT) -> str:
    """A change in per cent with its sign: "+45.3 %", "-8.4 %"; a change that rounds to nothing reads "0.0 %"."""
    shown = percent(value, edges)
    if shown == "0.0 %":
        return shown
    return ("+" if value > 0 else "-") + shown


def signed(value: float, decimals: int = 1) -> str:
    """A difference with its sign, rounded half to even as ``format`` does: "+0.3", "-1.2"; zero reads "0.0",
    never "-0.0" or "+0.0"."""
    text = f"{value:+.{decimals}f}"
    return text[1:] if float(text) == 0 else text
