"""The search page as a person reads it (trial 10): paging past the end, and concept links in the reader's
language, worded as the filter they are rather than a spelling correction."""

import pytest
from django.conf import settings

from .helpers import case


@pytest.fixture
def autism_cases(db, no_elasticsearch):
    return [case(title=f"Jongere met autisme wacht op zorg {n}", summary="Een jongere met autisme wachtte lang.",
                 problem_areas=["autisme"]) for n in range(3)]


def test_a_page_past_the_end_goes_to_the_last_page(client, autism_cases):
    response = client.get("/zoeken/", {"q": "autisme", "page_size": 2, "page": 99}, follow=True)
    final_url, _status = response.redirect_chain[-1]
    assert "page=2" in final_url and "page=99" not in final_url
    html = response.content.decode()
    assert "3 resultaten" in html and "Niets gevonden" not in html
    assert html.count('class="result card"') == 1


def test_concept_link_is_a_filter_in_the_readers_language(client, autism_cases):
    dutch = client.get("/zoeken/", {"q": "autisme"}).content.decode()
    assert "Zoek alleen binnen het onderwerp" in dutch and "Bedoel je" not in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the language switch
    english = client.get("/zoeken/", {"q": "autisme"}).content.decode()
    concepts = english.split('class="concepts"')[1].split("</p>")[0]
    assert "Autism spectrum" in concepts and "Autisme (ASS)" not in concepts
