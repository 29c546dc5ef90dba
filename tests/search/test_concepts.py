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
    # A compound of Dutch words is no typo of a search term two edits away ('zorgmijding' names a stuck reason).
    assert "gezin-niet-betrokken" not in named("een zorgmelding van de school")
    assert concepts.corrections("dat geldt ook voor school") == []  # not 'geld'


def test_a_word_written_as_it_sounds_is_corrected():
    # ch/g and y/i sound alike in Dutch: two edits, but one sound.
    assert "psychose" in named("psygose en blowen")
    assert concepts.corrections("psygose en blowen") == ["psychose"]
    # The missing t after a d ('hij vind', 'zij mijd'): the commonest Dutch spelling error.
    assert "gezin-niet-betrokken" in named("de moeder mijd hulp")


def test_an_age_in_words_names_one_age_band():
    # "vijftien" is no compound of vijf + tien: a boy of fifteen is no primary-school child.
    assert {"12-15"} == named("een jongen van vijftien") & {"4-11", "12-15"}
    assert {"12-15"} == named("mijn cliënt van veertien") & {"4-11", "12-15"}
    assert "4-11" not in named("een negentienjarige met een laag iq")


def test_the_longest_term_wins_its_words():
    assert "seksuele-uitbuiting" not in named("criminele uitbuiting lvb")
    assert "jeugdcriminaliteit" in named("criminele uitbuiting lvb")
    assert "seksuele-uitbuiting" in named("uitbuiting lvb")
    assert named("jonge mantelzorger verslaafde moeder") >= {"ouderproblematiek"}
    assert "verslaving" not in named("jonge mantelzorger verslaafde moeder")
    # ... but only those words: named elsewhere in the query, the concept stays.
    assert "verslaving" in named("een verslaafde moeder en een zoon die zelf ook verslaafd is")
    # Any of a concept's terms counts: "slaat" inside "slaat de kinderen" is domestic violence, "onhandelbaar"
    # still names behaviour problems.
    assert named("hij slaat de kinderen en is onhandelbaar") >= {"huiselijk-geweld", "gedragsproblemen"}


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


def test_a_grown_seed_reaches_existing_terms_without_undoing_editors():
    from casebook.taxonomy import seed_search_terms

    untouched = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="eetstoornis")
    edited = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="verslaving")
    edited.search_terms = "; ".join(t for t in edited.search_term_list() if t != "lachgas") + "; snuiven"
    edited.save()
    seeds = {
        ("problem_areas", "eetstoornis"): untouched.search_terms_seed + "; eetprobleem",
        ("problem_areas", "verslaving"): edited.search_terms_seed + "; snoepjes slikken",
    }
    seed_search_terms(TaxonomyTerm, seeds)
    untouched.refresh_from_db()
    edited.refresh_from_db()
    assert untouched.search_terms == seeds[("problem_areas", "eetstoornis")]
    terms = edited.search_term_list()
    assert "snoepjes slikken" in terms and "snuiven" in terms  # the seed's new term, and the editor's own
    assert "lachgas" not in terms  # removed by the editor, not brought back


def test_only_a_change_in_a_terms_words_requeues_its_cases(no_elasticsearch):
    from search.models import IndexOutbox

    hit = case(title="Een jongen die al een jaar niet in de klas kwam", problem_areas=["thuiszitten"])
    case(title="Een meisje met een eetstoornis", problem_areas=["eetstoornis"])
    IndexOutbox.objects.all().delete()
    term = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="thuiszitten")
    term.save()
    assert not IndexOutbox.objects.exists()
    term.search_terms += "; hokkiesyndroom"
    term.save()
    assert list(IndexOutbox.objects.values_list("object_id", flat=True)) == [hit.pk]


def test_participles_and_compounds_around_a_search_term_still_name_it():
    assert "thuiszitten" in named("geschorst van school")  # a participle: stemming keeps its ge-
    assert "afgewezen-door-aanbieders" in named("overal geweigerd")
    assert "verslaving" in named("drugsverslaafd en dakloos")  # a compound the lexicon does not split
    assert "suicidaliteit" in named("zelfmoordneigingen")
    assert "seksuele-uitbuiting" in named("loverboyslachtoffer")
    # Not every word starting with ge- is a participle, nor is every word inside a word meant.
    assert named("gewoon een druk gezin") & {"thuis-ambulant", "wonen", "zelfstandig-wonen"} == set()
