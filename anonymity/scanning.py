"""Fast starts for keyword-led patterns: pattern.finditer(text), tried only where one of its opening keywords stands.

A pattern like r"\\b(?i:in behandeling|opgenomen|…) bij (?P<name>…)" is tried by the engine at every position of the
text, and most texts hold none of its ninety keywords. str.find of the keywords' plain beginnings is far faster and
finds every place a match can start; the pattern itself then decides there (its own \\b included), so the matches
are the same as those of finditer.
"""

from __future__ import annotations

import re

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


def positions(haystack: str, needles) -> list[int]:
    """Where any of the needles starts in haystack, sorted, once each (str.find: far faster than a regular expression
    of alternatives tried at every position)."""
    found = set()
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            found.add(at)
            at = haystack.find(needle, at + 1)
    return sorted(found)


def occurrences(haystack: str, needles) -> list[tuple[int, str]]:
    """Every (position, needle) where a needle stands in haystack, in text order."""
    found = []
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            found.append((at, needle))
            at = haystack.find(needle, at + 1)
    return sorted(found)


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
