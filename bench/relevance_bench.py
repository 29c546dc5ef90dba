#!/usr/bin/env python3
"""Relevance benchmark: judged queries replayed against Elasticsearch and the database fallback, side by side.

    python bench/relevance_bench.py [--sets heldback2,heldback,dev] [--backends elasticsearch,database] [--label NAME]

Loads the judged collection (the demo cases plus bench/relevance/cases.jsonl, all public) into its own SQLite
database (var/bench/relevance.sqlite3, or --database-url) and, when ELASTICSEARCH_URL is set, its own index
(prefix `bench-relevance`). Prints nDCG@10, P@5, recall@20 and the zero-result rate per group, similar-case
P@5 / nDCG@5, and the mean query time; the held-back sets first, because it is the figure nobody tuned on.
Writes bench/results/relevance[-LABEL].json. Not a test: it measures (tests/search/test_relevance.py holds the
floor).
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings.dev")
os.environ["SEARCH_INDEX_PREFIX"] = "bench-relevance"
os.environ.setdefault("DEBUG", "false")
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench' / 'relevance.sqlite3'}"


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    if database_url.startswith("sqlite:///"):
        db = Path(database_url.removeprefix("sqlite:///"))
        db.parent.mkdir(parents=True, exist_ok=True)
        db.unlink(missing_ok=True)  # a fresh database each run: the corpus is exactly the judged one
    import django

    django.setup()
    from django.core.management import call_command

    call_command("flush", verbosity=0, interactive=False) if not database_url.startswith("sqlite") else None
    call_command("migrate", verbosity=0, interactive=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="", help="comma-separated; default: every set, held-back first")
    parser.add_argument("--backends", default="elasticsearch,database")
    parser.add_argument("--database-url", default=DEFAULT_DB)
    parser.add_argument("--label", default="")
    parser.add_argument("--show", type=int, default=0, help="print the N worst queries per set and backend")
    args = parser.parse_args()

    backends = [b for b in args.backends.split(",") if b]
    if "elasticsearch" in backends and not os.environ.get("ELASTICSEARCH_URL"):
        print("ELASTICSEARCH_URL is not set: measuring the database only (start one with scripts/elasticsearch.sh start)")
        backends.remove("elasticsearch")
    setup_django(args.database_url)

    from search import judged

    started = time.perf_counter()
    count = judged.load_collection(progress=True)
    if "elasticsearch" in backends:
        judged.index_collection()
    print(f"collection: {count} cases loaded in {time.perf_counter() - started:.1f} s")

    from django.db import connection

    results = {"label": args.label, "database": connection.vendor, "sets": {}}
    for name in args.sets.split(",") if args.sets else judged.set_names():
        judged_set = judged.read_set(name)
        if not judged_set.queries:
            print(f"\n(no judged set '{name}')")
            continue
        results["sets"][name] = {}
        for backend in backends:
            measured = judged.measure(judged_set, backend)
            results["sets"][name][backend] = measured
            _print(name, backend, connection.vendor, measured, args.show)

    out = ROOT / "bench" / "results" / (f"relevance-{args.label}.json" if args.label else "relevance.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nsaved {out}")


def _fmt(value):
    return "  –  " if value is None else f"{value:.3f}"


def _print(set_name, backend, vendor, measured, show):
    label = backend if backend == "elasticsearch" else f"database ({vendor})"
    print(f"\n== {set_name} · {label} ==")
    print(f"{'group':10} {'n':>3}  {'nDCG@10':>7}  {'P@5':>5}  {'R@20':>5}  {'zero':>5}")
    for group, row in measured["queries"].items():
        print(f"{group:10} {row['n']:>3}  {_fmt(row['ndcg@10']):>7}  {_fmt(row['p@5']):>5}  "
              f"{_fmt(row['recall@20']):>5}  {_fmt(row['zero']):>5}")
    sim = measured["similar"]
    if sim["n"]:
        print(f"similar cases ({sim['n']} sources): P@5 {_fmt(sim['p@5'])}  nDCG@5 {_fmt(sim['ndcg@5'])}")
    t = measured["timing_ms"]
    print(f"query time: mean {t['mean']:.1f} ms, p95 {t['p95']:.1f} ms (wall, one at a time)")
    if show:
        worst = sorted(measured["rows"], key=lambda r: r.get("ndcg@10", r.get("ndcg@5", 0)))[:show]
        for row in worst:
            score = row.get("ndcg@10", row.get("ndcg@5"))
            print(f"  {score:.2f} {row['id']:14} {row.get('query', row.get('source', ''))[:70]!r} → {row['top'][:5]}")


if __name__ == "__main__":
    main()
