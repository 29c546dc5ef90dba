"""Recall on planted identifiers and false flags on clean prose, against the issue's targets."""

from collections import Counter

import pytest

from pathlib import Path

from anonymity.findings import KINDS

DATA = Path(__file__).resolve().parent / "data"

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


def _recall(detector, docs):
    from anonymity.evaluation import score_planted

    score = score_planted(detector.check_text, docs)
    print(f"\nrecall (right kind): {score.caught}/{score.total} = {score.recall:.1%}; "
          f"flagged at all: {score.recall_any_kind:.1%}")
    return score


def test_recall_on_planted_identifiers(detector, planted):
    from anonymity.evaluation import Planted

    score = _recall(detector, [Planted(d["id"], d["text"], d["expected"]) for d in planted])
    for miss in score.missed:
        print("  missed:", miss)
    assert score.recall >= RECALL_TARGET


# Floors, not targets: the sets written without seeing the rules (tests/anonymity/data/dev and heldback). Dev is
# caught at 0.976 after tuning on it (issue 10); the held-back set, scored once afterwards without looking at its
# misses, at 0.938. A change that catches less fails here. The held-back misses are never printed: nobody tunes on them.
# heldback2 (a second set, written later by another helper) was scored once, before anything was tuned on it: 0.927.
# After the provider gazetteer, school-name grammar, names of many origins and more neighbourhoods (tuned on dev
# only; the held-back sets scored for their overall figures): dev 0.996, heldback 0.941, heldback2 0.931.
# heldback3 (a third set, by a helper who saw neither the rules nor the other sets) was scored first by the detector
# of that moment (0.876), then once by the detector tuned on dev meanwhile (0.891); nobody read its misses.
# After ages, dates and file numbers by grammar and institutions after move/club cues (tuned on dev only, six new
# dev texts): dev 0.997, heldback 0.944, heldback2 0.935, heldback3 0.903 (overall figures only).
# heldback4 (a fourth set, by a helper who saw neither the rules nor the other sets, written while that work went on)
# was scored first by the detector after it was merged: 0.884; nobody read its misses.
# heldback5 (the same way, by a fifth helper) was scored first by the detector of that moment (3aa130f): 0.911.
# Twelve new dev texts (59-70) written to vary institutions, ages, file numbers, dates, postcodes, addresses and places
# were scored first by that detector (0.827: a small held-out of our own), then the rules were generalised on dev only
# (grammar, context and lists written from knowledge): dev 0.996 (59-70: 0.992), heldback 0.949, heldback2 0.941,
# heldback3 0.910, heldback4 0.893 (overall figures only; nobody read the held-back misses). The heldback4 floor
# rises to 0.89 (one identifier of margin); the others would have none at the next step up, so they stay.
# heldback6 (a sixth set, 30 texts and 555 identifiers, by a helper who saw neither the rules nor the other sets) was
# scored first by the detector of that moment (e1f88ba): 0.901 (age 0.818, institution 0.776, phone 0.955, postcode
# 0.941, date 0.939); nobody reads its texts or misses.
# heldback7 (a seventh set, 30 long texts and 914 identifiers, written the same way) was scored first by the detector
# of that moment (ae330e4): 0.918 (name 0.986, age 0.727, institution 0.775, case_number 0.857, place 0.906, date
# 0.985); nobody reads its texts or misses.
# The dev set then grew by twelve texts written to be hard on ages and institutions (an8-: 0.802 before tuning, 0.896
# after) and twelve on names and places (nm7-: 0.946, then 0.991): dev 0.984 overall (the dev target is 0.98),
# so its floor is 0.98. Held-back after that work: heldback7 0.923, heldback6 0.917, heldback5 0.950, heldback4 0.919,
# heldback3 0.914, heldback2 0.961, heldback 0.958.
# heldback8 (an eighth set, 30 texts and 990 identifiers, written the same way) was scored first by the detector of
# that moment (3980362): 0.934 (name 0.968, age 0.878, institution 0.806, place 0.921, case_number 0.900, date 0.976);
# nobody reads its texts or misses.
# The dev set then grew by twelve texts dense in ages (an9-: 0.884 before tuning, age 0.798) and twelve dense in
# institutions (in9-: 0.799, institution 0.687), scored first and then tuned on: dev 0.982. Held-back after that work:
# heldback8 0.934, heldback7 0.928, heldback6 0.921, heldback5 0.953, heldback4 0.925, heldback3 0.918, heldback2
# 0.961, heldback 0.960.
# heldback9 (a ninth set, 30 texts and 1,037 identifiers, written the same way) was scored first by the detector of
# that moment (1f5178a): 0.911 (name 0.932, age 0.874, institution 0.737, place 0.910, address 0.933, url 0.889, date
# 0.980). Its clean folder drew 10 flags in 6,341 words (1.58 per 1,000): the first clean folder over the target.
# Nobody reads its texts, misses or flags. Fifteen new clean dev texts (an10-clean-: 5.34 flags per 1,000 before
# tuning, 0.14 after) then taught the check roles, national bodies and systems, compounds and ranges; heldback9/clean
# measured 0.79 per 1,000 after that (5 flags), every other clean folder the same or lower.
DEV_FLOOR = 0.98
HELD_BACK_FLOORS = {"heldback": 0.94, "heldback2": 0.93, "heldback3": 0.90, "heldback4": 0.89, "heldback5": 0.90,
                    "heldback6": 0.89, "heldback7": 0.90, "heldback8": 0.92, "heldback9": 0.90}
