"""Recall on planted identifiers and false flags on clean prose, against the issue's targets."""

from collections import Counter

import pytest

from anonymity.findings import KINDS

RECALL_TARGET = 0.98
FALSE_FLAGS_PER_1000_WORDS = 1.0

pytestmark = pytest.mark.deduce


def _overlaps(f, e):
    return f.start < e["end"] and e["start"] < f.end


def test_planted_data_is_consistent(planted):
    kinds = Counter()
    for doc in planted:
        for e in doc["expected"]:
            assert doc["text"][e["start"] : e["end"]] == e["text"]
            kinds[e["kind"]] += 1
    assert set(kinds) == set(KINDS), "every kind needs planted examples"


def test_recall_on_planted_identifiers(detector, planted):
    total = caught = caught_any_kind = 0
    missed = []
    per_kind = Counter()
    per_kind_caught = Counter()
    for doc in planted:
        findings = detector.check_text(doc["text"])
        for e in doc["expected"]:
            total += 1
            per_kind[e["kind"]] += 1
            near = [f for f in findings if _overlaps(f, e)]
            caught_any_kind += bool(near)
            if any(f.kind == e["kind"] for f in near):
                caught += 1
                per_kind_caught[e["kind"]] += 1
            else:
                missed.append((doc["id"], e["kind"], e["text"], [(f.kind, f.text) for f in near]))
    recall = caught / total
    print(f"\nrecall (right kind): {caught}/{total} = {recall:.1%}; flagged at all: {caught_any_kind / total:.1%}")
    for kind in KINDS:
        print(f"  {kind:12} {per_kind_caught[kind]}/{per_kind[kind]}")
    for miss in missed:
        print("  missed:", miss)
    assert recall >= RECALL_TARGET


def test_false_flags_on_clean_prose(detector, clean_texts):
    words = sum(len(text.split()) for text in clean_texts.values())
    assert words >= 3000
    flags = []
    for name, text in clean_texts.items():
        flags += [(name, f.kind, f.text) for f in detector.check_text(text)]
    rate = len(flags) / words * 1000
    print(f"\nfalse flags: {len(flags)} in {words} words = {rate:.2f} per 1,000 words")
    for flag in flags:
        print("  flagged:", flag)
    assert rate <= FALSE_FLAGS_PER_1000_WORDS


def test_demo_cases_pass_the_check(detector):
    """`make run` publishes the demo cases through the importer, so they must come out clean."""
    import json
    from pathlib import Path

    from casebook.anonymity_gate import CASE_FIELDS

    path = Path(__file__).resolve().parents[2] / "casebook" / "data" / "demo" / "cases.jsonl"
    flags = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts = [record.get(name) or "" for name in CASE_FIELDS] + record.get("lessons", [])
        flags += [(record["external_id"], f.kind, f.text) for text in texts for f in detector.check_text(text)]
    assert flags == []
