"""A case a user may not see leaves no trace: results, totals, facets, highlights, suggestions,
autocomplete and similar lists all go through casebook.visibility.allowed_visibilities."""

import json

import pytest

from .helpers import api, case, facet_keys, keys

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

SECRET_WORD = "kwartelkoning"  # appears only in the hidden cases


@pytest.fixture
def cases(index_now):
    public = case(
        visibility="public",
        title="Open casus over een jongen met autisme en agressie thuis",
        summary="Een jongen met autisme werd agressief thuis; geen aanbieder wilde hem opnemen.",
        problem_areas=["autisme"],
        stuck_reasons=["afgewezen-door-aanbieders"],
    )
    network = case(
        visibility="network",
        title=f"Netwerkcasus {SECRET_WORD} met autisme en agressie thuis",
        summary=f"De {SECRET_WORD}aanpak hielp een jongen met autisme die agressief was thuis.",
        problem_areas=["autisme", "verslaving"],
        stuck_reasons=["afgewezen-door-aanbieders"],
        age_band="18-22",
    )
    restricted = case(
        visibility="restricted",
        title=f"Beperkte casus {SECRET_WORD} over uitbuiting",
        summary=f"Alleen voor redacteuren: {SECRET_WORD} en seksuele uitbuiting bij een jongere met autisme.",
        problem_areas=["autisme", "seksuele-uitbuiting"],
        stuck_reasons=["afgewezen-door-aanbieders"],
    )
    draft = case(visibility="public", publish=False, title=f"Concept {SECRET_WORD} nooit gepubliceerd")
    index_now()
    return {"public": public, "network": network, "restricted": restricted, "draft": draft}


def _assert_no_trace(body, *pages):
    text = json.dumps(body, ensure_ascii=False).lower()
    assert SECRET_WORD not in text
    for page in pages:
        assert page.external_id not in text


def test_anonymous_sees_only_public(client, cases):
    for q in ["autisme agressief", SECRET_WORD, "", "uitbuiting"]:
        result = api(client, q=q)
        _assert_no_trace(result, cases["network"], cases["restricted"], cases["draft"])
        assert result["total"] == (1 if q in ("autisme agressief", "") else 0)
    facets = api(client, q="autisme")["facets"]
    assert facet_keys({"facets": facets}, "problem_areas") == {"autisme": 1}
    assert facet_keys({"facets": facets}, "age_band") == {"12-15": 1}
    assert facet_keys({"facets": facets}, "stuck_reasons") == {"afgewezen-door-aanbieders": 1}


def test_hidden_words_never_suggested_or_autocompleted(client, cases):
    typo = "kwartelkonnig"
    result = api(client, q=typo)
    assert result["suggestion"] is None or SECRET_WORD not in result["suggestion"]["text"]
    _assert_no_trace(result, cases["network"], cases["restricted"])
    completed = api(client, "/api/v1/autocomplete", q="netwerkcasus kwart")
    assert completed["suggestions"] == []
    _assert_no_trace(api(client, "/api/v1/autocomplete", q="beperkte"), cases["restricted"])


def test_member_suggestion_comes_from_network_words(client, cases, member):
    client.force_login(member)
    result = api(client, q="kwartelkonnig")
    assert result["suggestion"] and result["suggestion"]["text"] == SECRET_WORD
    assert [s["external_id"] for s in api(client, "/api/v1/autocomplete", q="netwerkcasus kwart")["suggestions"]] == [
        cases["network"].external_id
    ]


def test_similar_lists_respect_visibility(client, cases, member):
    url = f"/api/v1/cases/{cases['public'].external_id}/similar"
    anonymous = api(client, url)
    assert anonymous["results"] == []
    _assert_no_trace(anonymous, cases["network"], cases["restricted"])
    assert client.get(f"/api/v1/cases/{cases['network'].external_id}/similar").status_code == 404
    client.force_login(member)
    assert keys(api(client, url)) == [cases["network"].external_id]


def test_case_page_similar_block_respects_visibility(client, cases, member):
    html = client.get(cases["public"].url).content.decode()
    assert SECRET_WORD not in html
    client.force_login(member)
    html = client.get(cases["public"].url).content.decode()
    assert "Vergelijkbare casussen" in html and cases["network"].title in html
    assert cases["restricted"].title not in html


def test_levels(client, cases, member, editor):
    client.force_login(member)
    result = api(client, q=SECRET_WORD)
    assert keys(result) == [cases["network"].external_id]
    assert all(SECRET_WORD in h.lower() or "<mark>" in h for h in result["results"][0]["highlights"])
    assert "seksuele-uitbuiting" not in facet_keys(api(client, q="autisme"), "problem_areas")
    client.force_login(editor)
    result = api(client, q=SECRET_WORD)
    assert sorted(keys(result)) == sorted([cases["network"].external_id, cases["restricted"].external_id])
    assert facet_keys(api(client, q="autisme"), "problem_areas")["autisme"] == 3


def test_search_page_html_shows_no_hidden_counts(client, cases):
    html = client.get("/zoeken/", {"q": "autisme"}).content.decode()
    assert SECRET_WORD not in html
    assert "Verslaving" not in html  # a facet label that only the network case carries
