"""The faster protection (suppression.protect keeps its count of hidden entries per equation up to date; the
partition rule in aggregates._mesh works out what never changes once and looks again only at tables rebuilt in the
last round) hides exactly what the former code hid. The former protect and the former mesh loop are kept here as the
oracle and compared on random tables, on the demo cases, on generated cases and on random fact sets."""

import importlib.util
import json
import random
from pathlib import Path

import pytest

from signals import aggregates
from signals.aggregates import SINGLE_VALUED, CaseFacts
from signals.suppression import TOTAL, THRESHOLD, Table, _determined, protect
from tests.signals.test_counting import _random_facts

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NOT_STATED = "niet-vermeld"


# --- The oracle: the former code (signals/suppression.py and signals/aggregates.py before this change) ----------

def old_protect(rows, cols, counts, extra_hidden=(), threshold=THRESHOLD, known=()):
    row_keys = [r for r, _ in rows] + [TOTAL]
    col_keys = [c for c, _ in cols] + [TOTAL]
    grid = {(r, c): counts.get((r, c), 0) for r in row_keys[:-1] for c in col_keys[:-1]}
    for r in row_keys[:-1]:
        grid[(r, TOTAL)] = sum(grid[(r, c)] for c in col_keys[:-1])
    for c in col_keys:
        grid[(TOTAL, c)] = sum(grid[(r, c)] for r in row_keys[:-1])
    equations = [[(r, c) for c in col_keys] for r in row_keys] + [[(r, c) for r in row_keys] for c in col_keys]
    known = set(known) & grid.keys()
    hidden = {k for k, v in grid.items() if 0 < v < threshold} | ((set(extra_hidden) & grid.keys()) - known)
    known -= hidden
    order = {k: i for i, k in enumerate(grid)}

    def smallest_visible(keys):
        candidates = [k for k in keys if k not in hidden and k not in known and grid[k] > 0]
        return min(candidates, key=lambda k: (grid[k], order[k])) if candidates else None

    while True:
        changed = False
        for equation in equations:
            if sum(k in hidden for k in equation) == 1:
                extra = smallest_visible(equation)
                if extra is not None:
                    hidden.add(extra)
                    changed = True
        if changed:
            continue
        determined = _determined(equations, grid, hidden)
        if not determined:
            break
        key = min(determined, key=order.get)
        extra = smallest_visible(k for eq in equations if key in eq for k in eq)
        if extra is not None:
            hidden.add(extra)
            continue
        related = {k for eq in equations if key in eq for k in eq}
        for more in ({k for k in grid if TOTAL in k}, {k for k in related if grid[k] > 0},
                     {k for k in grid if grid[k] > 0}):
            if more - hidden:
                hidden |= more
                break
        else:
            break
    return Table(rows=list(rows), cols=list(cols), shown={k: (None if k in hidden else v) for k, v in grid.items()})


def old_mesh(facts, specs, params, threshold, memo):
    from itertools import combinations

    if params in memo:
        return memo[params]
    raw = aggregates._raw_views(facts, specs, params)
    ancestors = []
    for size in range(len(params)):
        for kept in combinations(range(len(params)), size):
            ancestors.append((kept, old_mesh(facts, specs, tuple(params[i] for i in kept), threshold, memo)))
    extra = {}
    for values, grids in raw.items():
        for name, grid in grids.items():
            risky = set()
            for kept, mesh in ancestors:
                parent = mesh.raw.get(tuple(values[i] for i in kept), {}).get(name, {})
                risky |= {k for k in parent.keys() | grid.keys() if 0 < parent.get(k, 0) - grid.get(k, 0) < threshold}
            extra[(values, name)] = risky
    known = {key: set() for key in extra}
    links = aggregates._links(specs)

    def build(values, name):
        rows, cols, _count, _title = specs[name]
        interior = {k: v for k, v in raw[values][name].items() if TOTAL not in k}
        return old_protect(rows, cols, interior, extra_hidden=extra[(values, name)], threshold=threshold,
                           known=known[(values, name)])

    tables = {values: {name: build(values, name) for name in specs} for values in raw}
    groups = []
    for i, param in enumerate(params):
        if param in SINGLE_VALUED:
            parent = old_mesh(facts, specs, params[:i] + params[i + 1:], threshold, memo)
            members = {}
            for values in raw:
                members.setdefault(values[:i] + values[i + 1:], []).append(values)
            groups.append((parent, members))
    while True:
        changed = set()
        for parent, members in groups:
            for parent_values, views in members.items():
                for name in specs:
                    parent_table = parent.tables[parent_values][name]
                    parent_raw = parent.raw[parent_values][name]
                    for key, shown in parent_table.shown.items():
                        if shown is None:
                            continue
                        hidden = [v for v in views if tables[v][name].shown[key] is None]
                        remainder = parent_raw.get(key, 0) - sum(raw[v][name].get(key, 0) for v in views)
                        needed = 0 if 0 < remainder < threshold else 1
                        if len(hidden) != needed:
                            continue
                        visible = [(tables[v][name].shown[key], v) for v in views
                                   if v not in hidden and tables[v][name].shown[key]
                                   and key not in known[(v, name)] and key not in extra[(v, name)]]
                        if visible:
                            _n, chosen = min(visible)
                            extra[(chosen, name)].add(key)
                            changed.add((chosen, name))
                        elif hidden and key not in known[(hidden[0], name)]:
                            known[(hidden[0], name)].add(key)
                            changed.add((hidden[0], name))
        for values, grids in tables.items():
            for group in links:
                for name, key in aggregates._unlinked(group, grids, raw[values], known, values):
                    extra[(values, name)].add(key)
                    changed.add((values, name))
        if not changed:
            break
        for values, name in changed:
            tables[values][name] = build(values, name)
    memo[params] = aggregates._Mesh(params, raw, tables)
    return memo[params]


