"""'Niet identificerend' for lessons and reflections, as for cases (issue 10): with a reason, kept with who and
when, bound to the text around the finding, and only by editors and admins."""

import pytest
from django.urls import reverse

from learning import publication_check, services
from learning.models import ContributionFindingDecision, Decision, Status
from tests.factories import make_user

from .conftest import decide, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db

CRISIS = "Bel bij nood de crisisdienst op 06-12345678."  # fictional number


def _blocked(author, moderator, case):
    reflection = make_reflection(author, body=CRISIS, submit=True, case=case)
    meeting = make_meeting(moderator)
    result = decide(meeting, reflection, Decision.ACCEPT, "Mooi verhaal.", moderator=moderator)
    assert len(result.blocked) == 1
    return meeting, reflection, result.blocked[0]


def _post_decision(client, meeting, item, reason):
    [finding] = item.findings
    return client.post(reverse("learning:finding_decide", args=[meeting.pk, 1]), {
        "field": finding["field"], "kind": finding["kind"], "start": finding["start"], "end": finding["end"],
        "text": finding["text"], "reason": reason,
    })


def test_editor_marks_a_finding_not_identifying_and_the_next_closing_publishes(
        client, ervaringsdeskundige, moderator, case, django_capture_on_commit_callbacks):
    meeting, reflection, item = _blocked(ervaringsdeskundige, moderator, case)
    editor = make_user("editor")
    client.force_login(editor)
    page = client.get(reverse("learning:agenda_item", args=[meeting.pk, 1])).content.decode()
    assert "Niet identificerend" in page and "06-12345678" in page

    response = _post_decision(client, meeting, item, "landelijk crisisnummer (fictief), geen persoon")
    assert response.status_code == 302
    decision = ContributionFindingDecision.objects.get()
    assert (decision.reflection, decision.decided_by, decision.kind, decision.text) == (
        reflection, editor, "phone", "06-12345678")
    assert decision.reason.startswith("landelijk") and decision.decided_at
    item.refresh_from_db()
    assert item.findings == [] and not item.is_blocked

    with django_capture_on_commit_callbacks(execute=True):
        result = services.close_meeting(meeting, moderator)
    reflection.refresh_from_db()
    assert result.closed and reflection.live and reflection.status == Status.ACCEPTED


def test_a_decision_lapses_when_the_text_around_the_finding_changes(ervaringsdeskundige, moderator):
    editor = make_user("editor")
    lesson = make_lesson(ervaringsdeskundige, statement=CRISIS)
    [finding] = publication_check.findings_for(lesson)
    from anonymity.findings import Finding

    publication_check.decide_not_identifying(
        lesson, finding["field"], Finding(finding["kind"], finding["start"], finding["end"], finding["text"]),
        "landelijk nummer", editor)
    assert publication_check.findings_for(lesson) == []
    lesson.statement = "Bel de moeder op 06-12345678."  # same number, now someone's
    assert [f["text"] for f in publication_check.findings_for(lesson)] == ["06-12345678"]


def test_moderators_may_not_clear_findings_and_a_reason_is_required(client, ervaringsdeskundige, moderator, case):
    meeting, reflection, item = _blocked(ervaringsdeskundige, moderator, case)
    client.force_login(moderator)
    assert _post_decision(client, meeting, item, "geen persoon").status_code == 403
    page = client.get(reverse("learning:agenda_item", args=[meeting.pk, 1])).content.decode()
    assert 'name="reason"' not in page  # the moderator sees the findings, not the form
    client.force_login(make_user("editor"))
    _post_decision(client, meeting, item, "   ")
    assert not ContributionFindingDecision.objects.exists()
    item.refresh_from_db()
    assert item.is_blocked
