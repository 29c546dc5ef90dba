"""Editors extend the synonym list without a reindex; expertise profiles are for members only."""

import pytest
from django.core.management import call_command

from casebook.models import ExpertIndexPage, ExpertProfilePage
from search import analysis

from .helpers import api, case, keys

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def test_synonym_edit_takes_effect_after_reload_without_reindex(client, index_now, tmp_path):
    page = case(title="Een kwartiermaker zocht een plek", summary="De kwartiermaker bracht partijen samen rond de jongere.")
    index_now()
    assert api(client, q="bruggenbouwer")["total"] == 0
    edited = tmp_path / "synonyms.txt"
    edited.write_text(analysis.SYNONYMS_FILE.read_text(encoding="utf-8") + "bruggenbouwer, kwartiermaker\n", encoding="utf-8")
    try:
        call_command("search_synonyms", "--reload", "--file", str(edited))
        assert keys(api(client, q="bruggenbouwer")) == [page.external_id]
    finally:
        call_command("search_synonyms", "--reload")
    assert api(client, q="bruggenbouwer")["total"] == 0


def test_expert_profiles_are_found_by_members_only(client, index_now, member):
    index = ExpertIndexPage.objects.get()
    profile = index.add_child(instance=ExpertProfilePage(
        title="Deskundige gedragswetenschapper", slug="deskundige-gedrag", job_title="Gedragswetenschapper",
        organisation_type="expertteam", bio="Ervaring met autisme, agressie en vastgelopen plaatsingen.",
    ))
    profile.save_revision().publish()
    index_now()
    assert api(client, q="gedragswetenschapper")["total"] == 0
    client.force_login(member)
    result = api(client, q="gedragswetenschapper", type="expert")
    assert [hit["type"] for hit in result["results"]] == ["expert"]
    assert result["results"][0]["url"].endswith("/deskundige-gedrag/")


def test_an_editors_new_search_term_reaches_the_documents_of_the_cases_it_classifies(index_now):
    from casebook.models import TaxonomyTerm
    from search import client, documents

    classified = case(title="Een jongen die al een jaar niet in de klas kwam", problem_areas=["thuiszitten"])
    other = case(title="Een meisje met een eetstoornis", problem_areas=["eetstoornis"])
    index_now()

    def labels(page):
        doc_id = documents.source_for("casebook.CasePage").doc_id(page.pk)
        return client.get_client().get(index=client.alias_name(), id=doc_id)["_source"]["labels"]

    assert "Thuiszitten" in labels(classified) and "hokkiesyndroom" not in labels(classified)
    term = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="thuiszitten")
    term.search_terms += "; hokkiesyndroom"
    term.save()
    index_now()  # the outbox had the classified case, and only that one
    assert "hokkiesyndroom" in labels(classified) and "hokkiesyndroom" not in labels(other)



def _expanded(text):
    """The words Elasticsearch's synonym graph makes of `text` with the committed rules (read inline, so this does
    not depend on what the node's config dir holds)."""
    from search import client

    body = {"tokenizer": "standard", "text": text,
            "filter": ["lowercase", "asciifolding", {"type": "synonym_graph", "synonyms": analysis.synonym_rules()}]}
    return {token["token"] for token in client.get_client().indices.analyze(body=body)["tokens"]}


def test_a_broader_word_does_not_find_one_kind_of_it_through_the_synonyms(search_index):
    # "uitbuiting" is no synonym of loverboy: criminal exploitation is exploitation too.
    assert "loverboy" not in _expanded("criminele uitbuiting")
    assert "loverboy" in _expanded("seksuele uitbuiting")
    # The narrow word finds the broad one, not its siblings; the broad one finds its kinds.
    assert "eetstoornis" in _expanded("anorexia") and "boulimia" not in _expanded("anorexia")
    assert {"anorexia", "boulimia"} <= _expanded("eetstoornis")
    # Jeugd-ggz is ggz, but ggz is not only jeugd-ggz: volwassenen-ggz stays adult care.
    assert "ggz" in _expanded("jeugd-ggz") and "jeugdggz" not in _expanded("volwassenen-ggz")
