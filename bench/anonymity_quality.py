#!/usr/bin/env python3
"""Anonymity check quality: recall per kind on planted identifiers and false flags on clean professional text.

    .venv/bin/python bench/anonymity_quality.py [--show-missed dev]

The held-back sets (tests/anonymity/data/heldback*/, written by people who never saw the rules) are printed first,
newest first, without their misses;
then the development set it was tuned on, and the older planted set. Clean text: the sets' clean/ folders, the
demo cases and the 112 cases of the search yardstick (bench/relevance/cases.jsonl). Writes
bench/results/anonymity_quality.json. Not a test: tests/anonymity/test_quality.py holds the floors.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
DATA = ROOT / "tests" / "anonymity" / "data"
CASE_FILES = [ROOT / "casebook" / "data" / "demo" / "cases.jsonl", ROOT / "bench" / "relevance" / "cases.jsonl"]
CASE_TEXT_FIELDS = ("title", "summary", "situation", "stuck_points", "approach", "outcome", "needed", "created",
                    "reflection")


def legacy_planted():
    from anonymity.evaluation import Planted

    docs = []
    for line in (DATA / "planted.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs.append(Planted(d["id"], d["text"], d["expected"]))
    return docs


def case_texts():
    texts = {}
    for path in CASE_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                parts = [record.get(name) or "" for name in CASE_TEXT_FIELDS] + record.get("lessons", [])
                texts[record["external_id"]] = "\n\n".join(parts)
    return texts


def held_back_sets():
    """heldback, heldback2, … newest first: the latest was written last, against the most recent rules."""
    found = [p.name for p in DATA.glob("heldback*") if p.is_dir()]
    return sorted(found, key=lambda name: int(name.removeprefix("heldback") or 1), reverse=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-missed", default="", help="comma-separated sets whose misses to list (not heldback)")
    args = parser.parse_args()

    from anonymity.detector import get_detector
    from anonymity.evaluation import false_flags, read_clean, read_planted, score_planted
    from anonymity.findings import KINDS

    check = get_detector().check_text
    results = {"planted": {}, "clean": {}}
    sets = [(name, read_planted(DATA / name)) for name in held_back_sets()]
    sets += [("dev", read_planted(DATA / "dev")), ("planted (wave 1)", legacy_planted())]
    for name, docs in sets:
        if not docs:
            print(f"(no planted set '{name}')")
            continue
        s = score_planted(check, docs)
        results["planted"][name] = {
            "texts": len(docs), "identifiers": s.total, "recall": s.recall, "recall_any_kind": s.recall_any_kind,
            "per_kind": {k: {"n": s.per_kind[k], "recall": s.kind_recall(k)} for k in KINDS if s.per_kind[k]},
        }
        print(f"\n== {name}: {len(docs)} texts, {s.total} identifiers ==")
        print(f"recall (right kind) {s.caught}/{s.total} = {s.recall:.3f}; flagged at all {s.recall_any_kind:.3f}")
        for kind in KINDS:
            if s.per_kind[kind]:
                print(f"  {kind:12} {s.per_kind_caught[kind]:>4}/{s.per_kind[kind]:<4} {s.kind_recall(kind):.3f}")
        if name in args.show_missed.split(",") and not name.startswith("heldback"):
            for miss in s.missed:
                print("  missed:", miss)
    clean = {f"{name}/clean": read_clean(DATA / name / "clean") for name in held_back_sets()}
    clean.update({"dev/clean": read_clean(DATA / "dev" / "clean"), "clean (wave 1)": read_clean(DATA / "clean"),
                  "cases (demo + yardstick)": case_texts()})
    total_words = total_flags = 0
    print()
    for name, texts in clean.items():
        words, flags = false_flags(check, texts)
        total_words += words
        total_flags += len(flags)
        results["clean"][name] = {"texts": len(texts), "words": words, "flags": len(flags),
                                  "per_1000_words": 1000 * len(flags) / words if words else None}
        rate = f"{1000 * len(flags) / words:.2f}" if words else "–"
        print(f"false flags, {name}: {len(flags)} in {words} words = {rate} per 1,000")
        if not name.startswith("heldback"):
            for flag in flags:
                print("  flagged:", flag)
    print(f"false flags overall: {total_flags} in {total_words} words = {1000 * total_flags / total_words:.2f} per 1,000")
    out = ROOT / "bench" / "results" / "anonymity_quality.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nsaved {out}")


if __name__ == "__main__":
    main()
