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


def _like_a_request(title, source):
    """A consultation request's similar cases: a text that is not indexed, classified like the source case."""
    from django.contrib.auth.models import AnonymousUser

    from search import backend

    classification = {"problem_areas": ["autisme", "thuiszitten"], "stuck_reasons": ["wachtlijst"]}
    found = backend.similar_to_text("Hij zit al maanden thuis.", classification, AnonymousUser(), title=title)
    return [hit["external_id"] for hit in found if hit["external_id"] != source.external_id]


def _similar(client, source):
    return keys(api(client, f"/api/v1/cases/{source.external_id}/similar"))


def test_on_elasticsearch(client, index_now):
    source, about_the_same, also_shares = _cases()
    index_now()
    assert _similar(client, source)[:2] == [about_the_same.external_id, also_shares.external_id]


def test_on_the_database(client, no_elasticsearch):
    source, about_the_same, also_shares = _cases()
    assert _similar(client, source) == [about_the_same.external_id, also_shares.external_id]


def test_a_requests_title_says_what_it_is_about_on_elasticsearch(index_now):
    source, about_the_same, also_shares = _cases()
    index_now()
    assert _like_a_request("Vastgelopen bij autisme", source)[:2] == [about_the_same.external_id, also_shares.external_id]
    assert _like_a_request("Al maanden thuiszitten", source)[:2] == [also_shares.external_id, about_the_same.external_id]


def test_a_requests_title_says_what_it_is_about_on_the_database(no_elasticsearch):
    source, about_the_same, also_shares = _cases()
    assert _like_a_request("Vastgelopen bij autisme", source)[:2] == [about_the_same.external_id, also_shares.external_id]
    assert _like_a_request("Al maanden thuiszitten", source)[:2] == [also_shares.external_id, about_the_same.external_id]


def test_on_the_database_the_whole_classification_orders_cases_that_share_as_much(client, no_elasticsearch):
    """The database has no text likeness: of two cases sharing the same problem area, the one whose classification
    as a whole is most like the source's (laws, interventions, life domains too) comes first."""
    common = {"problem_areas": ["schulden"], "stuck_reasons": ["wachtlijst"], "age_band": "18-22"}
    source = case(title="Schulden en geen plek", laws=["wmo", "participatiewet"], interventions=["procesregie"],
                  life_domains=["inkomen"], **common)
    # Sorts first on a tie (title), and shares what the fixed facet weights count, but little else.
    a_little = case(title="Casus A", laws=["zvw"], interventions=["maatwerkplek"], life_domains=["zorg"], **common)
    much_alike = case(title="Casus B", laws=["wmo", "participatiewet"], interventions=["procesregie"],
                      life_domains=["inkomen"], **common)
    assert _similar(client, source)[:2] == [much_alike.external_id, a_little.external_id]
