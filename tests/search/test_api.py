"""The search API and page on Elasticsearch: shape, facets, filters, sort, robustness, similar cases."""

import pytest

from .helpers import WEIGHT_QUESTION, api, case, facet_keys, keys, weight_cases

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

RESULT_KEYS = {"external_id", "type", "title", "url", "summary", "score", "highlights"}


@pytest.fixture
def cases(index_now):
    made = {
        "a": case(title="Autisme en agressie thuis", summary="Een jongen met autisme is agressief thuis en geen aanbieder wil hem.",
                  problem_areas=["autisme", "gedragsproblemen"], age_band="12-15", year=2021),
        "b": case(title="Licht verstandelijke beperking en schulden", summary="Een jongere met een LVB raakte zijn woonplek kwijt.",
                  problem_areas=["lvb"], age_band="16-17", year=2024),
        "c": case(title="Autisme en LVB samen", summary="Autisme en een licht verstandelijke beperking; de wachtlijst was lang.",
                  problem_areas=["autisme", "lvb"], age_band="16-17", year=2023),
    }
    index_now()
    return {k: v.external_id for k, v in made.items()}


def test_response_shape(client, cases):
    result = api(client, q="autisme")
    assert result["backend"] == "elasticsearch"
    assert result["total"] == 2
    assert all(RESULT_KEYS <= set(hit) for hit in result["results"])
    assert any("<mark>" in h for hit in result["results"] for h in hit["highlights"])
    for name in ("problem_areas", "age_band", "region", "settings", "framework", "laws", "life_domains",
                 "stuck_reasons", "interventions", "outcome_status"):
        assert name in result["facets"]
    entry = result["facets"]["problem_areas"][0]
    assert set(entry) == {"key", "label", "count"} and entry["label"]


def test_filters_combine(client, cases):
    both = api(client, problem_areas=["autisme", "lvb"])  # within a field: either
    assert sorted(keys(both)) == sorted(cases.values())
    narrowed = api(client, problem_areas=["autisme", "lvb"], age_band="16-17")  # across fields: all
    assert sorted(keys(narrowed)) == sorted([cases["b"], cases["c"]])
    # The age band facet still offers its siblings (counts computed without its own filter).
    assert facet_keys(narrowed, "age_band") == {"12-15": 1, "16-17": 2}
    assert facet_keys(narrowed, "problem_areas") == {"autisme": 1, "lvb": 2}
    assert api(client, q="autisme", problem_areas="lvb")["total"] == 1


def test_sort_and_paging(client, cases):
    by_year = api(client, sort="year")
    assert keys(by_year) == [cases["b"], cases["c"], cases["a"]]
    page2 = api(client, sort="year", page=2, page_size=1)
    assert keys(page2) == [cases["c"]] and page2["total"] == 3


def test_did_you_mean(client, cases):
    result = api(client, q="wachtljist")
    assert result["suggestion"]["text"] == "wachtlijst"
    html = client.get("/zoeken/", {"q": "wachtljist"}).content.decode()
    assert "Bedoelde je" in html and "wachtlijst" in html


def test_a_typo_searches_the_word_it_stands_for(client, index_now):
    # 'psygose' is two edits from 'psychose' (beyond the fuzzy clause), and the case is not classified with psychose:
    # only the applied correction (written as it sounds) finds it. The other word finds a case, so it is not the
    # 'nothing found, search the suggestion' path.
    psychosis = case(title="Stemmen horen na een verhuizing", summary="Hij kreeg een psychose en sliep niet meer.",
                     problem_areas=["gedragsproblemen"])
    cannabis = case(title="Elke dag blowen", summary="Hij blowt elke dag.", problem_areas=["verslaving"])
    index_now()
    assert set(keys(api(client, q="psygose blowen"))) == {psychosis.external_id, cannabis.external_id}


def test_a_question_in_a_sentence_favours_the_problem_area_its_first_results_share(client, index_now):
    # The question never names the eating disorder, but the cases its words find first mostly are about one: a case
    # classified with it ranks above one about something else that reads a little more like the question.
    eating, other = weight_cases()
    index_now()
    ranked = keys(api(client, q=WEIGHT_QUESTION))
    assert ranked.index(eating.external_id) < ranked.index(other.external_id)


