"""Small helpers shared by the search tests."""

from tests.factories import make_case


def api(client, path="/api/v1/search", **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def keys(result):
    return [hit["external_id"] for hit in result["results"]]


def facet_keys(result, name):
    return {entry["key"]: entry["count"] for entry in result["facets"].get(name, [])}


def case(**overrides):
    return make_case(**overrides)


# A question that never names an eating disorder, though the cases its words find first mostly are about one.
WEIGHT_QUESTION = "Hoe help je een meisje dat steeds minder wil en waarvan de ouders zich zorgen maken over haar gewicht?"


def weight_cases():
    """Four cases about a girl's weight classified as an eating disorder, then two that read alike: (one classified
    so too, one about debts that reads a little more like WEIGHT_QUESTION)."""
    for where in ("thuis", "op school", "in de brugklas", "op de sportclub"):
        case(title=f"Een meisje en haar gewicht {where}", summary="Een meisje at steeds minder; de ouders maakten zich "
             "zorgen over haar gewicht.", problem_areas=["eetstoornis"])
    eating = case(title="Zorgen om een meisje", summary="De ouders maakten zich zorgen over haar gewicht.",
                  problem_areas=["eetstoornis"])
    other = case(title="Zorgen om een meisje", summary="De ouders maakten zich zorgen over haar gewicht, steeds meer.",
                 problem_areas=["schulden"])
    return eating, other
