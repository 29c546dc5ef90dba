"""Relevance as a number: graded judgements replayed against a search backend.

A judged set is JSON Lines (see bench/relevance/README.md): queries with a `group`, optional taxonomy `filters`
and `judgements` {external_id: 0|1|2}; similar-case items with a `source` case instead of a query. Unlisted cases
count as 0. Metrics are the usual ones of Elasticsearch's `_rank_eval` and of search teams' judgement lists:
nDCG@10 (gain 2^grade − 1), P@5 and recall@20 (relevant = grade ≥ 1), the zero-result rate, and for similar
cases P@5 and nDCG@5. Used by `make bench-relevance` and by the relevance floor in the test suite.
"""

import json
import math
from collections import defaultdict
from pathlib import Path

GROUPS = ("keyword", "sentence", "filtered", "typo", "pasted")


def read_jsonl(path):
    path = Path(path)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _dcg(grades):
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg(ranked, judgements, k):
    ideal = _dcg(sorted(judgements.values(), reverse=True)[:k])
    if not ideal:
        return 0.0
    return _dcg([judgements.get(doc, 0) for doc in ranked[:k]]) / ideal


def precision(ranked, judgements, k):
    return sum(1 for doc in ranked[:k] if judgements.get(doc, 0) >= 1) / k


def recall(ranked, judgements, k):
    relevant = {doc for doc, grade in judgements.items() if grade >= 1}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def score_query(ranked, judgements):
    return {
        "ndcg@10": ndcg(ranked, judgements, 10),
        "p@5": precision(ranked, judgements, 5),
        "recall@20": recall(ranked, judgements, 20),
        "zero": 0.0 if ranked else 1.0,
    }


def score_similar(ranked, judgements):
    return {"p@5": precision(ranked, judgements, 5), "ndcg@5": ndcg(ranked, judgements, 5)}


def _mean(rows, key):
    return sum(row[key] for row in rows) / len(rows) if rows else None


def summarise(rows, keys):
    """Means per group and overall. `rows` are dicts with a `group` and the metric keys."""
    by_group = defaultdict(list)
    for row in rows:
        by_group[row["group"]].append(row)
    summary = {"all": {"n": len(rows), **{key: _mean(rows, key) for key in keys}}}
    for group in GROUPS + tuple(sorted(set(by_group) - set(GROUPS))):
        if by_group.get(group):
            summary[group] = {"n": len(by_group[group]), **{key: _mean(by_group[group], key) for key in keys}}
    return summary


def evaluate_queries(queries, run):
    """`run(query_dict) -> [external_id, …]` in rank order. Returns (summary, per-query rows)."""
    rows = []
    for query in queries:
        ranked = run(query)
        rows.append({"id": query["id"], "group": query.get("group", "keyword"), "query": query["query"],
                     "top": ranked[:10], **score_query(ranked, query["judgements"])})
    return summarise(rows, ("ndcg@10", "p@5", "recall@20", "zero")), rows


def evaluate_similar(items, run):
    """`run(source_external_id) -> [external_id, …]`."""
    rows = []
    for item in items:
        ranked = [doc for doc in run(item["source"]) if doc != item["source"]]
        rows.append({"id": item["id"], "group": "similar", "source": item["source"], "top": ranked[:5],
                     **score_similar(ranked, item["judgements"])})
    return summarise(rows, ("p@5", "ndcg@5"))["all"], rows
