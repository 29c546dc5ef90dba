"""Measuring the check: recall on planted identifiers and false flags on clean text.

Planted texts are plain files with each identifier marked as `[[kind:text]]` (tests/anonymity/data/dev/ and
heldback/, written by people who did not see the rules); files under a `clean/` folder have no identifiers at
all. `make bench-anonymity-quality` and tests/anonymity/test_quality.py both score through here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .findings import KINDS

_MARK = re.compile(r"\[\[([a-z_]+):(.+?)\]\]")


@dataclass
class Planted:
    id: str
    text: str
    expected: list[dict]


def parse_marked(doc_id: str, marked: str) -> Planted:
    """'Moeder [[name:Fatima]] belde' → the plain text and the expected spans."""
    text, expected, pos = [], [], 0
    for m in _MARK.finditer(marked):
        text.append(marked[pos : m.start()])
        start = sum(len(t) for t in text)
        kind, span = m.group(1), m.group(2)
        if kind not in KINDS:
            raise ValueError(f"{doc_id}: unknown kind {kind!r}")
        text.append(span)
        expected.append({"kind": kind, "start": start, "end": start + len(span), "text": span})
        pos = m.end()
    text.append(marked[pos:])
    return Planted(doc_id, "".join(text), expected)


def read_planted(folder: Path) -> list[Planted]:
    return [parse_marked(p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.txt"))]


def read_clean(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))}


@dataclass
class Score:
    total: int = 0
    caught: int = 0  # overlapped by a finding of the right kind
    flagged: int = 0  # overlapped by any finding
    per_kind: Counter = field(default_factory=Counter)
    per_kind_caught: Counter = field(default_factory=Counter)
    missed: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.total if self.total else 0.0

    @property
    def recall_any_kind(self) -> float:
        return self.flagged / self.total if self.total else 0.0

    def kind_recall(self, kind: str) -> float | None:
        return self.per_kind_caught[kind] / self.per_kind[kind] if self.per_kind[kind] else None


def score_planted(check_text, docs: list[Planted]) -> Score:
    score = Score()
    for doc in docs:
        findings = check_text(doc.text)
        for e in doc.expected:
            score.total += 1
            score.per_kind[e["kind"]] += 1
            near = [f for f in findings if f.start < e["end"] and e["start"] < f.end]
            score.flagged += bool(near)
            if any(f.kind == e["kind"] for f in near):
                score.caught += 1
                score.per_kind_caught[e["kind"]] += 1
            else:
                score.missed.append((doc.id, e["kind"], e["text"], [(f.kind, f.text) for f in near]))
    return score


def false_flags(check_text, texts: dict[str, str]) -> tuple[int, list]:
    """(words, [(name, kind, text), …]) over clean texts."""
    words, flags = 0, []
    for name, text in texts.items():
        words += len(text.split())
        flags += [(name, f.kind, f.text) for f in check_text(text)]
    return words, flags
