"""Triage by the coordinator (accept, refer, ask for more) and inviting experts suggested from expertise profiles
and from the experts of the most similar published cases (database fallback here; Elasticsearch in the
`elasticsearch`-marked run of tests/search when configured)."""

import pytest

from consultation.models import ConsultationRequest, State
from consultation.suggestions import suggest_experts
from tests.factories import make_case, make_user

from .conftest import make_profile, make_request

pytestmark = pytest.mark.django_db


def test_accept_records_the_state_and_the_coordinator(client, requester, team, coordinator):
    req = make_request(requester, team, state=State.SUBMITTED)
    client.force_login(coordinator)
    client.post(f"/consultatie/{req.public_id}/accepteren/")
    req.refresh_from_db()
    change = req.state_changes.last()
    assert req.state == State.IN_PROGRESS and change.by == coordinator and change.from_state == State.SUBMITTED


def test_refer_closes_here_and_opens_the_same_question_at_the_other_team(client, requester, team, coordinator,
                                                                          other_team, other_coordinator, mailoutbox):
    req = make_request(requester, team, state=State.SUBMITTED)
    client.force_login(coordinator)
    client.post(f"/consultatie/{req.public_id}/doorverwijzen/", {"team": other_team.team_key, "note": "past beter"})
    req.refresh_from_db()
    copy = ConsultationRequest.objects.get(referred_from=req)
    assert req.state == State.REFERRED and req.closed_at is not None
    assert copy.team == other_team and copy.state == State.SUBMITTED and copy.question == req.question
    assert set(copy.problem_areas.all()) == set(req.problem_areas.all())
    assert [m.to for m in mailoutbox][-1] == [other_coordinator.email]
    client.force_login(other_coordinator)
    assert client.get(f"/consultatie/{copy.public_id}/").status_code == 200
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 404


def test_asking_for_more_information_sends_it_back_to_the_requester_who_resubmits(client, requester, team,
                                                                                   coordinator, mailoutbox):
    req = make_request(requester, team, state=State.SUBMITTED)
    client.force_login(coordinator)
    client.post(f"/consultatie/{req.public_id}/aanvulling/", {"question": "Hoe is de school betrokken?"})
    req.refresh_from_db()
    assert req.state == State.CONCEPT and req.messages.get().body == "Hoe is de school betrokken?"
    assert mailoutbox[-1].to == [requester.email]
    # The coordinator still sees it (it was submitted once) but cannot triage a concept.
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 200
    assert client.post(f"/consultatie/{req.public_id}/accepteren/").status_code == 403
    client.force_login(requester)
    client.post(f"/consultatie/{req.public_id}/versturen/", {})
    req.refresh_from_db()
    assert req.state == State.SUBMITTED


def test_a_refer_without_a_team_says_so_and_changes_nothing(client, requester, team, coordinator):
    req = make_request(requester, team, state=State.SUBMITTED)
    client.force_login(coordinator)
    response = client.post(f"/consultatie/{req.public_id}/doorverwijzen/", {"team": ""}, follow=True)
    req.refresh_from_db()
    assert req.state == State.SUBMITTED and "Doorverwijzen naar" in response.content.decode()


def test_suggestions_come_from_profiles_and_from_experts_of_similar_cases(requester, team, coordinator):
    by_area = make_user("member", username="op-expertise")
    make_profile("Expert op expertise", areas=("autisme",), user=by_area)
    similar = make_case(problem_areas=["thuiszitten"], stuck_reasons=["afgewezen-door-aanbieders"])
    unrelated = make_case(problem_areas=["eetstoornis"], stuck_reasons=["wachtlijst"])
    via_case = make_user("member", username="via-casus")
    make_profile("Expert via casus", areas=("schulden",), user=via_case, cases=[similar])
    make_profile("Expert zonder band", areas=("eetstoornis",), user=make_user("member"), cases=[unrelated])
    make_profile("Expert zonder account", areas=("autisme",))
    req = make_request(requester, team, state=State.IN_PROGRESS)
    found = {s.profile.title: s for s in suggest_experts(req, coordinator)}
    assert set(found) == {"Expert op expertise", "Expert via casus", "Expert zonder account"}
    assert [t.slug for t in found["Expert op expertise"].shared_areas] == ["autisme"]
    assert found["Expert via casus"].via_cases == [similar]
    assert found["Expert zonder account"].user_id is None


def test_similar_cases_respect_the_coordinators_visibility(requester, team, coordinator):
    from consultation.suggestions import similar_cases

    restricted = make_case(visibility="restricted", problem_areas=["thuiszitten"])
    visible = make_case(problem_areas=["thuiszitten"])
    req = make_request(requester, team, state=State.IN_PROGRESS)
    ids = [hit["external_id"] for hit in similar_cases(req, coordinator)]
    assert visible.external_id in ids and restricted.external_id not in ids


def test_inviting_a_suggested_expert_gives_access_and_mails_a_link(client, requester, team, coordinator,
                                                                  expert, mailoutbox):
    req = make_request(requester, team, state=State.IN_PROGRESS)
    client.force_login(expert)
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 404
    client.force_login(coordinator)
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert "Expert A." in html and "Op dinsdag en donderdag" in html  # availability shown
    client.post(f"/consultatie/{req.public_id}/uitnodigen/", {"expert": expert.pk})
    assert req.invitations.get().expert == expert
    assert mailoutbox[-1].to == [expert.email] and req.situation[:20] not in mailoutbox[-1].body
    client.force_login(expert)
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 200


def test_only_accounts_linked_to_a_live_profile_can_be_invited(client, requester, team, coordinator, outsider):
    req = make_request(requester, team, state=State.IN_PROGRESS)
    client.force_login(coordinator)
    client.post(f"/consultatie/{req.public_id}/uitnodigen/", {"expert": outsider.pk})
    assert not req.invitations.exists()
