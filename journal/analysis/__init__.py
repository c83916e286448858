"""Training load and pain trends, on plain records (no Qt, no database).

Entry point: ``journal.analysis.stats.compute_stats(data, week_start, start, end,
lag_weeks, region) -> Stats`` (frozen dataclasses). The figures, each with its
formula and source in its module's docstring:

- ``weekly``: weekly distance, week-over-week change, bands (Nielsen et al. 2014);
  ``weekly_distances``, ``big_jumps``, ``week_start_of``, ``Band``;
- ``spikes``: single-run spikes against the longest run of the 30 days before
  (Frandsen et al. 2025); ``single_run_spikes``, ``spikes_over``, ``biggest_spikes``;
- ``load``: acute:chronic ratio, rolling and EWMA (Williams et al. 2017; bands after
  Gabbett 2016, debated), monotony and strain (Foster 1998); ``acute_chronic``,
  ``load_series``, ``monotony_and_strain``, ``zone``;
- ``pain``: daily maximum, 7-day mean, weekly mean and worst, pain-free days;
- ``correlation``: change against later pain, Spearman's rho, n and a plain sentence;
- ``factors``: mean next-day pain by surface, shoes, stretching... (3+ runs a side).

``flags`` (warning signs and lingering pain) is a separate package.

The goal race (issue 11): ``race_plan`` (the suggested path week by week, with its
phases), ``race_checks`` (the six checks with reasons and sources), ``race_verdict``
(``plan_race`` and the verdict) and ``goal_race`` (the next race of a journal, and the
one call into the flag engine).
"""