HELD_BACK = tuple(HELD_BACK_FLOORS)


def test_recall_on_the_development_set(detector):
    from anonymity.evaluation import read_planted

    score = _recall(detector, read_planted(DATA / "dev"))
    assert score.recall >= DEV_FLOOR


def test_recall_on_the_held_back_set(detector):
    from anonymity.evaluation import read_planted

    recalls = {folder: _recall(detector, read_planted(DATA / folder)).recall for folder in HELD_BACK}
    assert all(recalls[folder] >= floor for folder, floor in HELD_BACK_FLOORS.items()), recalls


def test_every_bsn_and_email_is_caught(detector):
    """On every planted set: these kinds have one shape, so the check must not miss one."""
    from anonymity.evaluation import read_planted

    for folder in ("dev", *HELD_BACK):
        score = _recall(detector, read_planted(DATA / folder))
        assert score.kind_recall("bsn") == 1.0 and score.kind_recall("email") == 1.0, folder


def test_every_kind_with_one_shape_is_caught_on_the_development_set(detector):
    """BSN, e-mail, phone, postcode and exact dates: recall 1.0 (issue 10), measured where we tune."""
    from anonymity.evaluation import read_planted

    score = _recall(detector, read_planted(DATA / "dev"))
    for kind in ("bsn", "email", "phone", "postcode", "date"):
        assert score.kind_recall(kind) == 1.0, (kind, [m for m in score.missed if m[1] == kind])


def test_false_flags_on_clean_prose(detector, clean_texts):
    from anonymity.evaluation import read_clean

    held_back = {f"{folder}/{name}": text for folder in HELD_BACK
                 for name, text in read_clean(DATA / folder / "clean").items()}
    clean_texts = {**clean_texts, **{f"dev/{k}": v for k, v in read_clean(DATA / "dev" / "clean").items()},
                   **held_back}
    words = sum(len(text.split()) for text in clean_texts.values())
    assert words >= 20000
    flags = []
    for name, text in clean_texts.items():
        flags += [(name, f.kind, f.text) for f in detector.check_text(text)]
    rate = len(flags) / words * 1000
    print(f"\nfalse flags: {len(flags)} in {words} words = {rate:.2f} per 1,000 words")
    for flag in flags:
        if flag[0] not in held_back:  # nobody tunes on the held-back folders
            print("  flagged:", flag)
    assert rate <= FALSE_FLAGS_PER_1000_WORDS


@pytest.mark.parametrize("folder", ["dev", *HELD_BACK])
def test_false_flags_on_each_clean_folder(detector, folder):
    """At most 1 false flag per 1,000 words on each set's clean texts, not only on all of them together: a check
    that cries wolf on one writer's prose teaches that writer's readers to click it away. The held-back folders'
    flags are not printed (nobody tunes on them)."""
    from anonymity.evaluation import false_flags, read_clean

    words, flags = false_flags(detector.check_text, read_clean(DATA / folder / "clean"))
    assert words >= 5000
    assert 1000 * len(flags) / words <= FALSE_FLAGS_PER_1000_WORDS, f"{folder}: {len(flags)} in {words} words"


def test_demo_cases_pass_the_check(detector):
    """`make run` publishes the demo cases through the importer, so they (and the 112 fictional cases of the search
    yardstick) must come out clean: a check that holds back clean cases teaches editors to click it away."""
    import json
    from pathlib import Path

    from casebook.anonymity_gate import CASE_FIELDS

    root = Path(__file__).resolve().parents[2]
    lines = []
    for path in (root / "casebook" / "data" / "demo" / "cases.jsonl", root / "bench" / "relevance" / "cases.jsonl"):
        lines += path.read_text(encoding="utf-8").splitlines()
    flags = []
    for line in lines:
        record = json.loads(line)
        texts = [record.get(name) or "" for name in CASE_FIELDS] + record.get("lessons", [])
        flags += [(record["external_id"], f.kind, f.text) for text in texts for f in detector.check_text(text)]
    assert flags == []
