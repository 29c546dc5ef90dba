"""Neighbourhoods and towns by look-up, in any capitalisation.

A wijk is often more identifying than the town ('Kanaleneiland', 'de Tarwewijk'), and young people write both in
lower case ('ik woon in overvecht', 'kom uit zaandam'). data/neighbourhoods.tsv lists the wijken and buurten of the
largest municipalities; deduce's residence list gives the towns. A name that is also an ordinary word (Zuilen,
Kraaiennest, Tuindorp) or a first name, and any lower-case town, only counts after a place cue ('in', 'uit',
'woont in de wijk'); a capitalised neighbourhood that is no word counts anywhere.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import re as plain_re
import regex as re

from . import lexicon
from .findings import Finding

_WORD = re.compile(r"[\p{L}][\p{L}'’]*(?:-[\p{L}]+)*")
_PLAIN_WORD = plain_re.compile(r"[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*")  # the same words, the faster engine
_CUE = re.compile(
    r"(?:\b(?:in|uit|naar|te|rond|nabij|vanuit|wijk|buurt|stadsdeel|woont|woonde|wonen|woon|verhuisd|verhuisde|"
    r"verhuizen|opgegroeid|geboren|richting|omgeving|gemeente|locatie|woonachtig|kom|komt|kwam|komen)"
    r"(?:\s+(?:de|het))?(?:\s+(?:wijk|buurt))?\s*[:,]?\s*|\bwoon(?:plaats|wijk)?\s*:\s*|,\s*)$",
    re.IGNORECASE,
)
_STRONG_CUE = re.compile(r"(?i)(?<![.!?]\s)\b(?:in|uit|naar|te|vanuit|woont in|geboren in|verhuisd naar|locatie:?)\s+$")


def _neighbourhoods() -> set[str]:
    names = set()
    for line in lexicon._read(lexicon.DATA / "neighbourhoods.tsv"):
        _, _, name = line.partition("\t")
        if name.strip():
            names.add(name.strip())
    return names


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, bool, bool]]:
    """lower-case form → (written form, is a neighbourhood, needs a cue)."""
    ordinary = lexicon.ordinary_words()
    first = lexicon.first_names()
    areas = lexicon.allowed_areas()
    general = lexicon.general_proper_nouns()
    result: dict[str, tuple[str, bool, bool]] = {}

    def weak(name: str) -> bool:
        low = name.lower()
        return (all(w in ordinary for w in low.split()) or name in first or len(name) < 4
                or low in {"noord", "oost", "zuid", "west"})

    for town in lexicon.places():
        if town in areas or town in general or not town[:1].isupper():
            continue
        result[town.lower()] = (town, False, True)  # towns: deduce finds them capitalised; lower case needs a cue
    for name in _neighbourhoods():
        result[name.lower()] = (name, True, weak(name))
    return result


@lru_cache(maxsize=1)
def _trie() -> dict:
    """The entries word by word: word → (the words that may follow, whether the words so far are an entry). Most
    words start no entry, and after a common one ('de', 'het', 'op') few words can follow, so a text is read once
    and a multi-word name costs a look-up per word."""
    root: dict = {}
    for key in table():
        node = root
        words = key.split()
        for i, word in enumerate(words):
            children, terminal = node.get(word, ({}, False))
            node[word] = (children, terminal or i == len(words) - 1)
            node = children
    return root


def _cue(text: str, start: int, last_place_end: int) -> bool:
    """A place cue before `start`. 'Bijlmer Kraaiennest', 'Transvaal, den haag': right after another place counts as
    one. Asked only where the decision needs it (a capitalised town or an uncued wijk does not): the scan of the 40
    characters before was a third of places()."""
    return bool(_CUE.search(text[max(0, start - 40) : start])) or text[last_place_end:start] in (" ", ", ")


def places(text: str) -> Iterator[Finding]:
    lookup = table()
    ordinary = lexicon.ordinary_words()
    dutch = lexicon.dutch_words()
    trie = _trie()
    last_place_end = -10
    resume = 0
    # One pass over the words; a word right next to an apostrophe is part of another ("d'r"). The words are read
    # from the lower-cased text (one lower() for the text, not one per word) when that keeps every offset.
    low = text.lower()
    source = low if len(low) == len(text) else text
    for first in _PLAIN_WORD.finditer(source):
        word = first.group() if source is low else first.group().lower()
        node = trie.get(word)
        if node is None or first.start() < resume:
            continue
        s, e = first.span()
        if (s and text[s - 1] in "'’") or text[e : e + 1] in ("'", "’"):
            continue
        children, terminal = node
        last, best = first, (first if terminal else None)
        while children:
            nxt = _PLAIN_WORD.match(source, last.end() + 1)
            if not nxt or text[last.end() : nxt.start()] != " ":
                break  # only plain spaces between the words of a multi-word name
            following = children.get(nxt.group() if source is low else nxt.group().lower())
            if following is None:
                break
            children, terminal = following
            last = nxt
            if terminal:
                best = nxt
        if best is None:
            continue
        start, end = first.start(), best.end()
        hit = (start, end, lookup[text[start:end].lower()])
        start, end, (written, neighbourhood, needs_cue) = hit
        surface = text[start:end]
        capitalised = surface[:1].isupper()
        if neighbourhood and not needs_cue and (capitalised or surface.lower() not in ordinary):
            keep = True
        elif neighbourhood and needs_cue:
            keep = _cue(text, start, last_place_end) and (capitalised or surface.lower() not in ordinary
                            or (" " not in surface and _lives_there(text, start, end)))
        else:  # a town: deduce has the capitalised one; here the lower-case one after a cue
            # not 'in de wijk' (De Wijk), 'in bergen': a Dutch word in lower case is read as a word
            if capitalised:
                # deduce skips towns that are words ('Leiden'); after 'in', 'uit', 'naar' they are places
                keep = bool(_STRONG_CUE.search(text[max(0, start - 30) : start])) and (
                    surface.lower() not in _stop_words())
            elif surface in lexicon.first_names_lower() and _COMMA_CUE.search(text[max(0, start - 40) : start]):
                keep = False  # 'een groepsleider, wessel, die …': a name in an apposition, not the town Wessel
            else:
                keep = (_cue(text, start, last_place_end) and len(surface) >= 4 and not (
                    surface.lower() in dutch or (surface.lower().split()[0] in ("de", "het")
                                                 and all(w in ordinary for w in surface.lower().split())))
                        ) or (len(surface) >= 3 and " " not in surface and _lives_there(text, start, end))
        if keep:
            last_place_end = end
            yield Finding("place", start, end, surface)
        resume = end
    yield from districts(text)


_COMMA_CUE = re.compile(r",\s*$")

# 'mn vader woont in best.', 'we wonen in laak en': where someone lives, a town or wijk that is also a word is the
# place, when the clause ends right after it (not 'woont in best wel een mooi huis')
_RESIDENCE_BEFORE = plain_re.compile(
    r"(?:\b(?:woon|woont|woonde|woonden|wonen|wonend|woonachtig|verhuisd|verhuisde|verhuizen|verhuist|opgegroeid|"
    r"geboren|thuis)\s+(?:in|naar)|\b(?:kom|komt|kwam|kwamen|komen|kom ik|kwam ik)\s+uit)\s+(?:de\s+|het\s+)?$",
    plain_re.IGNORECASE)
_CLAUSE_AFTER = plain_re.compile(r"\s*(?:[.,;:!?)\n]|$|(?:en|maar|bij|met|want|sinds|omdat|toen|nu|ofzo|enzo|niet|nog|ook)\b)")


def _lives_there(text: str, start: int, end: int) -> bool:
    if not text[max(0, start - 6) : start].lower().endswith((" in ", "naar ", " uit ", " de ", " het ")):
        return False  # most candidates: a word-town after anything but a place preposition (a slice, no scan)
    return bool(_RESIDENCE_BEFORE.search(text, max(0, start - 30), start)) and bool(_CLAUSE_AFTER.match(text, end))


# 'we wonen in oost', 'verhuisd naar Zuidoost': a city's district by its compass name, after a place verb; capitalised
# after 'in', 'uit', 'naar' too (not 'in Noord-Holland', 'in Oost-Nederland', 'in Zuid Limburg')
_DISTRICT = re.compile(
    r"\b(?:(?i:woon|woont|wonen|woonde|woonden|verhuisd|verhuisde|verhuizen|opgegroeid)(?:\s[a-z]+){0,3}\s(?i:in|naar)\s"
    r"(?P<low>(?i:noord|oost|zuid|west|zuidoost|noordoost|nieuw-west))"
    r"|(?<![.!?]\s)(?:in|uit|naar)\s(?P<cap>Noord|Oost|Zuid|West|Zuidoost|Noordoost|Nieuw-West))"
    r"(?![\w-])(?!\s(?:[A-Z]|en\s|of\s))")


def districts(text: str) -> Iterator[Finding]:
    low = text.lower()
    if not any(w in low for w in ("noord", "oost", "zuid", "west")):
        return
    for m in _DISTRICT.finditer(text):
        group = "low" if m.group("low") else "cap"
        yield Finding("place", m.start(group), m.end(group), m.group(group))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.deduce_list("whitelist/lst_stop_word"))


def is_town(name: str) -> bool:
    entry = table().get(name.lower())
    return bool(entry) and not entry[1]


def only_comma_before(text: str, start: int) -> bool:
    return bool(_COMMA_CUE.search(text[max(0, start - 40) : start])) and not _STRONG_CUE.search(
        text[max(0, start - 40) : start].rstrip(", "))


def cue_before(text: str, start: int) -> bool:
    return bool(_CUE.search(text[max(0, start - 40) : start]))


def is_neighbourhood_or_town(name: str) -> bool:
    """A listed town or neighbourhood written as listed (capitalised), not one that is also a word."""
    entry = table().get(name.lower())
    return bool(entry) and entry[0] == name and not (entry[1] and entry[2])


# 'rond de Leyweg', 'op de Kruiskade', 'bij het Javaplein': a street or square without a house number, where
# someone hangs out, is a street (an address, as the planted sets mark a street without a number), not a person's
# name or a provider deduce reads in it
_STREET_WORD_ENDINGS = ("straat", "weg", "kade", "plein", "laan", "dijk", "singel", "gracht", "markt", "dreef",
                        "steeg", "boulevard", "promenade")
_AREA_BEFORE = plain_re.compile(r"(?:\b(?:op|rond|rondom|bij|langs|over|vlakbij|omgeving|buurt van|rond)\s+(?:de|het)"
                                r"|\bop|\brond)\s+$", plain_re.IGNORECASE)
_HOME_BEFORE = plain_re.compile(r"\b(?:woon\w*|adres|verhuis\w*|ingeschreven)\b[^.\n]{0,12}$", plain_re.IGNORECASE)


_COMPASS_SUFFIX = ("-Noord", "-Oost", "-Zuid", "-West", "-Centrum", "-Midden", "-Noordoost", "-Noordwest", "-Zuidoost",
                   "-Zuidwest")


def street_areas(text: str, found: list[Finding]) -> list[Finding]:
    """Re-kinds a one-word street without a number after 'op de', 'rond de', 'bij het' … as an address, and a listed
    town with a compass part ('Den Bosch-Oost', 'Zwolle-Zuid') read as a provider's name."""
    if not any(f.text.endswith(_STREET_WORD_ENDINGS) or f.text.endswith(_COMPASS_SUFFIX)
               for f in found if f.kind != "place"):
        return found
    result = []
    for f in found:
        if (f.kind in ("name", "institution") and f.text[:1].isupper() and f.text.isalpha()
                and f.text.lower().endswith(_STREET_WORD_ENDINGS)):
            before = text[max(0, f.start - 30) : f.start]
            if _AREA_BEFORE.search(before) and not _HOME_BEFORE.search(before):
                f = Finding("address", f.start, f.end, f.text)
        elif f.kind in ("name", "institution") and f.text.endswith(_COMPASS_SUFFIX):
            head = f.text.rsplit("-", 1)[0]
            words = text[max(0, f.start - 24) : f.start].split()[-2:]  # 'Den Bosch-Oost', 'Bergen op Zoom-Oost'
            heads = (head, " ".join(words[-1:] + [head]), " ".join(words + [head]))
            if text[f.start - 1 : f.start] in ("", " ") and any(
                    h in lexicon.places() or is_neighbourhood_or_town(h) for h in heads):
                f = Finding("place", f.start, f.end, f.text)
        result.append(f)
    return result
