"""Discussion, advice, follow-up at 6 and 12 weeks (fixed clock), overdue list, response times per team."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from casebook.models import TaxonomyTerm
from consultation import metrics, services
from consultation.models import FollowUp, State, StateChange

from .conftest import make_request

pytestmark = pytest.mark.django_db


def test_a_threaded_discussion_between_participants(client, requester, team, coordinator, expert, mailoutbox):
    req = make_request(requester, team, state=State.IN_PROGRESS)
    services.invite(req, coordinator, expert)
    client.force_login(expert)
    client.post(f"/consultatie/{req.public_id}/bericht/", {"body": "Is er een onderwijsconsulent betrokken?"})
    question = req.messages.get()
    client.force_login(requester)
    client.post(f"/consultatie/{req.public_id}/bericht/", {"body": "Nog niet.", "parent": question.pk})
    reply = req.messages.get(parent=question)
    assert reply.author == requester
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert html.index("Is er een onderwijsconsulent") < html.index("Nog niet.")
    assert f'id="bericht-{reply.pk}"' in html
    # Everyone else in the conversation is told, without the text.
    assert {tuple(m.to) for m in mailoutbox[-1:]} == {tuple(sorted([expert.email, coordinator.email]))} or \
        sorted(mailoutbox[-1].to) == sorted([expert.email, coordinator.email])
    assert "Nog niet" not in mailoutbox[-1].body


def test_the_coordinator_writes_structured_advice_which_plans_follow_ups(client, requester, team, coordinator,
                                                                        mailoutbox):
    req = make_request(requester, team, state=State.IN_PROGRESS)
    client.force_login(coordinator)
    client.post(f"/consultatie/{req.public_id}/advies/", {
        "analysis": "Versnipperde regie.", "advice": "Eén regisseur.",
        "actions": "Gemeente: regisseur, binnen 2 weken\nSchool: plan, binnen 6 weken",
        "plain_summary": "Eén persoon regelt alles."})
    req.refresh_from_db()
    assert req.state == State.ADVISED and req.advice.action_lines() == [
        "Gemeente: regisseur, binnen 2 weken", "School: plan, binnen 6 weken"]
    today = timezone.localdate()
    assert [(f.weeks, f.due_on) for f in req.follow_ups.all()] == [
        (6, today + datetime.timedelta(weeks=6)), (12, today + datetime.timedelta(weeks=12))]
    assert mailoutbox[-1].to == [requester.email]


def test_the_follow_up_command_asks_once_when_due_with_a_fixed_clock(requester, team, coordinator, mailoutbox):
    req = make_request(requester, team, state=State.ADVISED)
    six, twelve = req.follow_ups.order_by("weeks")
    mailoutbox.clear()
    call_command("consultation_followups", today=str(six.due_on - datetime.timedelta(days=1)))
    assert mailoutbox == []
    call_command("consultation_followups", today=str(six.due_on))
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [requester.email] and "6 weken" in mailoutbox[0].subject
    call_command("consultation_followups", today=str(six.due_on + datetime.timedelta(days=3)))
    assert len(mailoutbox) == 1  # not asked twice
    call_command("consultation_followups", today=str(twelve.due_on))
    assert len(mailoutbox) == 2


def test_the_requester_records_the_follow_up_with_stuck_reasons_and_the_last_one_closes(client, requester, team,
                                                                                       coordinator):
    req = make_request(requester, team, state=State.ADVISED)
    waiting = TaxonomyTerm.objects.get(vocabulary="stuck_reasons", slug="wachtlijst")
    client.force_login(requester)
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert "Hoe ging het? (na 6 weken)" in html
    client.post(f"/consultatie/{req.public_id}/opvolging/",
                {"carried_out": "deels", "what_happened": "Regisseur is er.", "stuck_reasons": [waiting.pk]})
    six = req.follow_ups.get(weeks=6)
    assert six.carried_out == "deels" and list(six.stuck_reasons.all()) == [waiting]
    req.refresh_from_db()
    assert req.state == State.ADVISED
    response = client.post(f"/consultatie/{req.public_id}/opvolging/", {"what_happened": "?"}, follow=True)
    assert "is het advies uitgevoerd?" in response.content.decode().lower()  # names the missing answer
    client.post(f"/consultatie/{req.public_id}/opvolging/", {"carried_out": "ja", "what_happened": "School loopt."})
    req.refresh_from_db()
    assert req.state == State.FOLLOWED_UP and req.closed_at is not None
    client.force_login(coordinator)
    assert client.post(f"/consultatie/{req.public_id}/opvolging/", {"carried_out": "ja"}).status_code == 403


def test_overdue_follow_ups_are_listed_for_the_coordinator_only(client, requester, team, coordinator, outsider):
    req = make_request(requester, team, state=State.ADVISED)
    FollowUp.objects.filter(request=req, weeks=6).update(due_on=timezone.localdate() - datetime.timedelta(days=2))
    client.force_login(coordinator)
    html = client.get("/consultatie/").content.decode()
    assert "Opvolging te laat" in html and "opvolging na 6 weken" in html
    client.force_login(requester)
    assert "Opvolging te laat" not in client.get("/consultatie/").content.decode()


BASE = timezone.now().replace(microsecond=0) - datetime.timedelta(days=30)


def _shift(req, to_state, days):
    StateChange.objects.filter(request=req, to_state=to_state).update(at=BASE + datetime.timedelta(days=days))


def test_median_response_times_per_team_come_from_the_state_history(client, requester, team, coordinator,
                                                                    other_team):
    timings = [(1, 5), (2, 9), (4, 20)]  # days after submission: accepted, advised
    for accepted, advised in timings:
        req = make_request(requester, team, state=State.ADVISED)
        _shift(req, State.SUBMITTED, 0)
        _shift(req, State.IN_PROGRESS, accepted)
        _shift(req, State.ADVISED, advised)
    make_request(requester, team, state=State.WITHDRAWN)  # a withdrawal is not a response
    times = metrics.team_response_times()[team.team_key]
    assert times["first_response"] == datetime.timedelta(days=2) and times["n_response"] == 3
    assert times["advice"] == datetime.timedelta(days=9) and times["n_advice"] == 3
    assert other_team.team_key not in metrics.team_response_times()
    municipality = team.municipalities.first()
    html = client.get("/expertteams/", {"gemeente": municipality.name}).content.decode()
    assert "2.0 dagen (3 vragen)" in html or "2,0 dagen (3 vragen)" in html
    assert "9.0 dagen (3 adviezen)" in html or "9,0 dagen (3 adviezen)" in html
    other = other_team.municipalities.first()
    assert "nog geen vragen" in client.get("/expertteams/", {"gemeente": other.name}).content.decode()


def test_a_message_naming_someone_is_held_with_its_text_until_the_writer_confirms(client, requester, team,
                                                                                coordinator, expert):
    req = make_request(requester, team, state=State.IN_PROGRESS)
    services.invite(req, coordinator, expert)
    client.force_login(expert)
    text = "Bel de moeder, mevrouw Bakkal, op 06-41827365 over school."
    response = client.post(f"/consultatie/{req.public_id}/bericht/", {"body": text})
    html = response.content.decode()
    # Not posted; the findings are shown and the typed text is still there to rewrite.
    assert response.status_code == 200 and not req.messages.exists()
    assert "Mogelijk herkenbare gegevens" in html and "<mark>06-41827365</mark>" in html
    assert "Bel de moeder, mevrouw Bakkal, op 06-41827365 over school.</textarea>" in html
    # Rewritten, it goes through at once; a reread text can also be sent as it is.
    client.post(f"/consultatie/{req.public_id}/bericht/", {"body": "Bel de moeder over school."})
    client.post(f"/consultatie/{req.public_id}/bericht/", {"body": text, "checked_anyway": "on"})
    assert list(req.messages.order_by("pk").values_list("body", flat=True)) == ["Bel de moeder over school.", text]


def test_advice_naming_a_place_and_school_is_held_until_rewritten(client, requester, team, coordinator):
    req = make_request(requester, team, state=State.IN_PROGRESS)
    client.force_login(coordinator)
    advice = {"analysis": "Versnipperde regie.", "advice": "Zoek een plek op het Vonderlinck College in Deventer.",
              "actions": "Gemeente: regisseur, binnen 2 weken", "plain_summary": "Eén persoon regelt alles."}
    response = client.post(f"/consultatie/{req.public_id}/advies/", advice)
    req.refresh_from_db()
    assert req.state == State.IN_PROGRESS and not hasattr(req, "advice")
    assert "<mark>Deventer</mark>" in response.content.decode()
    client.post(f"/consultatie/{req.public_id}/advies/", dict(advice, advice="Zoek een plek op een vso-school."))
    req.refresh_from_db()
    assert req.state == State.ADVISED and req.advice.advice == "Zoek een plek op een vso-school."
