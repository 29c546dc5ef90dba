"""Replacement suggestions an editor can apply with one click."""

from __future__ import annotations

import regex as re

from . import lexicon
from .findings import Finding
from .rules import age_value

NAME_ROLES = ["de moeder", "de vader", "de jongere", "een pleegvader", "een pleegmoeder", "de hulpverlener"]

# (lowest age, highest age, label) as in the taxonomy's age_bands.
AGE_BANDS = [
    (0, 3, "0 tot 4 jaar"),
    (4, 11, "4 tot 12 jaar"),
    (12, 15, "12 tot 16 jaar"),
    (16, 17, "16 en 17 jaar"),
    (18, 22, "18 tot 23 jaar"),
]

_ROLE_HINTS = [
    (re.compile(r"pleegvader", re.I), "een pleegvader"),
    (re.compile(r"pleegmoeder", re.I), "een pleegmoeder"),
    (re.compile(r"\b(?:moeder|mama|mevrouw)\b", re.I), "de moeder"),
    (re.compile(r"\b(?:vader|papa|meneer|de heer)\b", re.I), "de vader"),
    (re.compile(r"\b(?:jongere|jongen|meisje|zoon|dochter|cliënt)\b", re.I), "de jongere"),
    (re.compile(r"\b(?:hulpverlener|mentor|behandelaar|casemanager|jeugdbeschermer)\b", re.I), "de hulpverlener"),
]
_YEAR = re.compile(r"(?:19|20)\d{2}|'(\d{2})")


def age_band(age: int) -> str | None:
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return None


def suggestions(finding: Finding, text: str) -> list[str]:
    """Replacement texts for `finding` in `text`, best first. '' means: leave it out."""
    kind = finding.kind
    if kind == "name":
        before = text[max(0, finding.start - 40) : finding.start]
        preferred = [role for pattern, role in _ROLE_HINTS if pattern.search(before)]
        return list(dict.fromkeys(preferred[-1:] + NAME_ROLES))
    if kind == "age":
        age = age_value(finding.text)
        band = age_band(age) if age is not None else None
        return [band] if band else ["een jongere leeftijd"]
    if kind == "place":
        region = lexicon.region_of_place(finding.text)
        if region:
            return [f"in de regio {lexicon.REGION_LABELS[region]}", "in de regio"]
        return ["in de regio"]
    if kind == "date":
        m = _YEAR.search(finding.text)
        if m:
            return [f"in {m.group() if not m.group(1) else _expand(m.group(1))}", "in dat jaar"]
        return ["in dat jaar"]
    if kind == "institution":
        return ["", "een school", "een zorgaanbieder", "een ziekenhuis", "een instelling"]
    if kind in ("address", "postcode"):
        return ["", "in de wijk"]
    return [""]


def _expand(two_digits: str) -> str:
    year = int(two_digits)
    return str(2000 + year if year < 50 else 1900 + year)
