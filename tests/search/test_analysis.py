"""Dutch analysis: stemming, jargon synonyms, compounds and folding find what professionals mean."""

import pytest

from .helpers import api, case, keys

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def corpus(index_now):
    cases = {
        "autism": case(
            title="Vastgelopen schoolgang bij een meisje met autisme",
            summary="Een meisje met een autismespectrumstoornis zat een jaar thuis zonder onderwijs.",
            situation="Zij raakte overprikkeld in de klas; na maanden schoolverzuim ging ze helemaal niet meer.",
            problem_areas=["autisme"],
        ),
        "lvb": case(
            title="Begeleid wonen na de achttiende verjaardag",
            summary="Een jongen die licht verstandelijk beperkt is moest zijn woongroep verlaten zonder vervolgplek.",
            situation="Hij heeft schulden en geen diploma.",
            problem_areas=["lvb"],
        ),
        "provider": case(
            title="Geen plek na afwijzing",
            summary="Elke jeugdhulpaanbieder in de regio wees het gezin af als te complex voor hun aanbod.",
            situation="Moeder vroeg om hulp bij de financiële problemen.",
            problem_areas=["gedragsproblemen"],
        ),
        "ots": case(
            title="Ondertoezichtstelling zonder zichtbare voogd",
            summary="Tijdens de ondertoezichtstelling wisselde de jeugdbeschermer vier keer binnen een jaar.",
            situation="De gecertificeerde instelling had een wachtlijst.",
            problem_areas=["trauma-hechting"],
        ),
        "closed": case(
            title="Uitstroom uit de gesloten jeugdhulp",
            summary="Na negen maanden gesloten jeugdhulp was er geen passende vervolgplek in de buurt.",
            situation="De jongere liep eerder weg uit open groepen.",
            problem_areas=["gedragsproblemen"],
        ),
    }
    index_now()
    return {name: page.external_id for name, page in cases.items()}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ASS", "autism"),  # abbreviation → autisme / autismespectrumstoornis
        ("autistisch", "autism"),
        ("LVB", "lvb"),  # abbreviation → licht verstandelijk beperkt
        ("OTS", "ots"),
        ("GI wachtlijst", "ots"),  # GI → gecertificeerde instelling
        ("JeugdzorgPlus", "closed"),  # → gesloten jeugdhulp
        ("thuiszitter", "autism"),  # → (thuis zonder) schoolverzuim / thuiszitten via synonyms
    ],
)
def test_synonyms_find_jargon(client, corpus, query, expected):
    found = keys(api(client, q=query))
    assert corpus[expected] in found, (query, found)


def test_compound_found_by_its_part(client, corpus):
    # "jeugdhulpaanbieder" in the summary; the professional types "aanbieder".
    assert corpus["provider"] in keys(api(client, q="aanbieder"))
    assert corpus["provider"] in keys(api(client, q="aanbieders"))


def test_dutch_stemming(client, corpus):
    # "afwijzing" in the title, "wees af"; "afwijzingen" and "verjaardagen" share the stems.
    assert corpus["provider"] in keys(api(client, q="afwijzingen"))
    assert corpus["lvb"] in keys(api(client, q="verjaardagen"))


def test_ascii_folding(client, corpus):
    assert corpus["provider"] in keys(api(client, q="financiele problemen"))


def test_stop_words_alone_find_nothing_but_do_not_fail(client, corpus):
    result = api(client, q="de het een")
    assert result["total"] == 0


def test_title_weighs_more_than_body(client, index_now):
    in_body = case(title="Een gewone casus over wonen", summary="Een samenvatting van deze casus over wonen.",
                   outcome="Uiteindelijk hielp de kwartiermaker bij het vinden van een plek.")
    in_title = case(title="De kwartiermaker die een plek vond", summary="Een samenvatting van deze casus over wonen.")
    index_now()
    assert keys(api(client, q="kwartiermaker"))[:2] == [in_title.external_id, in_body.external_id]
