"""Issue 11: nobody outside the requester, the team's coordinators and the invited experts sees a request or its
messages — by URL, list, search, feed, API or admin — in any state; every allowed view is audited.

Every test here runs twice: with a regional expertteam and with a supra-regional expertisecentrum as the team asked.
The coordinator of the related team of the other kind (the region's expertisecentrum, or one of the centre's
regions) is an outsider too: being above or below a team in the network gives no access to its requests."""

import pytest

from audit.models import Channel, ReadEvent
from consultation import permissions, services
from consultation.models import ExpertiseArea, JeugdRegion, State
from tests.factories import make_user

from .conftest import make_request

pytestmark = pytest.mark.django_db
SECRET = "Zorgboerderij-Zevenster-vraag"  # a word found only in the request and its message (no identifier:
# after "aangemeld bij" the anonymity check reads a brand-like name as a provider, so it follows "Gevraagd:")
STATES = [s for s in State]


@pytest.fixture(params=["expertteam", "expertisecentrum"])
def team(request, db):
    if request.param == "expertteam":
        return JeugdRegion.objects.select_related("area").order_by("name").first()
    return ExpertiseArea.objects.order_by("sort_order", "name").first()


@pytest.fixture
def related_coordinator(team):
    """Coordinates the team of the other kind next to this one: the region's centre, or one of the centre's regions."""
    related = team.regions.order_by("name").first() if isinstance(team, ExpertiseArea) else team.area
    user = make_user("member", username="verwante-coordinator")
    related.coordinators.add(user)
    return user


@pytest.fixture
def people(requester, coordinator, other_coordinator, related_coordinator, outsider):
    uninvited_expert = make_user("member", username="andere-expert")
    return {
        "requester": requester, "coordinator": coordinator, "other_coordinator": other_coordinator,
        "related_coordinator": related_coordinator,
        "outsider": outsider, "uninvited_expert": uninvited_expert, "editor": make_user("editor"),
        "moderator": make_user("moderator"), "admin": make_user("admin"), "superuser": make_user("superuser"),
    }


def _request_in(state, requester, team, expert):
    req = make_request(requester, team, state=state, tried=f"Gevraagd: {SECRET}; afgewezen.")
    if state in (State.IN_PROGRESS, State.ADVISED, State.FOLLOWED_UP):
        coordinator = team.coordinators.first()
        services.invite(req, coordinator, expert)
        req.messages.create(author=expert, body=f"Reactie over {SECRET}.")
    return req


def _who_may_see(state, invited):
    allowed = {"requester"}
    if state != State.CONCEPT:
        allowed.add("coordinator")
    if invited:
        allowed.add("expert")
    return allowed


@pytest.mark.parametrize("state", STATES)
def test_only_participants_see_a_request_by_its_url_and_every_view_is_audited(client, state, people, team, expert):
    req = _request_in(state, people["requester"], team, expert)
    invited = req.invitations.filter(expert=expert).exists()
    allowed = _who_may_see(state, invited)
    everyone = {**people, "expert": expert}
    for name, user in everyone.items():
        client.force_login(user)
        before = ReadEvent.objects.filter(channel=Channel.CONSULTATION, user=user).count()
        response = client.get(f"/consultatie/{req.public_id}/")
        after = ReadEvent.objects.filter(channel=Channel.CONSULTATION, user=user).count()
        if name in allowed:
            assert response.status_code == 200, (name, state)
            assert after == before + 1, (name, state)
        else:
            assert response.status_code == 404, (name, state)
            assert after == before, (name, state)
        assert permissions.can_view(user, req) == (name in allowed)
        # Lists: only what one may see.
        listing = client.get("/consultatie/").content.decode()
        assert (f"{req.reference} ·" in listing) == (name in allowed), (name, state)
    client.logout()
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 302


@pytest.mark.parametrize("state", [State.CONCEPT, State.IN_PROGRESS, State.ADVISED])
def test_no_action_url_works_for_outsiders(client, state, people, team, expert):
    req = _request_in(state, people["requester"], team, expert)
    actions = ["bewerken", "versturen", "intrekken", "accepteren", "doorverwijzen", "aanvulling", "uitnodigen",
               "advies", "leeslink", "casus", "bericht", "opvolging"]
    for name in ("outsider", "other_coordinator", "related_coordinator", "uninvited_expert", "editor", "admin",
                 "superuser"):
        client.force_login(people[name])
        for action in actions:
            url = f"/consultatie/{req.public_id}/{action}/"
            assert client.get(url).status_code in (404, 405), (name, url)
            assert client.post(url, {"body": "x", "question": "x"}).status_code == 404, (name, url)
    assert req.messages.filter(body="x").count() == 0


def test_participants_cannot_do_what_their_role_does_not_allow(client, people, team, expert):
    req = _request_in(State.SUBMITTED, people["requester"], team, expert)
    client.force_login(people["requester"])
    assert client.post(f"/consultatie/{req.public_id}/accepteren/").status_code == 403
    client.force_login(people["coordinator"])
    assert client.post(f"/consultatie/{req.public_id}/intrekken/").status_code == 403
    assert client.post(f"/consultatie/{req.public_id}/accepteren/").status_code == 302
    req.refresh_from_db()
    assert req.state == State.IN_PROGRESS


@pytest.mark.parametrize("state", [State.SUBMITTED, State.IN_PROGRESS, State.ADVISED])
def test_requests_never_reach_search_feeds_sitemap_or_the_admin(client, state, people, team, expert):
    req = _request_in(state, people["requester"], team, expert)
    for name in ("requester", "coordinator", "superuser"):
        client.force_login(people[name])
        for url in (f"/zoeken/?q={SECRET}", f"/api/v1/search?q={SECRET}", f"/api/v1/autocomplete?q={SECRET[:8]}",
                    "/feeds/casussen/", "/leren/nieuw/feed/", "/sitemap.xml", f"/cms/search/?q={SECRET}",
                    "/signalering/"):
            response = client.get(url)
            body = response.content.decode(errors="replace")
            # The query is echoed on the search page; the request's other words and id must not be anywhere.
            for leaked in (str(req.public_id), req.reference, "Aangemeld bij", "Reactie over", req.title):
                assert leaked not in body, (name, url, leaked)


def test_the_family_read_link_shows_only_the_plain_advice_and_only_while_enabled(client, requester, team,
                                                                                 coordinator):
    req = make_request(requester, team, state=State.ADVISED, tried=f"Gevraagd: {SECRET}.")
    url = f"/advies/{req.family_token}/"
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    client.post(f"/consultatie/{req.public_id}/leeslink/", {"enable": "1"})
    client.logout()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and "Eén persoon gaat alles regelen" in html
    assert SECRET not in html and req.situation not in html and response["X-Robots-Tag"] == "noindex"
    assert client.get("/advies/geraden-token/").status_code == 404


def test_coordinators_read_the_audit_log_of_their_requests_others_do_not(client, requester, team, coordinator,
                                                                         expert):
    req = _request_in(State.IN_PROGRESS, requester, team, expert)
    client.force_login(expert)
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert "Wie heeft deze vraag bekeken" not in html
    client.force_login(coordinator)
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert "Wie heeft deze vraag bekeken" in html and "expert" in html.split("Wie heeft deze vraag bekeken")[1]