def test_the_rare_words_of_a_question_weigh_more_than_the_words_most_cases_share(client, index_now):
    # Seven words that a third of the cases hold pile up for a case that holds them all; the two that two cases hold
    # say what the question is about.
    common = ["gezin", "school", "begeleiding", "vastgelopen", "gesprekken", "ouders", "afspraken"]
    for n in range(12):
        words = " en ".join(common[i] for i in range(7) if (n + i) % 3 == 0)
        case(title=f"Een casus over {words}", summary=f"Het ging over {words}.", problem_areas=["schulden"])
    piled = case(title="Een casus over alles",
                 summary="Gezin, school, begeleiding, ouders, afspraken: vastgelopen gesprekken.",
                 problem_areas=["schulden"])
    rare = case(title="Een casus over de tuin", summary="De bijenkast van de imker stond in de tuin.",
                problem_areas=["schulden"])
    case(title="Een casus over een hobby", summary="Hij wilde imker worden en bouwde een bijenkast.",
         problem_areas=["schulden"])
    index_now()
    q = ("Hoe gaan gezin en ouders met school, begeleiding, afspraken en vastgelopen gesprekken om als de imker zijn "
         "bijenkast mist?")
    ranked = keys(api(client, q=q))
    assert ranked.index(rare.external_id) < ranked.index(piled.external_id)


def test_autocomplete(client, cases):
    result = api(client, "/api/v1/autocomplete", q="autisme en a")
    assert [s["external_id"] for s in result["suggestions"]] == [cases["a"]]
    assert any(t["key"] == "autisme" for t in api(client, "/api/v1/autocomplete", q="auti")["terms"])


@pytest.mark.parametrize("q", ['"', "(", "AND OR", "*:*", "title:(x", "\\", "a" * 300, "autisme " * 1250, "[]{}~^!/"])
def test_syntax_breaking_queries_answer(client, cases, q):
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 200
    assert response.json()["backend"] == "elasticsearch"
    assert client.get("/zoeken/", {"q": q}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 10_001}, {"page": "abc"}, {"page_size": "0"}, {"page_size": "500"}, {"page": "2000", "page_size": "50"},
     {"sort": "title"}, {"type": "nonsense"}],
)
def test_bad_parameters_are_a_clear_400(client, cases, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert response.json()["error"]
    assert client.get("/zoeken/", params).status_code == 400


def test_pasted_description_finds_similar_cases(client, cases):
    description = (
        "Wij begeleiden een jongen van vijftien met autisme. Thuis is hij agressief tegen zijn moeder en broertje. "
        "Hij gaat al maanden niet naar school. Drie aanbieders hebben hem afgewezen omdat hij te complex zou zijn. "
        "Er is geen regie en de wachtlijst voor behandeling is lang. Wie heeft zoiets eerder meegemaakt?"
    )
    result = api(client, q=description)
    assert result["mode"] == "description"
    assert keys(result)[0] == cases["a"]


def test_similar_endpoint(client, cases):
    result = api(client, f"/api/v1/cases/{cases['c']}/similar", limit=2)
    assert cases["c"] not in keys(result) and len(result["results"]) == 2
    assert client.get("/api/v1/cases/bestaat-niet/similar").status_code == 404
    assert client.get(f"/api/v1/cases/{cases['c']}/similar", {"limit": "x"}).status_code == 400


def test_search_page_is_dutch_and_works_without_javascript(client, cases):
    html = client.get("/zoeken/", {"q": "autisme", "problem_areas": "lvb"}).content.decode()
    assert '<html lang="nl">' in html
    assert 'method="get"' in html and 'type="checkbox" name="problem_areas" value="lvb" checked' in html
    assert "1 resultaat" in html and "Verfijnen" in html
    assert 'name="viewport"' in html


def test_a_correction_that_finds_nothing_is_not_applied(client, index_now):
    # 'Daan' (a name the anonymised cases never hold) is one edit from the stop word 'dan': 'U ziet resultaten voor
    # dan' above 'niets gevonden' would mislead twice. Nothing as typed, and no correction offered.
    case(title="Lang wachten", summary="Het duurde langer dan een jaar voordat er een plek was.")
    index_now()
    result = api(client, q="Daan")
    assert (result["total"], result["corrected"], result["suggestion"]) == (0, None, None)


def test_a_typo_that_names_a_concept_is_offered_once(client, index_now):
    # 'eetstornis' is offered as the concept filter 'Eetstoornis'; a spelling line 'Bedoelde je: eetstoornis?' under
    # it would say the same twice.
    case(title="Een meisje eet niet meer", summary="Ze heeft een eetstoornis.", problem_areas=["eetstoornis"])
    case(title="Een jongen eet niet meer", summary="Hij heeft een eetstoornis.", problem_areas=["eetstoornis"])
    index_now()
    result = api(client, q="eetstornis")
    assert [c["slug"] for c in result["concepts"]] == ["eetstoornis"]
    assert result["suggestion"] is None
