"""Names in informal text: lower case, chat speakers, initials on their own, and every later mention.

Young people and parents write 'mn vriendin sanne', 'met jayden', 'kaan: ik kan niet'. A lower-case word that is
a first name in deduce's list and no Dutch or English word is taken for a name anywhere; one that is also a word
('roos', 'storm') only right after a strong cue ('ik ben', 'mn vriendin'). Once a name is found in a text, its
other mentions are names too ('Roos is 15', 'Storm belde'), so one cue is enough for the whole text.
"""

from __future__ import annotations

import re as plain_re  # the standard library's engine: a plain word scan is several times faster there
from functools import lru_cache
from typing import Iterator

import regex as re

from . import lexicon
from .findings import Finding
from .rules import ROLE_WORDS

_PLAIN_WORD = plain_re.compile(r"[^\W\d_]{3,}")
_LOWER_TOKEN = re.compile(r"(?<![\w@./-])[a-zà-ÿ][a-zà-ÿ]{2,}(?![\w@-])")
_STRONG_CUE = re.compile(
    rf"(?:\b(?:ik ben|ben ik|ik heet|heet|noemt me|noemen me|noemde me|zeggen|genaamd|naam is)"
    rf"|\b(?:mn|m'n|mijn|zn|z'n|zijn|haar|je|jouw|onze|ons) (?:{ROLE_WORDS}))\s+$",
    re.IGNORECASE,
)
# 'thomas zn moeder', 'sanne d'r broertje': a possessive after a word makes it a person
_PERSON_AFTER = re.compile(rf"\s+(?:zn|z'n|zijn|d'r|dr|haar|der)\s+(?:{ROLE_WORDS})\b", re.IGNORECASE)
# 'wouter was anders.', 'en jesse zei niks': a first name opening a clause, then a finite verb
_VERB_AFTER = re.compile(r"\s+(?:was|is|zei|zegt|kwam|komt|belde|belt|appte|appt|had|heeft|wil|wilde|ging|gaat|deed|"
                         r"doet|vond|vindt|zat|zit|mocht|mag|moest|moet|kon|kan|woont|woonde|huilde|lachte)\b")
_CLAUSE_START = re.compile(r"(?:^|[.!?\n:]\s*|\b(?:en|maar|want|dus|toen|omdat|dat)\s+)$")
_SPEAKER = re.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{0,20}\][ \t]*)?(?P<name>[a-zà-ÿ][a-zà-ÿ]{1,20}):")
_INITIALS_ALONE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}(?![\w.])")
_INITIAL_AFTER_ROLE = re.compile(rf"(?<=\b(?:{ROLE_WORDS}) )[A-Z]\.(?![\w.])", re.IGNORECASE)
_ABBREVIATIONS = {"N.B.", "P.S.", "A.U.B.", "T.A.V.", "I.P.V.", "O.A.", "Z.S.M.", "M.B.T.", "E.D.", "D.W.Z.",
                  "M.A.W.", "B.V.", "N.V.", "V.O.F.", "A.S.", "T.Z.T.", "I.V.M.", "C.Q.", "E.E.A.", "V.D.", "U.S.",
                  "P.O.", "V.S.", "B.N.", "I.O.", "O.B.V.", "M.I.V.", "G.G.Z."}
_ROLE_SPEAKERS = {"begeleider", "moeder", "vader", "mama", "papa", "ik", "jeugdbeschermer", "mentor", "juf",
                  "coach", "docent", "school", "gezinscoach", "hulpverlener", "wijkteam", "ouder", "oma", "opa"}


@lru_cache(maxsize=1)
def _first_names_lower() -> frozenset[str]:
    return frozenset(n.lower() for n in lexicon.first_names() if n.isalpha() and len(n) >= 3)


@lru_cache(maxsize=1)
def _dutch() -> frozenset[str]:
    """Dutch words only: 'peter', 'thomas' are English words but in a Dutch text a name."""
    from .gazetteer import _dutch_words

    return _dutch_words() | lexicon.common_words() | frozenset(w.lower() for w in lexicon.general_proper_nouns())


@lru_cache(maxsize=1)
def _person_names() -> frozenset[str]:
    return lexicon.first_names() | lexicon.surnames()


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return lexicon.ordinary_words() | lexicon.common_words() | frozenset(w.lower() for w in lexicon.general_proper_nouns())


_SELF_NAMED_GATE = ("ik ben", "ben ik", "ik heet", "noem")
_SELF_NAMED = re.compile(r"(?<=\b(?i:ik ben|ben ik|ik heet|noemt me|noemen me|noemde me)\s)(?:[A-Z]{2,3}|[a-zà-ÿ]{3,})\b")


