"""The database search: same interface and response shape, same visibility rules, never a 500."""

import os
from pathlib import Path

import pytest

from .helpers import WEIGHT_QUESTION, api, case, facet_keys, keys, weight_cases

RESULT_KEYS = {"external_id", "type", "title", "url", "summary", "score", "highlights"}


@pytest.fixture
def cases(db, no_elasticsearch):
    return {
        "public": case(title="Openbare casus over een wachtlijst", summary="Een jongere met autisme wachtte een jaar.",
                       problem_areas=["autisme"], year=2022),
        "network": case(visibility="network", title="Netwerkcasus over een wachtlijst",
                        summary="Een jongere met een LVB stond op een wachtlijst.", problem_areas=["lvb"], year=2024),
    }


def test_same_shape_on_the_database(client, cases):
    result = api(client, q="wachtlijst")
    assert result["backend"] == "database"
    assert result["total"] == 1 and keys(result) == [cases["public"].external_id]
    assert all(RESULT_KEYS <= set(hit) for hit in result["results"])
    assert facet_keys(result, "problem_areas") == {"autisme": 1}
    assert set(result["facets"]) >= {"problem_areas", "age_band", "stuck_reasons", "outcome_status"}


def test_visibility_and_filters_on_the_database(client, cases, member):
    client.force_login(member)
    assert api(client, q="wachtlijst")["total"] == 2
    assert keys(api(client, q="wachtlijst", problem_areas="lvb")) == [cases["network"].external_id]
    assert keys(api(client, sort="year"))[0] == cases["network"].external_id
    assert api(client, "/api/v1/autocomplete", q="netwerk")["suggestions"][0]["external_id"] == cases["network"].external_id


def test_database_similar_and_page(client, cases, member):
    client.force_login(member)
    other = case(title="Nog een casus met autisme", problem_areas=["autisme"])
    result = api(client, f"/api/v1/cases/{other.external_id}/similar")
    # Shares a problem area and a stuck reason with the public case, only the stuck reason with the other.
    assert keys(result) == [cases["public"].external_id, cases["network"].external_id]
    html = client.get("/zoeken/", {"q": "wachtlijst"}).content.decode()
    assert "2 resultaten" in html and "niet bereikbaar" not in html


@pytest.mark.parametrize("q", ['"', "(", "AND OR", "*:*", "autisme " * 1250])
def test_database_survives_odd_queries(client, cases, q):
    assert client.get("/api/v1/search", {"q": q}).status_code == 200


def test_unreachable_elasticsearch_falls_back(client, cases, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # configured, nothing listening
    result = api(client, q="wachtlijst")
    assert result["backend"] == "database" and result["degraded"] is True
    assert keys(result) == [cases["public"].external_id]
    assert "niet bereikbaar" in client.get("/zoeken/", {"q": "wachtlijst"}).content.decode()
    assert client.get(cases["public"].url).status_code == 200  # the similar-cases block degrades too


def test_pasted_description_on_the_database(client, cases):
    description = ("Wij zoeken hulp voor een jongere met autisme die al heel lang op een wachtlijst staat voor "
                   "specialistische behandeling en thuis steeds vaker vastloopt, terwijl school en gemeente "
                   "naar elkaar blijven verwijzen en niemand de regie neemt over het geheel.")
    result = api(client, q=description)
    assert result["mode"] == "description"
    assert keys(result) == [cases["public"].external_id]


def test_database_search_matches_inflections_and_most_words(client, cases):
    # 'wachtlijsten' finds 'wachtlijst' (PostgreSQL's Dutch stemmer, or SQLite's crude stem); an unknown extra
    # word does not make a three-word query come back empty.
    assert keys(api(client, q="wachtlijsten")) == [cases["public"].external_id]
    assert keys(api(client, q="jongere wachtlijst onbekendwoord")) == [cases["public"].external_id]


def test_a_typo_searches_the_word_it_stands_for_on_the_database(client, db, no_elasticsearch):
    # 'psygose' is no stem of 'psychose', and the case is not classified with psychose: only the applied correction
    # finds it.
    page = case(title="Blowen en stemmen horen", summary="Na maanden blowen kreeg hij een psychose.",
                problem_areas=["verslaving"])
    assert keys(api(client, q="psygose")) == [page.external_id]


def test_a_question_in_a_sentence_favours_the_problem_area_its_first_results_share_on_the_database(
        client, db, no_elasticsearch):
    # As on Elasticsearch (test_api): never named, but what the first results are mostly about.
    eating, other = weight_cases()
    ranked = keys(api(client, q=WEIGHT_QUESTION))
    assert ranked.index(eating.external_id) < ranked.index(other.external_id)


def test_database_similar_weighs_what_cases_share(client, db, no_elasticsearch):
    def other(**classification):
        return case(**{"problem_areas": ["eetstoornis"], "stuck_reasons": [], "age_band": "0-3", **classification})

    source = case(problem_areas=["lvb", "schulden"], stuck_reasons=["wachtlijst"], age_band="16-17")
    rare = other(problem_areas=["lvb"])
    common = [other(problem_areas=["schulden"]) for _ in range(3)]
    stuck = other(stuck_reasons=["wachtlijst"])
    coarsened = other(age_band="16-17")
    coarsened.hide_age_band = True
    coarsened.save()
    ids = keys(api(client, f"/api/v1/cases/{source.external_id}/similar", limit=10))
    # The rarer shared problem says more than the common one, a shared problem more than a shared stuck reason
    # (as on Elasticsearch), and an age band its editor hid is not something a case shares.
    assert ids[0] == rare.external_id
    assert set(ids[1:4]) == {c.external_id for c in common}
    assert ids[4:] == [stuck.external_id]


def test_database_facets_count_each_term_once_with_all_its_cases(client, db, no_elasticsearch):
    # A term's count is the number of cases found with it, in one entry (not one entry of 1 per case).
    for areas in (["autisme", "lvb"], ["autisme", "lvb"], ["autisme"]):
        case(title="Wachtlijst voor een jongere", problem_areas=areas)
    entries = api(client, q="wachtlijst")["facets"]["problem_areas"]
    assert [(e["key"], e["count"]) for e in entries] == [("autisme", 3), ("lvb", 2)]


def test_a_compound_finds_its_parts_only_together_on_the_database(client, db, no_elasticsearch):
    # As on Elasticsearch: 'mensenhandel' finds a case that writes it whole or as 'handel in mensen', not every case
    # that says 'mensen' (a count of most of the collection would mislead).
    whole = case(title="Uitbuiting", summary="Een meisje werd slachtoffer van mensenhandel.")
    apart = case(title="Uitbuiting", summary="Er was sprake van handel in mensen.")
    case(title="Veel mensen om hem heen", summary="Er waren veel mensen betrokken maar niemand had regie.")
    assert set(keys(api(client, q="mensenhandel"))) == {whole.external_id, apart.external_id}
