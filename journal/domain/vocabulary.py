"""The fixed vocabularies of the journal: regions, timings, surfaces, warning signs, care.

Every value is a ``StrEnum`` whose value is the stable identifier stored in the
database and written to the JSON backup file (see ``docs/json-format.md``); the
``label`` property is the wording a person sees.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class _Labelled(StrEnum):
    """A StrEnum whose members carry a human label in ``_LABELS``."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, value: str) -> Self:
        """Return the member for ``value`` or raise ValueError naming the allowed values."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise ValueError(f"{value!r} is not one of: {allowed}") from None


class Region(_Labelled):
    LOWER_BACK = "lower_back"
    UPPER_BACK = "upper_back"
    HAMSTRING_LEFT = "hamstring_left"
    HAMSTRING_RIGHT = "hamstring_right"
    GLUTE_HIP = "glute_hip"


class Timing(_Labelled):
    DURING_RUN = "during_run"
    AFTER_RUN = "after_run"
    LATER_SAME_DAY = "later_same_day"
    NEXT_MORNING = "next_morning"
    REST_DAY = "rest_day"


class Character(_Labelled):
    ACHE = "ache"
    STIFFNESS = "stiffness"
    SHARP = "sharp"
    BURNING = "burning"
    TINGLING = "tingling"
    NUMBNESS = "numbness"


class Radiates(_Labelled):
    NONE = "none"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"


class Surface(_Labelled):
    ROAD = "road"
    TRACK = "track"
    TRAIL = "trail"
    TREADMILL = "treadmill"
    HILLY = "hilly"


class FootStrike(_Labelled):
    HEEL = "heel"
    MIDFOOT = "midfoot"
    FOREFOOT = "forefoot"
    UNSURE = "unsure"


class WarningSign(_Labelled):
    """Signs the NHS, Mayo Clinic and NICE name as reasons to get help (see ``analysis/flags/signs.py``).

    The order is the order of the check-in form: the emergency signs first.
    """

    SADDLE_NUMBNESS = "saddle_numbness"
    BLADDER_BOWEL = "bladder_bowel"
    BOTH_LEGS = "both_legs"
    CHEST_PAIN = "chest_pain"
    ERECTION_PROBLEMS = "erection_problems"
    SERIOUS_ACCIDENT = "serious_accident"
    LEG_WEAKNESS = "leg_weakness"
    FEVER = "fever"
    FALL_OR_BLOW = "fall_or_blow"
    SWELLING_OR_DEFORMITY = "swelling_or_deformity"
    WORSE_ON_COUGH_SNEEZE = "worse_on_cough_sneeze"
    NIGHT_PAIN = "night_pain"
    PAIN_STOPS_SLEEP = "pain_stops_sleep"
    WEIGHT_LOSS = "weight_loss"
    CANNOT_BEAR_WEIGHT = "cannot_bear_weight"
    POPPING_OR_BRUISING = "popping_or_bruising"


class CareKind(_Labelled):
    HEAT = "heat"
    ICE = "ice"
    STRETCHING = "stretching"
    CORE_STRENGTH = "core_strength"
    PAINKILLER = "painkiller"
    PHYSIO = "physio"
    REST = "rest"


_LABELS: dict[str, str] = {
    # regions
    "lower_back": "Lower back",
    "upper_back": "Upper back",
    "hamstring_left": "Left hamstring",
    "hamstring_right": "Right hamstring",
    "glute_hip": "Glute / hip",
    # timing
    "during_run": "During the run",
    "after_run": "Right after",
    "later_same_day": "Later that day",
    "next_morning": "Next morning",
    "rest_day": "Rest day",
    # character
    "tingling": "Tingling / pins and needles",
    "numbness": "Numbness",
    # radiates
    "none": "Does not spread",
    "buttock": "Into the buttock",
    "thigh": "Down the thigh",
    "below_knee": "Below the knee",
    # foot strike
    "unsure": "Not sure",
    # warning signs
    "saddle_numbness": "Numbness or tingling around the genitals or buttocks",
    "bladder_bowel": "Difficulty peeing, or new loss of bladder or bowel control",
    "both_legs": "Pain, tingling, weakness or numbness in both legs",
    "chest_pain": "Chest pain",
    "erection_problems": "New problems getting or keeping an erection",
    "leg_weakness": "Weakness in a leg",
    "night_pain": "Pain worse at night, or not easing with rest",
    "pain_stops_sleep": "Pain so bad it stops you sleeping",
    "fever": "Fever: a very high temperature, or feeling hot and shivery",
    "fall_or_blow": "Pain after a fall or a blow to the back",
    "serious_accident": "Pain that started after a serious accident, such as a car crash",
    "swelling_or_deformity": "A lump or swelling in the back, or the back has changed shape",
    "worse_on_cough_sneeze": "Pain worse when coughing, sneezing or pooing",
    "cannot_bear_weight": "Cannot put weight on the leg",
    "popping_or_bruising": "Popping feeling or bruising at the hamstring",
    "weight_loss": "Unexplained weight loss",
    # care
    "core_strength": "Core / strength session",
    "painkiller": "Painkiller (over the counter)",
    "physio": "Physio",
}