def informal_names(text: str) -> Iterator[Finding]:
    first, words, dutch = _first_names_lower(), _words(), _dutch()
    # most texts hold no lower-case first name at all: one C-level pass finds out, then the walk is skipped
    for m in (_LOWER_TOKEN.finditer(text) if not first.isdisjoint(_LOWER_TOKEN.findall(text)) else ()):
        token = m.group()
        if token not in first:
            continue
        if token in lexicon.common_words():
            continue  # 'zijn moeder aan tafel'
        if (token not in dutch or _STRONG_CUE.search(text[max(0, m.start() - 30) : m.start()])
                or _PERSON_AFTER.match(text, m.end())
                or (_VERB_AFTER.match(text, m.end()) and _CLAUSE_START.search(text[max(0, m.start() - 8) : m.start()]))):
            yield Finding("name", m.start(), m.end(), token)
    speakers = [m for m in _SPEAKER.finditer(text)]
    counts = {}
    for m in speakers:
        counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
    for m in speakers:
        token = m.group("name")
        # a chat speaker who speaks twice is a person, even when the name is also a word ('kaan')
        if token not in _ROLE_SPEAKERS and (token not in words or counts[token] > 1) and token not in lexicon.common_words():
            yield Finding("name", *m.span("name"), token)
    for m in _INITIALS_ALONE.finditer(text):
        if m.group().upper() not in _ABBREVIATIONS:
            yield Finding("name", m.start(), m.end(), m.group())
    for m in _INITIAL_AFTER_ROLE.finditer(text):
        yield Finding("name", m.start(), m.end(), m.group())
    # 'ik ben Kwabena maar op straat ben ik KB', 'noemt me chay': a strong cue names any word
    low = text.lower()
    for m in (_SELF_NAMED.finditer(text) if any(cue in low for cue in _SELF_NAMED_GATE) else ()):
        token = m.group()
        if token.isupper() or (token.lower() not in words):
            yield Finding("name", m.start(), m.end(), token)


_ONE_WORD = re.compile(r"[\p{L}]{3,}")


def later_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """Every other mention of a one-word name found in the text."""
    words = _words()
    names = _person_names()
    seeds = {f.text.strip() for f in found if f.kind == "name" and _ONE_WORD.fullmatch(f.text.strip())}
    extra = []
    kept = {}
    for seed in seeds:
        low = seed.lower()
        ordinary = low in words
        if ordinary and seed.capitalize() not in names:
            continue  # a word taken for a name once ('Ouders' in a heading) is not repeated
        # 'roos' the flower, 'storm' the weather stay words — unless the writer writes names in lower case
        kept[low] = kept.get(low, True) and ordinary and not seed.islower()
    if not kept:
        return extra
    for m in _PLAIN_WORD.finditer(text):
        token = m.group()
        low = token.lower()
        if low not in kept or (kept[low] and not token[:1].isupper()):
            continue
        if text[m.start() - 1 : m.start()] == "-" or text[m.end() : m.end() + 1] == "-":
            continue  # part of a hyphenated word
        extra.append(Finding("name", m.start(), m.end(), token))
    return extra


_AGE_SUBJECT = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-zà-ÿ]{2,})(?= (?:is|was|werd|wordt) (?:(?:nu|net|bijna|pas|al|inmiddels) )*$)")


_ROLE = re.compile(rf"(?:{ROLE_WORDS}|tweeling|oudste|jongste|middelste)")  # 'Vader is 42': a role, not a name


def age_subjects(text: str, found: list[Finding]) -> list[Finding]:
    """'Wei is vijf', 'Roos is 15': whoever has an age is a person."""
    words = lexicon.common_words()
    result = []
    for f in found:
        if f.kind != "age":
            continue
        m = _AGE_SUBJECT.search(text[max(0, f.start - 40) : f.start])
        if m and m.group("name").lower() not in words and not _ROLE.fullmatch(m.group("name").lower()):
            start = max(0, f.start - 40) + m.start("name")
            result.append(Finding("name", start, start + len(m.group("name")), m.group("name")))
    return result


_AFTER_NAME = re.compile(r"\s*(?:en|&|,)\s+(?P<name>[\p{L}]{3,})\b")
_BEFORE_NAME = re.compile(r"\b(?P<name>[\p{L}]{3,})\s*(?:en|&|,)\s*$")


def coordinated(text: str, found: list[Finding]) -> list[Finding]:
    """'bij ans en peter', 'Jesse, Lotte en Bram': a first name next to a found name is a name too."""
    first, common = _first_names_lower(), lexicon.common_words()
    result = []
    for f in found:
        if f.kind != "name":
            continue
        candidates = [(_AFTER_NAME.match(text, f.end), 0)]
        m = _BEFORE_NAME.search(text[max(0, f.start - 25) : f.start])
        candidates.append((m, max(0, f.start - 25)))
        for m, offset in candidates:
            if m and m.group("name").lower() in first and m.group("name").lower() not in common:
                start = offset + m.start("name")
                result.append(Finding("name", start, start + len(m.group("name")), m.group("name")))
    return result
