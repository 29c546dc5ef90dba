"""Counting with arrays (signals/facts.py) gives exactly the counts the former per-case loop gave. That loop, and the
former loader that built one object per case, are kept here as the oracle and compared on random fact sets (values
outside the taxonomy, 'niet vermeld', empty sets, several values per case) and on cases in the database."""

import random
from collections import Counter
from itertools import combinations

import pytest

from casebook.models import CasePage
from signals import aggregates, facts
from signals.aggregates import FILTERS, CaseFacts
from signals.suppression import TOTAL
from tests.factories import make_case

pytestmark = pytest.mark.django_db

NOT_STATED = "niet-vermeld"
REGIONS = ["noord", "utrecht-flevoland", "gelderland", NOT_STATED, "buiten-taxonomie"]
AGES = ["4-11", "12-15", "16-17", NOT_STATED]
FRAMEWORKS = ["vrijwillig", "jeugdbescherming", NOT_STATED]
OUTCOMES = ["doorbraak", "gedeeltelijk", "nog-vast", NOT_STATED]
REASONS = ["wachtlijst", "geen-passend-aanbod", "overgang-18", "crisis-escalatie", "geen-term"]
AREAS = ["autisme", "lvb", "adhd", "trauma-hechting"]
SETTINGS = ["thuis-ambulant", "pleegzorg", "gezinshuis", "open-verblijf"]
LAWS = ["jeugdwet", "wlz", "wmo"]
DOMAINS = ["zorg", "wonen", "school-werk", "inkomen"]


# --- The oracle: the former implementation (signals/aggregates.py before counting with arrays) -------------------

_MANY = {"problem_areas": "problem_areas", "stuck_reasons": "stuck_reasons", "settings": "care_settings",
         "laws": "laws", "life_domains": "life_domains"}
COUNTING = {
    "stuck_by_area": lambda f: [(r, c) for r in f.stuck_reasons for c in f.problem_areas],
    "stuck": lambda f: [(r, "cases") for r in f.stuck_reasons],
    "region_by_year": lambda f: [(f.region, f.year)],
    "outcome_by_stuck": lambda f: [(r, f.outcome) for r in f.stuck_reasons],
    "life_domains": lambda f: [(d, "cases") for d in f.life_domains],
}


def old_case_facts(visibilities):
    cases = CasePage.objects.live().filter(visibility__in=visibilities)
    many = {attr: {} for attr in _MANY}
    for attr, field in _MANY.items():
        for case_id, slug in cases.filter(**{f"{field}__isnull": False}).values_list("id", f"{field}__slug"):
            many[attr].setdefault(case_id, set()).add(slug)
    rows = cases.values_list("id", "region__slug", "hide_region", "age_band__slug", "hide_age_band", "year",
                             "framework__slug", "outcome_status__slug")
    return [CaseFacts(
        region=NOT_STATED if hide_region or not region else region,
        age_band=NOT_STATED if hide_age_band or not age_band else age_band,
        year=year, framework=framework or NOT_STATED, outcome=outcome or NOT_STATED,
        **{attr: frozenset(many[attr].get(case_id, ())) for attr in _MANY},
    ) for case_id, region, hide_region, age_band, hide_age_band, year, framework, outcome in rows]


def _old_values(fact, param):
    have = getattr(fact, FILTERS[param][0])
    values = [str(v) for v in have] if isinstance(have, frozenset) else [str(have)]
    return [v for v in values if v != NOT_STATED]


def _old_assignments(fact, params):
    combos = [()]
    for param in params:
        combos = [combo + (value,) for combo in combos for value in _old_values(fact, param)]
    return combos


def old_raw_views(case_facts, specs, params):
    keys = {name: ({r for r, _ in rows}, {c for c, _ in cols}) for name, (rows, cols, _f, _t) in specs.items()}
    cells = Counter()
    seen = set()
    for fact in case_facts:
        entries = [(name, r, c) for name in specs for r, c in COUNTING[name](fact)
                   if r in keys[name][0] and c in keys[name][1]]
        for values in _old_assignments(fact, params):
            seen.add(values)
            cells.update((values, name, r, c) for name, r, c in entries)
    views = {values: {name: {} for name in specs} for values in seen}
    for (values, name, r, c), n in cells.items():
        grid = views[values][name]
        for key in ((r, c), (r, TOTAL), (TOTAL, c), (TOTAL, TOTAL)):
            grid[key] = grid.get(key, 0) + n
    return views


# --- Random fact sets -------------------------------------------------------------------------------------------

def _random_facts(rng, n):
    def some(vocabulary, most):
        return frozenset(rng.sample(vocabulary, rng.randint(0, most)))

    return [CaseFacts(
        region=rng.choice(REGIONS), age_band=rng.choice(AGES), year=rng.choice([2019, 2023, 2024, 2025]),
        framework=rng.choice(FRAMEWORKS), outcome=rng.choice(OUTCOMES), problem_areas=some(AREAS, 3),
        stuck_reasons=some(REASONS, 3), settings=some(SETTINGS, 2), laws=some(LAWS, 2), life_domains=some(DOMAINS, 3),
    ) for _ in range(n)]


PARAM_SETS = [()] + [(p,) for p in FILTERS] + [tuple(sorted(c)) for c in combinations(FILTERS, 2)] + [
    ("jaar", "leeftijd", "regio"), ("jaar", "regio", "setting", "wet")]


@pytest.mark.parametrize("seed", range(8))
def test_array_counts_equal_the_former_loop_on_random_facts(db, seed):
    rng = random.Random(seed)
    case_facts = _random_facts(rng, rng.choice([0, 1, 7, 60, 400]))
    specs = aggregates.table_specs(case_facts)
    arrays = facts.from_case_facts(case_facts)
    cached = facts.unpack(facts.pack(arrays))  # as a later request reads them from the cache
    assert arrays.years == cached.years == sorted({f.year for f in case_facts})
    for params in PARAM_SETS:
        expected = old_raw_views(case_facts, specs, params)
        assert aggregates._raw_views(arrays, specs, params) == expected, params
        assert aggregates._raw_views(cached, specs, params) == expected, params


def test_array_counts_equal_the_former_loop_on_cases_in_the_database(db):
    rng = random.Random(3)
    for i in range(40):
        make_case(
            visibility=rng.choice(["public", "public", "network", "restricted"]), publish=i % 13 != 5,
            region=rng.choice(["noord", "utrecht-flevoland", "gelderland"]), age_band=rng.choice(["12-15", "16-17"]),
            year=rng.choice([2024, 2025]), outcome_status=rng.choice(["doorbraak", "nog-vast"]),
            stuck_reasons=rng.sample(REASONS[:4], rng.randint(1, 2)), problem_areas=rng.sample(AREAS, 2),
            settings=rng.sample(SETTINGS, rng.randint(0, 2)), laws=rng.sample(LAWS, rng.randint(0, 2)),
            life_domains=rng.sample(DOMAINS, rng.randint(0, 2)), framework=rng.choice(["vrijwillig", None]),
            coarsened=[name for name, every, at in (("region", 7, 3), ("age_band", 9, 4)) if i % every == at])
    for visibilities in (("public",), ("public", "network"), ("public", "network", "restricted")):
        old = old_case_facts(visibilities)
        new = aggregates.case_facts(visibilities)
        assert new.n == len(old) and new.years == sorted({f.year for f in old})
        specs = aggregates.table_specs(years=new.years)
        for params in PARAM_SETS:
            assert aggregates._raw_views(new, specs, params) == old_raw_views(old, specs, params), params
