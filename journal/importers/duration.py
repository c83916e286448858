"""The one definition of a run's duration, for every format: elapsed time, start to end, pauses included.

``Run.duration_s`` of an imported run is the time from the start of the recorded
activity to its end, pauses included (the watch's "elapsed time"):

- FIT: the session's ``total_elapsed_time`` (FIT profile: "time (includes pauses)"),
  else its ``timestamp`` (the end) minus its ``start_time``, else its timer time.
- TCX: the last recorded moment (the last ``Trackpoint`` time, or the end of the last
  lap: its ``StartTime`` plus its ``TotalTimeSeconds``) minus the start (the ``Id``).
- GPX: the last timed point minus the first (gpxpy's ``get_time_bounds``).
- Strava activities.csv: "Elapsed Time" (seconds), else "Moving Time".
- Garmin Connect Activities.csv: "Elapsed Time", else "Time" (older exports have no
  elapsed column; their "Time" is the watch's timer).

Why elapsed, and not the watch's timer or a moving time: it is the only figure every
format records the same way (a start and an end), so the same run has the same
duration whichever file it came from. A timer exists only in FIT, TCX and Garmin's CSV;
a GPX has none, and its pauses could only be guessed from gaps or slow points, which
no two tools guess alike (gpxpy's moving time counts points under 1 km/h as stopped;
Strava's differs again). Elapsed time also places the run in time, start to end, which
is how the same run recorded twice is recognised (``journal.importers.dedupe``). The
cost: a run with a long stop shows a slower pace than the watch's timer pace.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def elapsed_seconds(start: datetime | None, end: datetime | None) -> float | None:
    """Seconds from ``start`` to ``end``; None when either is missing or the end is not after the start."""
    if start is None or end is None or end <= start:
        return None
    return (end - start) / timedelta(seconds=1)
