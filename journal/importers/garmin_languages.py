"""Garmin Connect's Activities.csv in every language it exports: column names and running types.

Garmin Connect writes Activities.csv (Activities > Export CSV) in the account's
language: the column names and the activity types are translated, the values are not
(dates stay ``YYYY-MM-DD HH:MM:SS``, numbers use a point). The columns read here, by
role: the activity type, the date, the distance, and for the duration the elapsed
time, else the (timer) time, else the moving time (``journal.importers.duration``).

Where each language's names come from (searched in public code, issues and pages,
2026). "Confirmed" means the names were seen in a real exported header or a fixture
copied from one; "unconfirmed" names are Garmin Connect's interface words for these
columns as best known, not seen in an export, and are the first to check when a
person reports an export that is not recognised.

- English: confirmed (this project's own fixtures; public parsers such as
  takuya0206/ai_running_coach ``src/types.ts``). All running types contain the word
  "run" (Running, Trail Running, Treadmill Running, Track Running, Virtual Run,
  Indoor Running, Street Running, Ultra Run).
- German: header confirmed (several public scripts that read German exports quote
  "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,..." and "Zeit in
  Bewegung", "Verstrichene Zeit"); type "Laufen" and its compounds unconfirmed.
- French: confirmed for "Type d'activité", "Date", "Titre", "Distance", "Durée",
  "Temps de déplacement" and the type "Course à pied" (the runningwhale project's
  test fixture, "extrait fidèle d'un export réel"), and "Temps écoulé" (a public
  script's default header, "...,Temps de déplacement,Temps écoulé,Altitude minimale");
  the other running types unconfirmed.
- Spanish: "Tipo de actividad", "Fecha", "Título", "Distancia", "Tiempo" and the
  type "Carrera" confirmed (the tests of two public importers); the rest unconfirmed.
- Italian: confirmed (a public script that writes Garmin's Italian header for its own
  import: "Tipo di attività,Data,Preferita,Titolo,Distanza,...,Tempo,...,Tempo in
  movimento,Tempo trascorso", type "Corsa"); other running types unconfirmed.
- Portuguese (Brazil): confirmed ("Tipo de atividade,Data,Favorito,Título,Distância,
  Calorias,Tempo total,...,Tempo em movimento,Tempo transcorrido" and "Tempo" in the
  tests of public importers; types "Corrida" and "Corrida em esteira", the rows of a
  real export in a public parser's tests). Portugal's "Tempo decorrido" unconfirmed.
- Dutch: "Activiteittype", "Datum", "Titel", "Afstand", "Tijd", "Tijd bewogen",
  "Verstreken tijd" confirmed by a public loader of Dutch exports (column names as its
  table spells them); running types ("Hardlopen"...) unconfirmed.
- Polish: "Typ aktywności,Data,Ulubiony,Tytuł,Dystans,Suma kalorii,Czas" and the type
  "Bieganie" confirmed (a public Java importer's GarminCsvParserTest); the rest
  unconfirmed.
- Danish: "Aktivitetstype", "Dato", "Distance", "Tid" and the type "Løb" confirmed by
  the export in this project's issue 15; the rest unconfirmed.
- Norwegian: confirmed ("Aktivitetstype,Dato,Favoritt,Tittel,Distanse,Totale kalorier,
  Tid,...,Tid i bevegelse,Medgått tid,..." and the type "Løping", quoted from a real
  export by a public converter script that reads it).
- Swedish, Finnish, Czech, Slovak, Hungarian, Croatian, Slovenian, Romanian, Greek,
  Russian, Turkish: unconfirmed (Garmin Connect's interface words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TYPE, DATE, DISTANCE, ELAPSED, TIME, MOVING, TITLE = "type", "date", "distance", "elapsed", "time", "moving", "title"
REQUIRED_ROLES = (TYPE, DATE, DISTANCE)
DURATION_ROLES = (ELAPSED, TIME, MOVING)
"""Duration columns in order of preference: elapsed time is the one definition of duration."""
ROLE_WORDS = {TYPE: "the activity type", DATE: "the date", DISTANCE: "the distance"}


@dataclass(frozen=True, slots=True)
class Language:
    name: str
    columns: dict[str, tuple[str, ...]]
    running: tuple[str, ...]
    """Running activity types, whole names."""
    confirmed: bool


LANGUAGES: dict[str, Language] = {
    "en": Language(
        "English",
        {TYPE: ("Activity Type",), DATE: ("Date",), DISTANCE: ("Distance",), ELAPSED: ("Elapsed Time",),
         TIME: ("Time",), MOVING: ("Moving Time",), TITLE: ("Title",)},
        ("Running", "Trail Running", "Treadmill Running", "Track Running", "Virtual Run", "Indoor Running",
         "Street Running", "Ultra Run"),
        True,
    ),
    "de": Language(
        "German",
        {TYPE: ("Aktivitätstyp",), DATE: ("Datum",), DISTANCE: ("Distanz",), ELAPSED: ("Verstrichene Zeit",),
         TIME: ("Zeit",), MOVING: ("Zeit in Bewegung",), TITLE: ("Titel",)},
        ("Laufen", "Trailrunning", "Trail Running", "Laufband", "Laufbandtraining", "Bahnlauf", "Virtueller Lauf",
         "Indoor-Laufen", "Straßenlauf", "Ultralauf"),
        True,
    ),
    "fr": Language(
        "French",
        {TYPE: ("Type d'activité",), DATE: ("Date",), DISTANCE: ("Distance",), ELAPSED: ("Temps écoulé",),
         TIME: ("Durée", "Temps"), MOVING: ("Temps de déplacement",), TITLE: ("Titre",)},
        ("Course à pied", "Course", "Trail", "Course sur tapis", "Course sur tapis roulant", "Course sur piste",
         "Course virtuelle", "Course en salle", "Ultra-trail"),
        True,
    ),
    "es": Language(
        "Spanish",
        {TYPE: ("Tipo de actividad",), DATE: ("Fecha",), DISTANCE: ("Distancia",), ELAPSED: ("Tiempo transcurrido",),
         TIME: ("Tiempo",), MOVING: ("Tiempo en movimiento",), TITLE: ("Título",)},
        ("Carrera", "Correr", "Trail running", "Carrera por montaña", "Carrera en cinta", "Cinta de correr",
         "Carrera en pista", "Carrera virtual", "Carrera en interior"),
        True,
    ),
    "it": Language(
        "Italian",
        {TYPE: ("Tipo di attività",), DATE: ("Data",), DISTANCE: ("Distanza",), ELAPSED: ("Tempo trascorso",),
         TIME: ("Tempo",), MOVING: ("Tempo in movimento",), TITLE: ("Titolo",)},
        ("Corsa", "Trail running", "Corsa su tapis roulant", "Tapis roulant", "Corsa su pista", "Corsa virtuale",
         "Corsa indoor"),
        True,
    ),
    "pt": Language(
        "Portuguese",
        {TYPE: ("Tipo de atividade",), DATE: ("Data",), DISTANCE: ("Distância",),
         ELAPSED: ("Tempo transcorrido", "Tempo decorrido"), TIME: ("Tempo", "Tempo total"),
         MOVING: ("Tempo em movimento",), TITLE: ("Título",)},
        ("Corrida", "Corrida em trilha", "Trail running", "Corrida em esteira", "Corrida na esteira", "Esteira",
         "Corrida em pista",
         "Corrida virtual", "Corrida indoor"),
        True,
    ),
    "nl": Language(
        "Dutch",
        {TYPE: ("Activiteittype", "Activiteitstype"), DATE: ("Datum",), DISTANCE: ("Afstand",),
         ELAPSED: ("Verstreken tijd",), TIME: ("Tijd",), MOVING: ("Tijd bewogen", "Tijd in beweging"),
         TITLE: ("Titel",)},
        ("Hardlopen", "Trailrunning", "Trail hardlopen", "Loopband", "Hardlopen op loopband", "Baanlopen",
         "Virtueel hardlopen", "Indoor hardlopen"),
        True,
    ),
    "pl": Language(
        "Polish",
        {TYPE: ("Typ aktywności",), DATE: ("Data",), DISTANCE: ("Dystans",), ELAPSED: ("Czas, który upłynął",),
         TIME: ("Czas",), MOVING: ("Czas ruchu", "Czas w ruchu"), TITLE: ("Tytuł",)},
        ("Bieganie", "Bieg", "Bieg terenowy", "Bieganie w terenie", "Bieg na bieżni", "Bieżnia", "Bieg na torze",
         "Bieg wirtualny"),
        True,
    ),
    "da": Language(
        "Danish",
        {TYPE: ("Aktivitetstype",), DATE: ("Dato",), DISTANCE: ("Distance",), ELAPSED: ("Forløbet tid",),
         TIME: ("Tid",), MOVING: ("Bevægelsestid", "Tid i bevægelse"), TITLE: ("Titel",)},
        ("Løb", "Trailløb", "Løbebånd", "Baneløb", "Virtuelt løb", "Indendørs løb"),
        True,
    ),
    "sv": Language(
        "Swedish",
        {TYPE: ("Aktivitetstyp",), DATE: ("Datum",), DISTANCE: ("Distans", "Sträcka"), ELAPSED: ("Förfluten tid",),
         TIME: ("Tid",), MOVING: ("Tid i rörelse", "Rörelsetid"), TITLE: ("Titel",)},
        ("Löpning", "Terränglöpning", "Traillöpning", "Löpband", "Banlöpning", "Virtuell löpning"),
        False,
    ),
    "no": Language(
        "Norwegian",
        {TYPE: ("Aktivitetstype",), DATE: ("Dato",), DISTANCE: ("Distanse",), ELAPSED: ("Medgått tid",),
         TIME: ("Tid",), MOVING: ("Bevegelsestid", "Tid i bevegelse"), TITLE: ("Tittel",)},
        ("Løping", "Terrengløping", "Tredemølle", "Baneløping", "Virtuell løping"),
        True,
    ),
    "fi": Language(
        "Finnish",
        {TYPE: ("Aktiviteettityyppi", "Aktiviteetin tyyppi", "Laji"), DATE: ("Päivämäärä",), DISTANCE: ("Matka",),
         ELAPSED: ("Kulunut aika",), TIME: ("Aika",), MOVING: ("Liikkumisaika",), TITLE: ("Otsikko",)},
        ("Juoksu", "Polkujuoksu", "Juoksumatto", "Ratajuoksu", "Virtuaalijuoksu"),
        False,
    ),
    "cs": Language(
        "Czech",
        {TYPE: ("Typ aktivity",), DATE: ("Datum",), DISTANCE: ("Vzdálenost",), ELAPSED: ("Uplynulý čas",),
         TIME: ("Čas",), MOVING: ("Čas v pohybu",), TITLE: ("Název",)},
        ("Běh", "Trailový běh", "Běh v terénu", "Běžecký pás", "Běh na pásu", "Běh na dráze", "Virtuální běh"),
        False,
    ),
    "sk": Language(
        "Slovak",
        {TYPE: ("Typ aktivity",), DATE: ("Dátum",), DISTANCE: ("Vzdialenosť",), ELAPSED: ("Uplynulý čas",),
         TIME: ("Čas",), MOVING: ("Čas v pohybe",), TITLE: ("Názov",)},
        ("Beh", "Trailový beh", "Bežecký pás", "Beh na dráhe"),
        False,
    ),
    "hu": Language(
        "Hungarian",
        {TYPE: ("Tevékenység típusa",), DATE: ("Dátum",), DISTANCE: ("Távolság",), ELAPSED: ("Eltelt idő",),
         TIME: ("Idő",), MOVING: ("Mozgási idő",), TITLE: ("Cím",)},
        ("Futás", "Terepfutás", "Futópad", "Pályafutás"),
        False,
    ),
    "hr": Language(
        "Croatian",
        {TYPE: ("Vrsta aktivnosti",), DATE: ("Datum",), DISTANCE: ("Udaljenost",), ELAPSED: ("Proteklo vrijeme",),
         TIME: ("Vrijeme",), MOVING: ("Vrijeme kretanja",), TITLE: ("Naslov",)},
        ("Trčanje", "Trail trčanje", "Traka za trčanje", "Trčanje na stazi"),
        False,
    ),
    "sl": Language(
        "Slovenian",
        {TYPE: ("Vrsta dejavnosti",), DATE: ("Datum",), DISTANCE: ("Razdalja",), ELAPSED: ("Pretečeni čas",),
         TIME: ("Čas",), MOVING: ("Čas gibanja",), TITLE: ("Naslov",)},
        ("Tek", "Tek po brezpotjih", "Tekalna steza", "Tek na stezi"),
        False,
    ),
    "ro": Language(
        "Romanian",
        {TYPE: ("Tip activitate",), DATE: ("Dată",), DISTANCE: ("Distanţă", "Distanță"), ELAPSED: ("Timp scurs",),
         TIME: ("Timp",), MOVING: ("Timp în mişcare", "Timp în mișcare"), TITLE: ("Titlu",)},
        ("Alergare", "Alergare pe trasee", "Bandă de alergare", "Alergare pe pistă"),
        False,
    ),
    "el": Language(
        "Greek",
        {TYPE: ("Τύπος δραστηριότητας",), DATE: ("Ημερομηνία",), DISTANCE: ("Απόσταση",),
         ELAPSED: ("Χρόνος που πέρασε",), TIME: ("Χρόνος",), MOVING: ("Χρόνος κίνησης",), TITLE: ("Τίτλος",)},
        ("Τρέξιμο", "Τρέξιμο σε μονοπάτι", "Διάδρομος", "Τρέξιμο σε στίβο"),
        False,
    ),
    "ru": Language(
        "Russian",
        {TYPE: ("Тип занятия", "Тип активности"), DATE: ("Дата",), DISTANCE: ("Расстояние", "Дистанция"),
         ELAPSED: ("Прошедшее время",), TIME: ("Время",), MOVING: ("Время в движении",), TITLE: ("Название",)},
        ("Бег", "Трейлраннинг", "Бег по пересеченной местности", "Беговая дорожка", "Бег на дорожке", "Бег по стадиону"),
        False,
    ),
    "tr": Language(
        "Turkish",
        {TYPE: ("Aktivite Türü", "Aktivite Tipi"), DATE: ("Tarih",), DISTANCE: ("Mesafe",),
         ELAPSED: ("Geçen Süre",), TIME: ("Süre",), MOVING: ("Hareket Süresi",), TITLE: ("Başlık",)},
        ("Koşu", "Patika Koşusu", "Koşu Bandı", "Pist Koşusu"),
        False,
    ),
}  # fmt: skip

SURFACE_WORDS = {
    "trail": ("trail", "terrain", "terreng", "terräng", "polku", "teren", "montaña", "trilha", "mountain", "μονοπάτι",
              "patika", "brezpot", "terép"),
    "treadmill": ("treadmill", "indoor", "laufband", "tapis", "cinta", "loopband", "løbebånd", "löpband", "tredemølle",
                  "juoksumatto", "bieżni", "pás", "esteira", "futópad", "traka", "tekalna", "bandă", "διάδρομος",
                  "дорожк", "bandı", "virtual", "virtuel", "virtueller", "virtuale", "virtuell", "interior", "salle"),
    "track": ("track", "bahn", "piste", "pista", "baan", "bane", "banl", "rata", "torze", "dráze", "dráhe",
              "pálya", "stazi", "pistă", "στίβο", "стадион", "pist "),
}  # fmt: skip
"""Words (lower case) in a running type that name its surface, in any language; virtual runs are treadmill runs."""

_UNIT_IN_NAME = re.compile(r"\s*[\(\[][^)\]]*[\)\]]\s*$")


def normal(name: str) -> str:
    """A column or type name compared without case, a byte-order mark, ``®``, a trailing unit in brackets,
    Unicode composition differences or repeated spaces."""
    text = unicodedata.normalize("NFC", name.replace("\ufeff", "").replace("®", ""))
    text = _UNIT_IN_NAME.sub("", text)
    return " ".join(text.split()).casefold()


COLUMN_ROLES: dict[str, str] = {
    normal(name): role for lang in LANGUAGES.values() for role, names in lang.columns.items() for name in names
}
"""Every known column name, in every language, to its role."""
RUNNING_TYPES: frozenset[str] = frozenset(normal(t) for lang in LANGUAGES.values() for t in lang.running)
_RUN_WORD = re.compile(r"\brun")
"""English: every running type has a word starting "run"."""
RUNNING_STEMS = ("lauf", "course", "carrera", "corsa", "corrida", "hardlo", "løb", "löp", "løp", "juoks", "bieg",
                 "běh", "futás", "trčan", "alerg", "τρέξ", "бег", "koşu")  # fmt: skip
"""Stems of running words inside compound names (Bahnlauf, Polkujuoksu, Trailløb...)."""
NOT_RUNNING = ("langlauf", "skiløb", "langrend", "skiløp", "biegow", "orient", "ski", "smuč", "kayak", "vélo", "bici",
               "lyž", "лыж", "sífut", "tájfut")  # fmt: skip
"""Compounds that hold a running stem but are not runs: cross-country skiing (Langlauf, Běh na lyžích, Бег на
лыжах, Sífutás...), orienteering (Orientierungslauf, Tájfutás...), and the like."""


def is_running_type(kind: str) -> bool:
    """True for a running activity type in any known language (whole names, then stems in compounds)."""
    text = normal(kind)
    if not text:
        return False
    if text in RUNNING_TYPES or _RUN_WORD.search(text):
        return not any(word in text for word in NOT_RUNNING) or text in RUNNING_TYPES
    return any(stem in text for stem in RUNNING_STEMS) and not any(word in text for word in NOT_RUNNING)


def surface_word(kind: str) -> str | None:
    """``"trail"``, ``"treadmill"`` or ``"track"`` when the running type names its surface."""
    text = normal(kind) + " "
    return next((surface for surface, words in SURFACE_WORDS.items() if any(w in text for w in words)), None)


def language_of(header: list[str]) -> Language | None:
    """The language whose names cover most of the header's known columns (for the report)."""
    names = {normal(h) for h in header}
    best = max(
        LANGUAGES.values(),
        key=lambda lang: sum(normal(n) in names for group in lang.columns.values() for n in group),
    )
    return best if any(normal(n) in names for group in best.columns.values() for n in group) else None
