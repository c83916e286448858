"""When to get help: the flag rules, on the guidance's ladder, as pure functions over plain records.

``evaluate_flags(data, as_of, thresholds, week_start, units, risk, acknowledgements)``
returns the flags raised as of a day, most urgent first; ``flag_history`` the episodes
over a period; ``FlagThresholds`` holds every threshold (stored as ``flags.*``
settings); ``rule_descriptions`` words the rules and their sources for "About these
flags"; ``history_start`` says how much of the journal the flags need. Severities:
``emergency``, ``urgent``, ``see_doctor``, ``watch`` (``Severity``).
"""

from journal.analysis.flags.descriptions import RuleInfo, rule_descriptions
from journal.analysis.flags.engine import RULE_IDS, FlagEvaluator, evaluate_flags, flag_history, history_start
from journal.analysis.flags.model import DISCLAIMER, Evidence, Flag, FlagEpisode, Severity, Source, episode_key
from journal.analysis.flags.persistent import Acknowledgement
from journal.analysis.flags.thresholds import APP_DEFAULT, LIMITS, FlagThresholds

__all__ = [
    "APP_DEFAULT",
    "DISCLAIMER",
    "LIMITS",
    "RULE_IDS",
    "Acknowledgement",
    "Evidence",
    "Flag",
    "FlagEpisode",
    "FlagEvaluator",
    "FlagThresholds",
    "RuleInfo",
    "Severity",
    "Source",
    "episode_key",
    "evaluate_flags",
    "flag_history",
    "history_start",
    "rule_descriptions",
]
