"""When to see a professional: the flag rules of issue 4, as pure functions over plain records.

``evaluate_flags(data, as_of, thresholds, week_start)`` returns the flags raised as
of a day, most urgent first; ``flag_history`` the episodes over a period;
``FlagThresholds`` holds every threshold (stored as ``flags.*`` settings);
``rule_descriptions`` words the rules and their sources for "About these flags".
"""

from journal.analysis.flags.engine import RULE_IDS, FlagEvaluator, evaluate_flags, flag_history
from journal.analysis.flags.model import DISCLAIMER, Evidence, Flag, FlagEpisode, Severity, Source, episode_key
from journal.analysis.flags.sources import RuleInfo, rule_descriptions
from journal.analysis.flags.thresholds import LIMITS, FlagThresholds

__all__ = [
    "DISCLAIMER",
    "LIMITS",
    "RULE_IDS",
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
    "rule_descriptions",
]
