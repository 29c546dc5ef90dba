"""The partition attack (issue 12): the views of every value of one filter add up to the view without it, so a
count hidden in one of them must not follow from the others. Checked as an attacker would, on what is shown."""

import pytest

from signals.aggregates import FILTERS, overview
from signals.forms import FilterForm
from tests.factories import make_case

pytestmark = pytest.mark.django_db

REGIONS = ["noord", "utrecht-flevoland", "gelderland"]
AGES = ["4-11", "12-15", "16-17"]


def _views(filters):
    return {name: table for name, (_title, table) in overview(None, filters).items()}


def _attack(parent, parts):
    """Entries an attacker recovers by 'parent minus the other parts': {(table, key): (part, recovered value)}.

    Without 'niet vermeld' cases the parts add up exactly to the parent, so one hidden part is given away."""
    recovered = {}
    for name, table in parent.items():
        for key, total in table.shown.items():
            if total is None:
                continue
            hidden = [value for value, views in parts.items() if views[name].shown[key] is None]
            if len(hidden) == 1:
                rest = sum(views[name].shown[key] for value, views in parts.items() if value != hidden[0])
                recovered[(name, key)] = (hidden[0], total - rest)
    return recovered


@pytest.fixture
def three_regions(db):
    """Waiting list: 9 cases in Noord, 3 in Utrecht (a small group), 6 in Gelderland; no coarsened region."""
    for region, n in (("noord", 9), ("utrecht-flevoland", 3), ("gelderland", 6)):
        for _ in range(n):
            make_case(region=region, year=2025, stuck_reasons=["wachtlijst"], problem_areas=["autisme"])


def test_region_minus_the_other_regions_does_not_give_the_small_group_away(three_regions):
    everything = _views({})
    assert everything["stuck"].value("wachtlijst", "cases") == 18
    parts = {region: _views({"regio": region}) for region in REGIONS}
    assert parts["utrecht-flevoland"]["stuck"].value("wachtlijst", "cases") is None
    # Before the partition rule 18 - 9 - 6 = 3 gave the hidden Utrecht count away; now a second region hides it.
    assert _attack(everything, parts) == {}
    assert [parts[r]["stuck"].value("wachtlijst", "cases") for r in REGIONS].count(None) >= 2


def test_region_minus_region_and_age_band_does_not_give_a_small_group_away(db):
    """Within Utrecht: 6 cases aged 4–11, 3 aged 12–15 (small), 7 aged 16–17."""
    for age, n in (("4-11", 6), ("12-15", 3), ("16-17", 7)):
        for _ in range(n):
            make_case(region="utrecht-flevoland", year=2025, age_band=age, stuck_reasons=["wachtlijst"],
                      problem_areas=["autisme"])
    region = _views({"regio": "utrecht-flevoland"})
    assert region["stuck"].value("wachtlijst", "cases") == 16
    parts = {age: _views({"regio": "utrecht-flevoland", "leeftijd": age}) for age in AGES}
    assert _attack(region, parts) == {}
    assert parts["12-15"]["stuck"].value("wachtlijst", "cases") is None
