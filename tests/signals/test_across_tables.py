"""Across tables (issue 12): the tables of one view (the page and its CSV) count the same cases, so some entries are
equal by definition, e.g. the cases stuck on a reason (bar chart) and the row total of the outcome table for that
reason (every case has one outcome), or the heatmap's row margin when every case names one problem area. An attacker
who puts the tables of one view side by side, with these identities, must not be able to compute a hidden entry.
Checked as an attacker would: the shown numbers, each table's row and column sums, and the identities, solved
together (numpy ranks), for every pair of tables and for all of them at once."""

import csv
import io
import random
from itertools import combinations

import numpy as np
import pytest

from signals import aggregates
from signals.aggregates import CaseFacts, overview
from signals.suppression import TOTAL
from tests.factories import make_case

pytestmark = pytest.mark.django_db

REASONS = ["wachtlijst", "geen-passend-aanbod", "financiering-tussen-wetten", "overgang-18"]
AREAS = ["autisme", "lvb", "adhd"]
OUTCOMES = ["doorbraak", "gedeeltelijk", "nog-vast"]


def identities(tables, one_area):
    """Groups of (table, key) equal by definition: the bar per reason and the outcome table's row total (an outcome
    is required), their grand totals; with one problem area per case also the heatmap's row totals."""
    groups = [[("stuck", (TOTAL, "cases")), ("stuck", (TOTAL, TOTAL)), ("outcome_by_stuck", (TOTAL, TOTAL))]]
    for r, _label in tables["stuck"].rows:
        groups.append([("stuck", (r, "cases")), ("stuck", (r, TOTAL)), ("outcome_by_stuck", (r, TOTAL))])
    if one_area:
        groups[0].append(("stuck_by_area", (TOTAL, TOTAL)))
        for i, (r, _label) in enumerate(tables["stuck"].rows):
            groups[i + 1].append(("stuck_by_area", (r, TOTAL)))
    return groups


def recoverable(tables, names, groups):
    """Hidden entries of the tables `names` an attacker computes exactly from them and the identities."""
    entries = [(name, key) for name in names for key in tables[name].shown]
    parent = {e: e for e in entries}

    def find(e):
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    for group in groups:
        members = [e for e in group if e in parent]
        for e in members[1:]:
            parent[find(e)] = find(members[0])
    known = {find(e) for e in entries if tables[e[0]].shown[e[1]] is not None}
    unknowns = sorted({find(e) for e in entries} - known, key=str)
    if not unknowns:
        return set()
    index = {u: i for i, u in enumerate(unknowns)}
    matrix = []
    for name in names:
        table = tables[name]
        row_keys = [r for r, _ in table.rows] + [TOTAL]
        col_keys = [c for c, _ in table.cols] + [TOTAL]
        lines = [[(r, c) for c in col_keys] for r in row_keys] + [[(r, c) for r in row_keys] for c in col_keys]
        for *cells, total in lines:
            row = np.zeros(len(unknowns))
            for key in cells:
                u = find((name, key))
                if u in index:
                    row[index[u]] += 1
            u = find((name, total))
            if u in index:
                row[index[u]] -= 1
            if row.any():
                matrix.append(row)
    if not matrix:
        return set()
    a = np.array(matrix)
    rank = np.linalg.matrix_rank(a)
    found = {u for u, i in index.items()
             if np.linalg.matrix_rank(np.vstack([a, np.eye(len(unknowns))[i]])) == rank}
    return {e for e in entries if find(e) in found}


def attack(tables, raw, one_area):
    """{table names: [(entry, its value)]}: hidden entries of 1–4 (the small groups, `raw` holds the true counts)
    recovered from a pair of tables or from all of them together. (A hidden zero that is recovered gives nothing
    away; a hidden 1–4 that is not recovered cannot be narrowed to one value by any other hidden entry.)"""
    groups = identities(tables, one_area)
    names = list(tables)
    leaks = {}
    for chosen in list(combinations(names, 2)) + [tuple(names)]:
        found = [(e, raw[e[0]].get(e[1], 0)) for e in recoverable(tables, chosen, groups)]
        found = [(e, n) for e, n in found if 0 < n < 5]
        if found:
            leaks[chosen] = sorted(found, key=str)
    return leaks


def _tables(view):
    return {name: table for name, (_title, table) in view.items()}


@pytest.fixture
def small_groups(db):
    """Utrecht 2025, one problem area per case, every reason with its own outcome mix: 7 waiting list, 6 without a
    fitting offer, 2 between laws and 5 at 18."""
    cases = [("wachtlijst", "doorbraak")] * 4 + [("wachtlijst", "nog-vast")] * 3 + \
            [("geen-passend-aanbod", "doorbraak")] * 6 + [("financiering-tussen-wetten", "gedeeltelijk")] * 2 + \
            [("overgang-18", "gedeeltelijk")] * 3 + [("overgang-18", "nog-vast")] * 2
    for reason, outcome in cases:
        make_case(region="utrecht-flevoland", year=2025, problem_areas=["autisme"], stuck_reasons=[reason],
                  outcome_status=outcome)


def test_the_tables_of_the_page_and_the_csv_give_nothing_away_together(small_groups, client):
    for filters in ({}, {"regio": "utrecht-flevoland"}, {"regio": "utrecht-flevoland", "jaar": "2025"}):
        tables = _tables(overview(None, filters))
        raw = {name: table.shown for name, table in _tables(overview(None, filters, threshold=1)).items()}
        assert attack(tables, raw, one_area=True) == {}, filters
    # The CSV carries exactly these tables' numbers.
    rows = list(csv.DictReader(io.StringIO(client.get("/signalering/export.csv").content.decode())))
    tables = _tables(overview(None, {}))
    for row in rows:
        row_key = TOTAL if row["rij"] == "totaal" else row["rij"]
        col_key = TOTAL if row["kolom"] == "totaal" else row["kolom"]
        table = tables[row["tabel"]]
        key = next(k for k in table.shown if str(k[0]) == str(row_key) and str(k[1]) == str(col_key))
        assert (table.shown[key] is None) == (row["aantal"] == "")


def _facts(rng, n):
    facts = []
    for _ in range(n):
        facts.append(CaseFacts(
            region=rng.choice(["noord", "utrecht-flevoland"]), age_band=rng.choice(["12-15", "16-17"]),
            year=rng.choice([2024, 2025]), framework="niet-vermeld", outcome=rng.choice(OUTCOMES),
            problem_areas=frozenset([rng.choice(AREAS)]),
            stuck_reasons=frozenset(rng.sample(REASONS, rng.choice([1, 1, 1, 2]))),
            settings=frozenset(), laws=frozenset(), life_domains=frozenset([rng.choice(["zorg", "wonen"])]),
        ))
    return facts


@pytest.mark.parametrize("seed", range(12))
def test_random_views_give_nothing_away_across_tables(db, seed):
    rng = random.Random(seed)
    facts = _facts(rng, rng.randint(15, 60))
    specs = aggregates.table_specs(facts)
    memo = {}
    for params in ((), ("regio",), ("jaar", "regio")):
        mesh = aggregates._mesh(facts, specs, params, 5, memo)
        for values, tables in mesh.tables.items():
            assert attack(tables, mesh.raw[values], one_area=True) == {}, (params, values)
