"""Strava's activities.csv in the account's language: column names, running types, month names.

Strava writes its bulk export (Settings > My Account > Download or Delete Your Account)
in the language of the account: the column names and the activity types are translated,
the "Activity Date" is written the language's way (``20.09.2026, 14:12:12``,
``4 janv. 2020, 14:57:37``), and the first Distance column (in the account's unit) takes
the language's decimal mark (``"10,20"``); the later Distance (metres) and the times
(seconds) stay plain numbers. The columns keep the English order, so the first and the
later of a repeated name mean the same in every language (``journal.importers.strava``).

Where the names come from (public code that reads real exports, searched 2026):

- German: the whole 92-column header, column for column the English one (a Rust
  importer's test fixture ``HEADER_GERMAN_92``), with "Aktivitätsdatum" as
  ``20.09.2026, 14:12:12`` and the first "Distanz" as ``"10,20"`` (the same fixture; a
  TypeScript reader whose columns were "verified against a real German export"; a Python
  tool's notes: the summary distance ``"9,55"``, the detailed columns with a point); the
  type "Lauf" (a Kotlin importer's test, the TypeScript reader).
- French: the header from "ID de l'activité" to "Dénivelé positif" (a Python test whose
  fixture is named after a real export), the type "Course à pied" (several importers'
  tests), dates with French month abbreviations, day first, and decimal commas (a script
  that reads a real French export).

Unconfirmed: the German and French names of Trail Run and Virtual Run (the interface's
words); the first to check when an export is not read.
"""

from __future__ import annotations

from journal.domain.vocabulary import Surface

COLUMNS: dict[str, str] = {
    # German
    "Aktivitäts-ID": "Activity ID",
    "Aktivitätsdatum": "Activity Date",
    "Name der Aktivität": "Activity Name",
    "Aktivitätsart": "Activity Type",
    "Aktivitätsbeschreibung": "Activity Description",
    "Verstrichene Zeit": "Elapsed Time",
    "Distanz": "Distance",
    "Hinweis zur Privatsphäre für Aktivitäten": "Activity Private Note",
    "Aktivitätsausrüstung": "Activity Gear",
    "Dateiname": "Filename",
    "Bewegungszeit": "Moving Time",
    "Gefühlte Anstrengung": "Perceived Exertion",
    # French
    "ID de l'activité": "Activity ID",
    "Date de l'activité": "Activity Date",
    "Nom de l'activité": "Activity Name",
    "Type d'activité": "Activity Type",
    "Description de l'activité": "Activity Description",
    "Temps écoulé": "Elapsed Time",
    "Note privée sur les activités": "Activity Private Note",
    "Matériel utilisé pour l'activité": "Activity Gear",
    "Nom du fichier": "Filename",
    "Durée de déplacement": "Moving Time",
}
"""A translated column name to the English name it stands for."""

RUN_TYPES: dict[str, Surface | None] = {
    "Run": None,
    "Trail Run": Surface.TRAIL,
    "Virtual Run": Surface.TREADMILL,
    "Lauf": None,
    "Traillauf": Surface.TRAIL,
    "Trail-Lauf": Surface.TRAIL,
    "Virtueller Lauf": Surface.TREADMILL,
    "Course à pied": None,
    "Trail": Surface.TRAIL,
    "Course à pied virtuelle": Surface.TREADMILL,
    "Course virtuelle": Surface.TREADMILL,
}
"""Strava's running types, in English and as translated, with the surface each names."""

MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)},
    # French abbreviations as Strava writes them (without their dots)
    "janv": 1, "févr": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7, "août": 8, "sept": 9, "déc": 12,
    # German
    "jän": 1, "märz": 3, "mär": 3, "juni": 6, "juli": 7, "okt": 10, "dez": 12,
}  # fmt: skip
"""Month names and abbreviations, lower case: English by their first three letters, French and German whole."""


def month_number(name: str) -> int | None:
    """The month a name or abbreviation names (``Jan``, ``January``, ``janv.``, ``août``, ``Dez.``), or None."""
    text = name.rstrip(".").casefold()
    return MONTHS.get(text) or MONTHS.get(text[:3])
