"""The editors' allow-list: terms that stay in a text even when a rule flags them."""

from __future__ import annotations

import re as plain_re
from functools import lru_cache
from pathlib import Path

import regex as re

ALLOWLIST_PATH = Path(__file__).parent / "data" / "allowlist.txt"


def parse(lines, grouped: bool = True) -> re.Pattern | plain_re.Pattern | None:
    """One pattern for all terms: whole words, case-sensitive except the first letter."""
    alternatives = []  # (the first letter's class, or None for a 're:' line; the rest)
    for raw in lines:
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("re:") else raw.strip()
        if not line:
            continue
        if line.startswith("re:"):
            alternatives.append((None, f"(?:{line[3:].strip()})"))
            continue
        first, rest = line[0], re.escape(line[1:])
        head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
        # Any run of whitespace in the text matches a space in the term.
        alternatives.append((head, rest.replace(r"\ ", r"\s+")))
    if not alternatives:
        return None
    # Longest first, so "syndroom van Down" wins over a shorter term inside it.
    alternatives.sort(key=lambda a: len((a[0] or "") + a[1]), reverse=True)
    if grouped:
        # Terms with the same first letter as one branch ('[sS](?:yndroom van Down|…)'): the engine tests a first
        # letter once instead of once per term, four times faster. Only terms of different first letters change
        # places, and those never match at the same position, so the matches are the same.
        branches, run = [], {}
        for head, rest in alternatives + [(None, None)]:
            if head is None:
                branches += [f"{h}(?:{'|'.join(rests)})" for h, rests in run.items()]
                run = {}
                if rest is not None:
                    branches.append(rest)  # a 're:' line keeps its place
            else:
                run.setdefault(head, []).append(rest)
    else:
        branches = [(head or "") + rest for head, rest in alternatives]
    # 'Wlz-zorg', 'Veilig Thuis-melding': a compound on an allowed term is allowed too.
    source = r"(?<![\w])(?:" + "|".join(branches) + r")(?:-[a-zà-ÿ]+)*(?![\w])"
    try:  # the standard library's engine scans this long alternation two to three times faster
        return plain_re.compile(source)
    except plain_re.error:  # a 're:' line using what only the regex module knows (variable-width look-behind)
        return re.compile(source)


@lru_cache(maxsize=1)
def default_pattern() -> re.Pattern | plain_re.Pattern | None:
    return parse(ALLOWLIST_PATH.read_text(encoding="utf-8").splitlines())


WINDOW = 120  # characters around a finding in which an allowed term containing it is looked for


def allowed_spans(text: str, pattern: re.Pattern | None = None, near=None) -> list[tuple[int, int]]:
    """Spans of allowed terms; with `near` (findings), only around them — a long alternation over the whole text
    costs more than the rest of the check."""
    pattern = pattern if pattern is not None else default_pattern()
    if pattern is None:
        return []
    if near is None:
        return [m.span() for m in pattern.finditer(text)]
    # Overlapping windows are joined, so each stretch of text is scanned once however many findings it holds.
    windows: list[list[int]] = []
    for f in sorted(near, key=lambda f: f.start):
        start, end = max(0, f.start - WINDOW), min(len(text), f.end + WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    spans = set()
    for start, end in windows:
        for m in pattern.finditer(text, start, end):
            spans.add(m.span())
    return sorted(spans)


def is_allowed(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)
