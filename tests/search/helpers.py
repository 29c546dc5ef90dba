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
