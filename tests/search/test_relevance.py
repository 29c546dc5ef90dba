"""Relevance floors on the judged collection (bench/relevance/): a ranking change that loses what professionals
find fails here, on every backend. `make bench-relevance` prints the full table; this only holds the line.

The floors were set from the first honest measurement after the relevance work (see the closing note of the
search relevance issue), a little below it so that noise between machines does not fail the suite.
"""

import pytest

from search import judged

# Measured on every judged set together (dev, heldback, heldback2: Elasticsearch nDCG@10 0.80, similar-case P@5
# 0.79; database 0.75 on SQLite, lower on PostgreSQL) and set a little lower; raise them when the ranking improves.
# heldback3 (written later the same way) was first scored by the search of e1f88ba: nDCG@10 0.767, similar P@5 0.827,
# database 0.728; with it every set together measures 0.797 and similar P@5 0.80.
# Similar cases that read the classification alike (rel6): every set together ES similar P@5 0.85, database 0.67 on
# SQLite (0.63 on dev on PostgreSQL); nDCG@10 ES 0.80, database 0.74.
# heldback4 (written the same way) was first scored by the search of ae330e4: nDCG@10 0.764 (sentence 0.701, typo
# 0.710), similar P@5 0.920; database 0.714, similar 0.813.
# Sound-alike typos, feedback from the first results' problem areas and rare words counting once more (rel8, tuned on
# dev only): every set together ES nDCG@10 0.806, similar P@5 0.861; database 0.756 on SQLite, 0.734 on PostgreSQL,
# similar P@5 0.694 on both. The floors rise to a little below that.
# heldback5 (written the same way) was first scored by the search of 3980362: nDCG@10 0.785 (keyword 0.731, sentence
# 0.699), similar P@5 0.933; database 0.723 on SQLite, 0.681 on PostgreSQL, similar 0.773.
# Synonym groups that hold only words meaning the same (rel9) and, on the database, similar cases reordered by how alike
# their whole classification is (sim9): every set together ES nDCG@10 0.811, similar P@5 0.872; database 0.751 on
# SQLite, 0.727 on PostgreSQL, similar P@5 0.738 on both. The floors rise to a little below that.
# heldback6 (written the same way) was first scored by the search of 1f5178a: nDCG@10 0.805 (sentence 0.695), similar
# P@5 0.893; database 0.723 on SQLite, 0.706 on PostgreSQL, similar 0.720 (0.733 once the database counted its idf
# per term, a1545a5).
FLOORS = {
    "elasticsearch": {"ndcg@10": 0.80, "similar_p@5": 0.86},
    "database": {"ndcg@10": 0.71, "similar_p@5": 0.72},
}


@pytest.fixture
def collection(db):
    judged.load_collection()


def _measure(backend):
    queries, similar = [], []
    for name in judged.set_names():
        judged_set = judged.read_set(name)
        queries += judged_set.queries
        similar += judged_set.similar
    assert len(queries) >= 80, "the judged set is missing"
    return judged.measure(judged.JudgedSet("all", queries, similar), backend)


def _zero_result_sentences(measured):
    return [row["query"] for row in measured["rows"] if row.get("group") == "sentence" and row["zero"]]


@pytest.mark.elasticsearch
def test_elasticsearch_relevance_floor(collection, search_index):
    judged.index_collection()
    measured = _measure("elasticsearch")
    assert _zero_result_sentences(measured) == []
    assert measured["queries"]["all"]["ndcg@10"] >= FLOORS["elasticsearch"]["ndcg@10"]
    assert measured["similar"]["p@5"] >= FLOORS["elasticsearch"]["similar_p@5"]


def test_database_relevance_floor(collection, no_elasticsearch):
    measured = _measure("database")
    assert _zero_result_sentences(measured) == []
    assert measured["queries"]["all"]["ndcg@10"] >= FLOORS["database"]["ndcg@10"]
    assert measured["similar"]["p@5"] >= FLOORS["database"]["similar_p@5"]
