"""Similar cases ("vergelijkbare casussen") on Elasticsearch and on the database fallback: what a case is about
first — the problem its title names — weighs most."""

import pytest

from .helpers import api, case, keys

pytestmark = pytest.mark.django_db


def _cases():
    source = case(title="Een jongen met autisme die vastloopt", problem_areas=["autisme", "thuiszitten"],
                  stuck_reasons=["wachtlijst"])
    # Shares the problem the source's title names.
    about_the_same = case(title="Casus uit het zuiden", problem_areas=["autisme"], stuck_reasons=["overgang-18"])
    # Shares as much, but not what the source is about (and would come first on a tie: its title sorts first).
    also_shares = case(title="Casus uit het noorden", problem_areas=["thuiszitten"], stuck_reasons=["overgang-18"])
    return source, about_the_same, also_shares


def _similar(client, source):
    return keys(api(client, f"/api/v1/cases/{source.external_id}/similar"))


def test_on_elasticsearch(client, index_now):
    source, about_the_same, also_shares = _cases()
    index_now()
    assert _similar(client, source)[:2] == [about_the_same.external_id, also_shares.external_id]


def test_on_the_database(client, no_elasticsearch):
    source, about_the_same, also_shares = _cases()
    assert _similar(client, source) == [about_the_same.external_id, also_shares.external_id]