# --- Comparisons -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(40))
def test_protect_hides_what_it_hid_before_on_random_tables(seed):
    rng = random.Random(seed)
    rows = [(f"r{i}", "") for i in range(rng.randint(1, 6))]
    cols = [(f"c{j}", "") for j in range(rng.randint(1, 6))]
    counts = {(r, c): rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 30]) for r, _ in rows for c, _ in cols}
    entries = [(r, c) for r, _ in rows + [(TOTAL, "")] for c, _ in cols + [(TOTAL, "")]]
    extra = set(rng.sample(entries, rng.randint(0, 3)))
    known = set(rng.sample(entries, rng.randint(0, 4)))
    assert protect(rows, cols, counts, extra, known=known).shown == \
        old_protect(rows, cols, counts, extra, known=known).shown


def _shown(memo):
    return {params: {values: {name: table.shown for name, table in tables.items()}
                     for values, tables in mesh.tables.items()} for params, mesh in memo.items()}


def _same_as_before(facts, params_list):
    specs = aggregates.table_specs(facts)
    for params in params_list:
        new, old = {}, {}
        aggregates._mesh(facts, specs, params, 5, new)
        old_mesh(aggregates._arrays(facts), specs, params, 5, old)
        assert _shown(new) == _shown(old), params
        assert any(t.shown[k] is None for mesh in new.values() for ts in mesh.tables.values()
                   for t in ts.values() for k in t.shown), "nothing hidden: the comparison would prove little"


def _facts_from_records(records):
    def stated(record, name):
        return NOT_STATED if name in record.get("coarsened", ()) else record.get(name) or NOT_STATED

    return [CaseFacts(region=stated(r, "region"), age_band=stated(r, "age_band"), year=r["year"],
                      framework=r.get("framework") or NOT_STATED, outcome=r.get("outcome_status") or NOT_STATED,
                      **{attr: frozenset(r.get(name, ())) for attr, name in (
                          ("problem_areas", "problem_areas"), ("stuck_reasons", "stuck_reasons"),
                          ("settings", "settings"), ("laws", "laws"), ("life_domains", "life_domains"))})
            for r in records]


PARAMS = [("regio",), ("jaar", "regio"), ("leeftijd",), ("setting",), ("leeftijd", "regio"), ("kader", "wet")]


def test_the_meshes_of_the_demo_cases_hide_what_they_hid_before(db):
    lines = (ROOT / "casebook" / "data" / "demo" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    _same_as_before(_facts_from_records([json.loads(line) for line in lines if line.strip()]), PARAMS)


def test_the_meshes_of_generated_cases_hide_what_they_hid_before(db):
    spec = importlib.util.spec_from_file_location("generate_cases", ROOT / "bench" / "generate_cases.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    rng = random.Random(7)
    records = [generate.make_record(i, rng) for i in range(600)]
    for i, record in enumerate(records):
        record["coarsened"] = [name for name, every, at in (("region", 50, 3), ("age_band", 50, 7)) if i % every == at]
    _same_as_before(_facts_from_records(records), PARAMS)


@pytest.mark.parametrize("seed", range(6))
def test_the_meshes_of_random_facts_hide_what_they_hid_before(db, seed):
    rng = random.Random(seed)
    _same_as_before(_random_facts(rng, rng.choice([30, 80, 200])), PARAMS[:4])
