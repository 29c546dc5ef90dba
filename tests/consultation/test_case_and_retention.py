"""A closed consultation becomes a draft case held by the anonymity gate; retention purges what it should and
nothing else; withdrawal removes the details; casebook never imports consultation."""

import datetime
import pathlib
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import Channel, ReadEvent
from casebook.anonymity_gate import NotPublishable
from casebook.models import AnonymityStatus, CasePage
from consultation.audit_log import record_view
from consultation.models import ConsultationRequest, Message, State, StateChange

from .conftest import make_request

pytestmark = pytest.mark.django_db


def test_one_action_turns_a_closed_consultation_into_a_draft_case(client, requester, team, coordinator):
    req = make_request(requester, team, state=State.FOLLOWED_UP)
    client.force_login(coordinator)
    response = client.post(f"/consultatie/{req.public_id}/casus/")
    page = CasePage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/consultatie/{req.public_id}/"
    assert not page.live and page.situation == req.situation and req.question in page.stuck_points
    assert "Beleg één regisseur" in page.approach and page.summary == req.advice.plain_summary
    assert set(page.problem_areas.all()) == set(req.problem_areas.all()) and page.age_band == req.age_band
    assert page.region == team.area.region_term and page.outcome_status.slug == "gedeeltelijk"
    assert {t.slug for t in page.stuck_reasons.all()} == {"afgewezen-door-aanbieders", "wachtlijst"}
    req.refresh_from_db()
    assert req.case == page
    assert client.post(f"/consultatie/{req.public_id}/casus/").status_code == 403  # once


def test_the_draft_case_cannot_be_published_until_the_anonymity_check_passes(requester, team, coordinator):
    from consultation.to_case import make_draft_case

    req = make_request(requester, team, state=State.FOLLOWED_UP)
    ConsultationRequest.objects.filter(pk=req.pk).update(situation="De jongere woont bij Anna de Groot in huis.")
    req.refresh_from_db()
    page = make_draft_case(req, coordinator)
    assert page.anonymity_status == AnonymityStatus.PENDING
    with pytest.raises(NotPublishable):
        page.get_latest_revision().publish()
    page.refresh_from_db()
    assert not page.live
    page.situation = "De jongere woont bij een familielid in huis."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live


def test_only_coordinators_of_a_followed_up_request_can_make_a_case(client, requester, team, coordinator):
    req = make_request(requester, team, state=State.ADVISED)
    client.force_login(coordinator)
    assert client.post(f"/consultatie/{req.public_id}/casus/").status_code == 403
    client.force_login(requester)
    assert client.post(f"/consultatie/{req.public_id}/casus/").status_code == 403
    assert not CasePage.objects.exists()


def _close(req, days_ago):
    ConsultationRequest.objects.filter(pk=req.pk).update(closed_at=timezone.now() - datetime.timedelta(days=days_ago))


def test_purge_removes_closed_requests_past_retention_and_nothing_else(requester, team, coordinator, settings):
    old_done = make_request(requester, team, state=State.FOLLOWED_UP)
    old_withdrawn = make_request(requester, team, state=State.WITHDRAWN)
    recent_done = make_request(requester, team, state=State.FOLLOWED_UP)
    old_open = make_request(requester, team, state=State.ADVISED)
    with_case = make_request(requester, team, state=State.FOLLOWED_UP)
    from consultation.to_case import make_draft_case

    case = make_draft_case(with_case, coordinator)
    for req in (old_done, old_withdrawn, old_open, with_case):
        _close(req, 800)
    ConsultationRequest.objects.filter(pk=old_open.pk).update(created_at=timezone.now() - datetime.timedelta(days=900))
    _close(recent_done, 100)
    for req in (old_done, recent_done):
        record_view(coordinator, req)
    call_command("purge_consultations")
    left = set(ConsultationRequest.objects.values_list("pk", flat=True))
    assert left == {recent_done.pk, old_open.pk}
    assert not StateChange.objects.filter(request_id__in=[old_done.pk, old_withdrawn.pk, with_case.pk]).exists()
    assert not Message.objects.filter(request_id=old_done.pk).exists()
    events = ReadEvent.objects.filter(channel=Channel.CONSULTATION)
    assert [e.external_id for e in events] == [f"consultatie-{recent_done.public_id}"]
    # What became a case stays, with the advice summary.
    case.refresh_from_db()
    assert case.summary == "Eén persoon gaat alles regelen. De school maakt een plan."
    # The period is configurable.
    settings.CONSULTATION_RETENTION_DAYS = 30
    call_command("purge_consultations")
    assert set(ConsultationRequest.objects.values_list("pk", flat=True)) == {old_open.pk}


def test_purge_dry_run_and_bad_arguments(requester, team, coordinator, capsys):
    req = make_request(requester, team, state=State.FOLLOWED_UP)
    _close(req, 800)
    call_command("purge_consultations", dry_run=True)
    assert ConsultationRequest.objects.filter(pk=req.pk).exists() and req.reference in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--days"):
        call_command("purge_consultations", days=0)
    with pytest.raises(CommandError, match="--today"):
        call_command("purge_consultations", today="gisteren")


def test_withdrawal_removes_the_details(client, requester, team, coordinator, expert):
    req = make_request(requester, team, state=State.ADVISED)
    from consultation import services

    services.invite(req, coordinator, expert)
    req.messages.create(author=coordinator, body="Graag meer over school.")
    client.force_login(requester)
    client.post(f"/consultatie/{req.public_id}/intrekken/")
    req.refresh_from_db()
    assert req.state == State.WITHDRAWN and req.closed_at is not None
    assert (req.question, req.situation, req.tried, req.needed) == ("", "", "", "") and req.title == "—"
    assert not req.messages.exists() and not hasattr(req, "advice") or not ConsultationRequest.objects.filter(
        pk=req.pk, advice__isnull=False).exists()
    assert not req.follow_ups.exists() and not req.invitations.exists() and not req.problem_areas.exists()
    client.force_login(expert)
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 404


def test_casebook_never_imports_consultation():
    root = pathlib.Path(__file__).resolve().parents[2] / "casebook"
    pattern = re.compile(r"^\s*(from|import)\s+consultation\b", re.M)
    offenders = [str(p) for p in root.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
