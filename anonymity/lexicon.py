"""Word lists: deduce's own place-name lists (read as plain files, cheap) and our data files."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Network regions of the expertise network and the provinces they cover.
REGION_LABELS = {
    "noord": "Noord",
    "overijssel": "Overijssel",
    "gelderland": "Gelderland",
    "utrecht-flevoland": "Utrecht-Flevoland",
    "noord-holland": "Noord-Holland",
    "zuid-holland": "Zuid-Holland",
    "brabant-zeeland": "Brabant-Zeeland",
    "limburg": "Limburg",
}
PROVINCE_REGION = {
    "Groningen": "noord",
    "Friesland": "noord",
    "Fryslân": "noord",
    "Drenthe": "noord",
    "Overijssel": "overijssel",
    "Gelderland": "gelderland",
    "Utrecht": "utrecht-flevoland",
    "Flevoland": "utrecht-flevoland",
    "Noord-Holland": "noord-holland",
    "Zuid-Holland": "zuid-holland",
    "Noord-Brabant": "brabant-zeeland",
    "Zeeland": "brabant-zeeland",
    "Limburg": "limburg",
}


def _deduce_src() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("deduce")
    return Path(spec.origin).parent / "data" / "lookup" / "src"


def _read(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def deduce_list(relative: str) -> frozenset[str]:
    """Items of one of deduce's lookup lists minus its exceptions."""
    folder = _deduce_src() / relative
    return frozenset(_read(folder / "items.txt")) - frozenset(_read(folder / "exceptions.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    base = "locations/lst_placename/"
    return deduce_list(base + "lst_residence") | deduce_list(base + "lst_municipality")


@lru_cache(maxsize=1)
def allowed_areas() -> frozenset[str]:
    """Provinces and larger regions: never identifying on their own."""
    base = "locations/lst_placename/"
    return (
        deduce_list(base + "lst_province")
        | deduce_list(base + "lst_region")
        | frozenset(PROVINCE_REGION)
        | frozenset(label for label in REGION_LABELS.values())
        | compass_regions()
        | _REGIONS
    ) - places_that_are_municipalities()


# Regions and youth-care regions deduce's lists lack ('het Gooi', 'de Meierij', 'Parkstad'): they identify nobody
_REGIONS = frozenset("""Gooi Meierij Vechtdal Rivierenland IJmond Haaglanden Amstelland Parkstad Mijnstreek
Voorne-Putten Gooi-en-Vechtstreek Zaanstreek-Waterland Food-Valley Brainport Kempenland Maasvallei""".split()) | frozenset(
    ("Groene Hart", "Gelderse Vallei", "Hollands Midden", "Kop van Noord-Holland", "Gooi en Vechtstreek",
     "Westelijke Mijnstreek", "Oostelijk Zuid-Limburg", "Zuid-Holland Zuid", "Food Valley", "De Peel",
     "Land van Heusden en Altena", "Holland Rijnland", "Midden-Holland", "Noord-Limburg", "Zaanstreek-Waterland"))


_COMPASS = ("Noord", "Oost", "Zuid", "West", "Midden", "Noordoost", "Noordwest", "Zuidoost", "Zuidwest", "Centraal")
_LANDS = ("Brabant", "Limburg", "Gelderland", "Holland", "Groningen", "Drenthe", "Friesland", "Fryslân", "Veluwe",
          "Twente", "Utrecht", "Nederland", "Zeeland", "Overijssel", "Flevoland", "Kennemerland", "Achterhoek")


def compass_regions() -> frozenset[str]:
    """'Zuidoost-Brabant', 'Midden-Limburg', 'Noord-Veluwe': a part of a province or region identifies nobody."""
    return frozenset(f"{c}-{land}" for c in _COMPASS for land in _LANDS) | frozenset(
        f"{c} {land}" for c in _COMPASS for land in _LANDS)


@lru_cache(maxsize=1)
def places_that_are_municipalities() -> frozenset[str]:
    # 'Groningen' and 'Utrecht' are both; the province reading wins (listed in PROVINCE_REGION).
    return deduce_list("locations/lst_placename/lst_municipality") - frozenset(PROVINCE_REGION)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """deduce's first names plus data/first_names.txt: names of the many origins of Dutch youth care."""
    return deduce_list("names/lst_first_name") | frozenset(_read(DATA / "first_names.txt"))


@lru_cache(maxsize=1)
def first_names_lower() -> frozenset[str]:
    """first_names() in lower case, for informal text ('mn vriendin jada')."""
    return frozenset(n.lower() for n in first_names())


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return deduce_list("names/lst_surname") | deduce_list("names/lst_interfix_surname")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case stop words and frequent words (deduce's whitelist sources)."""
    base = "whitelist/"
    words = deduce_list(base + "lst_stop_word") | deduce_list(base + "lst_common_word")
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def ambiguous_words() -> frozenset[str]:
    return frozenset(_read(DATA / "ambiguous_words.txt"))


@lru_cache(maxsize=1)
def place_provinces() -> dict[str, str]:
    result = {}
    for line in _read(DATA / "place_provinces.tsv"):
        place, _, province = line.partition("\t")
        if province:
            result[place.strip()] = province.strip()
    return result


def region_of_place(place: str) -> str | None:
    """Network region slug for a town, or None when its province is not known."""
    provinces = place_provinces()
    province = provinces.get(place) or provinces.get(place.strip().title())
    return PROVINCE_REGION.get(province) if province else None


# Debian's word lists (wdutch, wamerican; installed by scripts/packages.sh). Lower-case entries are ordinary
# words; wdutch's capitalised entries are proper nouns (first names, places, neighbourhoods, brands, nationalities).
DUTCH_WORDLIST = Path("/usr/share/dict/dutch")
ENGLISH_WORDLIST = Path("/usr/share/dict/american-english")


def _wordlist(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [w.strip() for w in path.read_text(encoding="utf-8", errors="ignore").splitlines() if w.strip()]


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    """Dutch words written in lower case (wdutch), without the English ones ordinary_words() adds."""
    return frozenset(w for w in _wordlist(DUTCH_WORDLIST) if w.islower())


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Dutch and English words written in lower case: a capitalised one is a word at a sentence start or in a title."""
    words = [w for w in _wordlist(DUTCH_WORDLIST) + _wordlist(ENGLISH_WORDLIST) if w.islower()]
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def proper_nouns() -> frozenset[str]:
    """wdutch's capitalised entries that are no ordinary word in lower case (Kanaleneiland, Yilmaz, Fatima)."""
    ordinary = ordinary_words()
    return frozenset(w for w in _wordlist(DUTCH_WORDLIST) if w[:1].isupper() and w.lower() not in ordinary)


@lru_cache(maxsize=1)
def word_lists_available() -> bool:
    return DUTCH_WORDLIST.exists()


@lru_cache(maxsize=1)
def general_proper_nouns() -> frozenset[str]:
    """Capitalised words that identify nobody: nationalities, languages, religions, holidays, countries
    (anonymity/data/general_proper_nouns.txt)."""
    return frozenset(_read(DATA / "general_proper_nouns.txt"))
