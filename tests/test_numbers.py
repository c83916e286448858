"""One way to write a count, a percentage change and a signed difference (journal.domain.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.analysis.spikes import spike_band
from journal.analysis.weekly import band_for_change, change_pct
from journal.domain.numbers import counted, percent, percent_change, signed


@pytest.mark.parametrize(("n", "text"), [(0, "0 entries"), (1, "1 entry"), (2, "2 entries"), (1204, "1,204 entries")])
def test_counted_says_one_entry_and_many_entries(n: int, text: str) -> None:
    assert counted(n, "entry", "entries") == text
    assert counted(n, "day") == text.replace("entries", "days").replace("entry", "day")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (99.6, "+99.6 %"),
        (100.0, "+100.0 %"),
        (10.0, "+10.0 %"),  # at the edge: steady, and reads so
        (10.04, "+10.1 %"),  # over it: caution, and never reads +10.0 %
        (30.00001, "+30.1 %"),
        (29.97, "+30.0 %"),  # up to and including 30 %: caution, and reads so
        (100.0 * 22 / 12 - 100.0, "+83.3 %"),  # the nearest tenth away from the edges
        (45.05, "+45.0 %"),
        (-8.34, "-8.3 %"),
        (0.0, "0.0 %"),
        (-0.0, "0.0 %"),
        (-100.0, "-100.0 %"),
        (change_pct(10.0, 11.0), "+10.0 %"),  # 10 % computed in floating point is exactly 10 %
    ],
)
def test_percent_change(value: float, text: str) -> None:
    assert percent_change(value) == text
    assert percent(value) == text.lstrip("+-")


@given(st.floats(min_value=-100.0, max_value=2000.0, allow_nan=False))
def test_a_change_shown_is_in_the_band_it_is_named_with(value: float) -> None:
    shown = float(percent_change(value).removesuffix(" %"))
    assert band_for_change(shown) == band_for_change(value)
    assert spike_band(shown) == spike_band(value)
    assert abs(shown - value) < 0.1 + 1e-9


def test_the_band_edges_are_the_analysis_own() -> None:
    from journal.analysis import spikes, weekly
    from journal.domain.numbers import BAND_EDGES_PCT

    assert {weekly.STEADY_MAX_PCT, weekly.CAUTION_MAX_PCT, spikes.SPIKE_MIN_PCT} <= set(BAND_EDGES_PCT)
    assert [spikes.spike_band(e + 1e-6) for e in BAND_EDGES_PCT] == list(spikes.SpikeBand)


@pytest.mark.parametrize(
    ("value", "text"), [(0.3, "+0.3"), (-1.25, "-1.2"), (-0.04, "0.0"), (0.04, "0.0"), (-0.0, "0.0"), (2.0, "+2.0")]
)
def test_signed_never_reads_minus_zero(value: float, text: str) -> None:
    assert signed(value) == text


def test_the_factors_table_never_shows_minus_zero(qtbot) -> None:
    from journal.analysis.factors import FactorRow
    from journal.ui.trends.factors_table import FactorsModel

    model = FactorsModel()
    rows = [
        FactorRow("Surface", "Trail", "Road", 1.33, 4, 1.36, 9, categorical=True),  # -0.03: no difference
        FactorRow("Stretched", "Stretched", "Not stretched", 2.5, 5, 1.2, 6),
    ]
    model.set_rows(rows)
    assert [model.index(r, 3).data() for r in range(2)] == ["0.0", "+1.3"]
