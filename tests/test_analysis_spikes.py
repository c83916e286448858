"""Single-run spikes against the longest run of the 30 days before (Frandsen et al. 2025), by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.spikes import SpikeBand, biggest_spikes, single_run_spikes, spike_band, spikes_over
from journal.domain.entries import Run

D0 = date(2025, 3, 1)


def run(day_offset: int, km: float, hour: int = 7) -> Run:
    return Run(started_at=datetime.combine(D0 + timedelta(days=day_offset), time(hour, 0)), distance_m=km * 1000.0)


def test_bands_and_boundaries() -> None:
    runs = [
        run(0, 10.0),
        run(10, 11.0),  # exactly +10 % on 10 km: not a spike
        run(12, 14.3),  # exactly +30 % on 11 km: 10-30
        run(14, 28.6),  # exactly +100 % on 14.3 km: 30-100
        run(16, 57.3),  # +100.3 % on 28.6 km: over_100
    ]
    spikes = single_run_spikes(runs)
    assert [(s.day, s.band) for s in spikes] == [
        (D0 + timedelta(days=12), SpikeBand.OVER_10),
        (D0 + timedelta(days=14), SpikeBand.OVER_30),
        (D0 + timedelta(days=16), SpikeBand.OVER_100),
    ]
    assert [s.spike_pct for s in spikes] == pytest.approx([30.0, 100.0, (57.3 - 28.6) / 28.6 * 100])
    assert [s.longest_prior_m for s in spikes] == pytest.approx([11000.0, 14300.0, 28600.0])
    assert [s.band.value for s in spikes] == ["10-30", "30-100", "over_100"]
    assert [s.day for s in spikes_over(spikes, 30)] == [D0 + timedelta(days=14), D0 + timedelta(days=16)]
    assert biggest_spikes(spikes, 1)[0].distance_m == pytest.approx(57300.0)


def test_the_window_is_the_30_days_before_the_run() -> None:
    runs = [run(0, 10.0), run(30, 12.0), run(61, 20.0)]
    spikes = single_run_spikes(runs)
    # day 30: day 0 is 30 days before, inside the window: +20 %
    # day 61: the last run (day 30) is 31 days before: no figure at all
    assert [(s.day, s.spike_pct) for s in spikes] == [(D0 + timedelta(days=30), pytest.approx(20.0))]


def test_an_earlier_run_on_the_same_day_is_not_the_month_before() -> None:
    runs = [run(0, 10.0), run(5, 5.0, hour=7), run(5, 12.0, hour=18)]
    spikes = single_run_spikes(runs)
    assert [(s.started_at.hour, s.longest_prior_m) for s in spikes] == [(18, pytest.approx(10000.0))]


def test_the_first_run_and_a_range() -> None:
    runs = [run(0, 10.0), run(3, 15.0), run(6, 20.0)]
    assert single_run_spikes(runs[:1]) == ()
    # a range: runs before it still count as the look-back; runs after its end are ignored
    in_range = single_run_spikes(runs, start=D0 + timedelta(days=6))
    assert [(s.day, s.longest_prior_m) for s in in_range] == [(D0 + timedelta(days=6), pytest.approx(15000.0))]
    assert [s.day for s in single_run_spikes(runs, end=D0 + timedelta(days=5))] == [D0 + timedelta(days=3)]


def test_spike_band_function() -> None:
    assert spike_band(10.0) is None
    assert spike_band(10.01) is SpikeBand.OVER_10
    assert spike_band(30.0) is SpikeBand.OVER_10
    assert spike_band(100.0) is SpikeBand.OVER_30
    assert spike_band(100.01) is SpikeBand.OVER_100
