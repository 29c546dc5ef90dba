"""The concept layer: how professionals, parents and young people say a taxonomy term, mapped to that term
(casebook/data/search_terms.txt, editable per term in the CMS)."""

import pytest

from casebook.models import TaxonomyTerm
from search import concepts

from .helpers import api, case


def named(q):
    return {c.slug for c in concepts.concepts_for(q)}


@pytest.fixture(autouse=True)
def fresh_matcher(db):
    concepts.forget()
    yield
    concepts.forget()


def test_colloquial_words_name_the_concept():
    assert "verslaving" in named("hij rookt elke dag wiet")
    assert "angst-depressie" in named("ze komt de deur niet meer uit")
    assert "te-veel-hulpverleners" in named("veel te veel hulpverlening in ons gezin")


def test_a_typo_of_a_search_term_still_names_it():
    assert "eetstoornis" in named("anorexsia en lang wachten")
    assert "psychose" in named("pyschose na blowen")
    assert "complexe-scheiding" in named("een vechscheiding")


def test_an_ordinary_dutch_word_is_not_taken_for_a_typo():
    assert concepts.lexicon(), "wdutch is installed by scripts/packages.sh"
    assert "complexe-scheiding" not in named("schending van de privacy")


def test_negations_belong_to_the_term():
    # "geen plek" is a stuck reason; a case that mentions "een plek" is not.
    assert "geen-passend-aanbod" in named("er is geen plek voor hem")
    assert "geen-passend-aanbod" not in named("een plek in de klas")
    assert "gezin-niet-betrokken" not in named("welke hulp werkt")


def test_an_editors_search_term_takes_effect_without_a_deploy(client, no_elasticsearch):
    term = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="thuiszitten")
    hit = case(title="Een jongen die al een jaar niet in de klas kwam", problem_areas=["thuiszitten"])
    assert hit.external_id not in [r["external_id"] for r in api(client, q="hokkiesyndroom")["results"]]
    term.search_terms += "; hokkiesyndroom"
    term.save()
    result = api(client, q="hokkiesyndroom")
    assert [r["external_id"] for r in result["results"]] == [hit.external_id]
    assert [c["slug"] for c in result["concepts"]] == ["thuiszitten"]
