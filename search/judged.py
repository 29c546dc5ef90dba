"""The judged collection in bench/relevance/: load it, index it, and replay its judged sets on a backend.

Shared by `make bench-relevance` (bench/relevance_bench.py) and the relevance floor in the test suite, so both
measure exactly the same thing.
"""

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.http import QueryDict

from . import evaluation

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "bench" / "relevance"
DEMO_CASES = ROOT / "casebook" / "data" / "demo" / "cases.jsonl"
COLLECTION = (DEMO_CASES, JUDGED / "cases.jsonl")
PUBLIC = ("public",)  # the whole collection is public: the judgements are about ranking, not permissions


@dataclass
class JudgedSet:
    name: str
    queries: list = field(default_factory=list)  # keyword, sentence, filtered, typo and pasted queries
    similar: list = field(default_factory=list)


def set_names():
    """The judged sets in bench/relevance/, held-back ones first (newest first): they are the figures nobody tuned
    on, so they are printed first."""
    names = sorted((p.name for p in JUDGED.iterdir() if (p / "queries.jsonl").exists()), reverse=True)
    return [n for n in names if n.startswith("heldback")] + [n for n in names if not n.startswith("heldback")]


def read_set(name):
    folder = JUDGED / name
    queries = evaluation.read_jsonl(folder / "queries.jsonl") + evaluation.read_jsonl(folder / "pasted.jsonl")
    return JudgedSet(name, queries, evaluation.read_jsonl(folder / "similar.jsonl"))


def collection_lines():
    lines = []
    for path in COLLECTION:
        if not path.exists():
            continue
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def load_collection(progress=False):
    """Import every judged case as a published, public page (the cases are fictional and anonymised)."""
    from casebook.interchange.importing import import_lines

    lines = collection_lines()
    import_lines(lines, visibility="public", publish=True, progress=progress, skip_anonymity_check=True)
    return len(lines)


def index_collection():
    from . import client, indexing

    # Read the pages here, not in the bulk helper's feeder thread (SQLite test databases lock across threads).
    actions = list(indexing.iter_source_actions(client.alias_name()))
    indexing.rebuild(actions=actions, total=len(actions))
    client.get_client().indices.refresh(index=client.alias_name())


def params_for(query, page_size=20):
    from .params import parse

    data = QueryDict(mutable=True)
    data["q"] = query["query"]
    data["type"] = "case"
    data["page_size"] = str(page_size)
    for name, values in (query.get("filters") or {}).items():
        data.setlist(name, values if isinstance(values, list) else [values])
    return parse(data)


def search_runner(backend):
    from . import fallback, queries

    def run(query):
        if backend == "elasticsearch":
            return [r["external_id"] for r in queries.search(params_for(query), PUBLIC)["results"]]
        return fallback.ranked_ids(params_for(query), PUBLIC)  # the same ranking, without facet counts

    return run


def similar_runner(backend, limit=5):
    from casebook.models import CasePage

    from . import documents, fallback, queries
    from .backend import case_classification

    def run(external_id):
        page = CasePage.objects.get(external_id=external_id)
        if backend == "elasticsearch":
            doc_id = documents.source_for("casebook.CasePage").doc_id(page.pk)
            results = queries.similar_cases(doc_id, case_classification(page), PUBLIC, limit, title=page.title)
        else:
            results = fallback.similar_cases(case_classification(page), PUBLIC, limit, exclude_pk=page.pk,
                                              title=page.title)
        return [r["external_id"] for r in results]

    return run


def _timed(run):
    times = []

    def wrapped(arg):
        started = time.perf_counter()
        try:
            return run(arg)
        finally:
            times.append((time.perf_counter() - started) * 1000)

    return wrapped, times


def measure(judged_set, backend):
    run, times = _timed(search_runner(backend))
    summary, rows = evaluation.evaluate_queries(judged_set.queries, run)
    similar, similar_rows = evaluation.evaluate_similar(judged_set.similar, similar_runner(backend))
    times.sort()
    timing = {"mean": statistics.fmean(times) if times else 0.0,
              "p95": times[int(0.95 * (len(times) - 1))] if times else 0.0}
    return {"queries": summary, "similar": similar, "timing_ms": timing, "rows": rows + similar_rows}
