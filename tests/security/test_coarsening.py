"""Finding 1: 'regio niet vermeld' and 'leeftijd niet vermeld' hide region and age band everywhere, not only on
the case page: cards, the case list's filters, and the database search's filters and facets."""

import pytest

from casebook.models import TaxonomyTerm

from tests.factories import make_case

from .conftest import coarsened_case

pytestmark = pytest.mark.django_db

REGION, AGE = "limburg", "16-17"


@pytest.fixture
def hidden(no_elasticsearch):
    return coarsened_case(title="Kleine groep met verborgen regio en leeftijd", region=REGION, age_band=AGE)


def _labels():
    return (TaxonomyTerm.objects.get(vocabulary="regions", slug=REGION).label_nl,
            TaxonomyTerm.objects.get(vocabulary="age_bands", slug=AGE).label_nl)


def test_case_cards_do_not_print_hidden_region_or_age_band(client, hidden):
    region, age = _labels()
    for url in ("/casussen/", "/"):
        html = client.get(url).content.decode()
        assert hidden.title in html
        card = html[html.index(hidden.title):][:1500]
        assert region not in card and age not in card, url


def test_case_list_cannot_be_filtered_by_a_hidden_region_or_age_band(client, hidden):
    for params in ({"region": REGION}, {"age_band": AGE}):
        html = client.get("/casussen/", params).content.decode()
        assert hidden.title not in html, params
    assert hidden.title in client.get("/casussen/", {"problem_areas": "autisme"}).content.decode()


def test_database_search_neither_filters_nor_facets_by_hidden_fields(client, hidden):
    for params in ({"region": REGION}, {"age_band": AGE}):
        result = client.get("/api/v1/search", params).json()
        assert result["total"] == 0, params
    result = client.get("/api/v1/search", {"q": "verborgen"}).json()
    assert result["total"] == 1
    assert result["facets"]["region"] == [] and result["facets"]["age_band"] == []
    html = client.get("/zoeken/", {"q": "verborgen"}).content.decode()
    region, age = _labels()
    assert region not in html and age not in html


def test_naming_a_hidden_region_in_the_query_does_not_find_the_case(client, no_elasticsearch):
    # The region's name is a concept; a query naming it must not find a case whose region is hidden (else the
    # search answers "this case is in Limburg"). An unhidden case in the same region shows the query does work.
    hidden = coarsened_case(title="Kleine groep met verborgen regio", region=REGION)
    region, _age = _labels()
    assert region.lower() not in (hidden.title + hidden.summary + hidden.situation).lower()
    assert client.get("/api/v1/search", {"q": region}).json()["total"] == 0
    shown = make_case(title="Casus met zichtbare regio", region=REGION)
    result = client.get("/api/v1/search", {"q": region}).json()
    assert [hit["external_id"] for hit in result["results"]] == [shown.external_id]
