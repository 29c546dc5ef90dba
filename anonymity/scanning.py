"""Fast starts for keyword-led patterns: pattern.finditer(text), tried only where one of its opening keywords stands.

A pattern like r"\\b(?i:in behandeling|opgenomen|…) bij (?P<name>…)" is tried by the engine at every position of the
text, and most texts hold none of its ninety keywords. str.find of the keywords' plain beginnings is far faster and
finds every place a match can start; the pattern itself then decides there (its own \\b included), so the matches
are the same as those of finditer.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

import ahocorasick

_KEYWORD_GROUP = re.compile(r"\\b\(\?(i?):((?:[^()]|\((?:[^()])*\))*)\)")
_TOP_LEVEL_BAR = re.compile(r"\|(?![^(]*\))")  # an alternative's '|', not one inside '(?:…)'
_META = re.compile(r"[\\()\[.?*+{]")


def _prefixes(alternative: str) -> set[str]:
    if alternative.startswith("(?:"):  # '(?:parket|persoons)(?=nummer|nr)': the words inside
        depth = 0
        for i, c in enumerate(alternative):
            depth += (c == "(") - (c == ")")
            if depth == 0:
                return set().union(*(_prefixes(a) for a in _TOP_LEVEL_BAR.split(alternative[3:i])))
    meta = _META.search(alternative)
    if not meta:
        return {alternative}
    plain = alternative[: meta.start()]
    if meta.group() in "?*{":  # 'beschikkings?': the letter before an optional part is optional too
        plain = plain[:-1]
    return {plain}


def keyword_prefixes(pattern: re.Pattern) -> tuple[tuple[str, ...], bool]:
    """The plain, shortest beginnings of the keywords opening the pattern's alternatives (r'\\b(?:a|b)' or
    r'\\b(?i:a|b)'), and whether they are matched without regard to case."""
    groups = _KEYWORD_GROUP.findall(pattern.pattern)
    assert groups, pattern.pattern
    ignore_case = bool(pattern.flags & re.IGNORECASE) or all(flag == "i" for flag, _ in groups)
    prefixes = set()
    for _flag, group in groups:
        for alternative in _TOP_LEVEL_BAR.split(group):
            prefixes |= _prefixes(alternative)
    if ignore_case:
        prefixes = {p.lower() for p in prefixes}
    assert all(prefixes), pattern.pattern  # an empty beginning would start everywhere
    return tuple(sorted(p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes))), ignore_case


# Below this many needles str.find is as fast as an automaton; from it on one Aho-Corasick pass over the text finds
# every needle at once (a scan of 50 keywords was 50 passes).
_AUTOMATON_FROM = 6


_automata: dict[int, tuple[object, ahocorasick.Automaton]] = {}


def _automaton(needles) -> ahocorasick.Automaton | None:
    """The automaton of a fixed needle collection (a module's tuple or frozenset), built on first use; None for a
    short or changing one (a set built per text), which str.find serves as fast. Keyed by identity: hashing a tuple
    of fifty words on every call cost more than the scan."""
    entry = _automata.get(id(needles))
    if entry is not None and entry[0] is needles:
        return entry[1]
    if len(needles) < _AUTOMATON_FROM or not isinstance(needles, (tuple, frozenset)) or len(_automata) >= 512:
        return None
    automaton = ahocorasick.Automaton()
    for needle in needles:
        automaton.add_word(needle, len(needle))
    automaton.make_automaton()
    _automata[id(needles)] = (needles, automaton)  # the needles are kept, so their id is never reused
    return automaton


def contains_any(haystack: str, needles) -> bool:
    """any(needle in haystack for needle in needles), in one pass for a long fixed collection."""
    automaton = _automaton(needles)
    if automaton is None:
        return any(needle in haystack for needle in needles)
    for _match in automaton.iter(haystack):
        return True
    return False


def positions(haystack: str, needles) -> list[int]:
    """Where any of the needles starts in haystack, sorted, once each (far faster than a regular expression of
    alternatives tried at every position)."""
    automaton = _automaton(needles)
    if automaton is not None:
        return sorted({end - length + 1 for end, length in automaton.iter(haystack)})
    found = set()
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            found.add(at)
            at = haystack.find(needle, at + 1)
    return sorted(found)


def occurrences(haystack: str, needles) -> list[tuple[int, str]]:
    """Every (position, needle) where a needle stands in haystack, in text order."""
    automaton = _automaton(needles)
    if automaton is not None:
        return sorted((end - length + 1, haystack[end - length + 1 : end + 1]) for end, length in automaton.iter(haystack))
    found = []
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            found.append((at, needle))
            at = haystack.find(needle, at + 1)
    return sorted(found)


def standalone(text: str, key: str, joiners: str = "-@&", joiners_before: str | None = None) -> Iterator[int]:
    """Where `key` stands as a word of its own: no letter, digit or joining character ('Kompas-Zuid', '@kompas')
    right before or after it. A name found once and used again later is looked for so (rules' later mentions)."""
    before = joiners if joiners_before is None else joiners_before
    at = text.find(key)
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in before)) and (
                end == len(text) or not (text[end].isalnum() or text[end] in joiners)):
            yield at
        at = text.find(key, end)


class KeywordScan:
    """finditer for a keyword-led pattern (the same matches, non-overlapping, in text order)."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.prefixes, self.ignore_case = keyword_prefixes(pattern)

    def starts(self, haystack: str) -> list[int]:
        return positions(haystack, self.prefixes)

    def finditer(self, text: str, low: str | None = None):
        haystack = text
        if self.ignore_case:
            haystack = low if low is not None else text.lower()
            if len(haystack) != len(text):  # a character whose lower case is longer: offsets would shift
                yield from self.pattern.finditer(text)
                return
        end = 0
        for at in self.starts(haystack):
            if at < end:
                continue
            m = self.pattern.match(text, at)
            if m:
                end = m.end()
                yield m
