import pytest

from tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    return {
        "public": make_case(visibility="public", title="Openbare casus over thuiszitten"),
        "network": make_case(visibility="network", title="Netwerkcasus over een gesloten plaatsing"),
        "restricted": make_case(visibility="restricted", title="Beperkte casus over uitbuiting"),
        "draft": make_case(visibility="public", publish=False, title="Conceptcasus die nog niet af is"),
    }


PLACES = [
    "/",
    "/casussen/",
    "/casussen/?problem_areas=autisme",
    "/verkennen/probleemgebied/autisme/",
    "/verkennen/regio/noord/",
    "/verkennen/vastgelopen-op/afgewezen-door-aanbieders/",
    "/sitemap.xml",
    "/feeds/casussen/",
]


def test_anonymous_visitor_gets_no_trace_of_network_restricted_or_draft_cases(client, cases):
    for place in PLACES:
        body = client.get(place).content.decode()
        assert cases["public"].title in body or place == "/sitemap.xml", place
        for key in ("network", "restricted", "draft"):
            assert cases[key].title not in body, (place, key)
            assert cases[key].external_id not in body, (place, key)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert cases["public"].external_id in sitemap
    assert cases["network"].external_id not in sitemap


def test_network_case_url_is_404_for_anonymous(client, cases):
    assert client.get(f"/casussen/{cases['network'].slug}/").status_code == 404
    assert client.get(f"/casussen/{cases['restricted'].slug}/").status_code == 404
    assert client.get(f"/casussen/{cases['draft'].slug}/").status_code == 404


def test_browse_counts_only_what_the_user_may_see(client, cases, member):
    body = client.get("/verkennen/regio/").content.decode()
    assert "(1)" in body  # only the public case in regio Noord
    client.force_login(member)
    body = client.get("/verkennen/regio/").content.decode()
    assert "(2)" in body


def test_member_sees_network_but_not_restricted(client, cases, member):
    client.force_login(member)
    assert client.get(cases["network"].url).status_code == 200
    assert client.get(cases["restricted"].url).status_code == 404
    listing = client.get("/casussen/").content.decode()
    assert cases["network"].title in listing
    assert cases["restricted"].title not in listing


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_see_restricted(client, cases, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(cases["restricted"].url).status_code == 200


def test_unpublishing_hides_a_case_again(client, cases):
    page = cases["public"]
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(f"/casussen/{page.slug}/").status_code == 404
    assert page.title not in client.get("/casussen/").content.decode()


def test_feed_stays_public_only_even_for_a_signed_in_member(client, cases, member):
    client.force_login(member)
    body = client.get("/feeds/casussen/").content.decode()
    assert cases["public"].title in body
    assert cases["network"].title not in body
