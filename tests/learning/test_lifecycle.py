"""The state machine in learning.services: submit, agenda, decisions, closing, publication, notifications."""

import pytest
from django.core import mail
from wagtail.signals import published

from casebook.interchange.importing import import_lines
from casebook.models import TaxonomyTerm
from learning import services
from learning.models import Decision, Lesson, Status
from tests.factories import case_record

from .conftest import decide, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db


def test_submit_saves_a_revision_of_what_the_meeting_will_read(member):
    lesson = make_lesson(member)
    assert lesson.status == Status.DRAFT and lesson.revisions.count() == 0
    services.submit(lesson, member)
    assert lesson.status == Status.SUBMITTED and lesson.submitted_at
    assert lesson.revisions.count() == 1
    assert not lesson.live
    with pytest.raises(services.TransitionNotAllowed):
        services.submit(lesson, member)


def test_only_drafts_and_revisions_can_be_edited(member, moderator):
    lesson = make_lesson(member, submit=True)
    with pytest.raises(services.TransitionNotAllowed):
        services.save_draft(lesson)
    services.add_to_agenda(make_meeting(moderator), lesson)
    assert lesson.status == Status.ON_AGENDA


def test_agenda_order_can_be_changed(member, moderator):
    meeting = make_meeting(moderator)
    first, second, third = (make_lesson(member, statement=f"Les nummer {n} voor de agenda.", submit=True)
                            for n in range(3))
    items = [services.add_to_agenda(meeting, lesson) for lesson in (first, second, third)]
    services.move_item(items[2], -1)
    assert [item.lesson for item in meeting.items.all()] == [first, third, second]
    services.move_item(items[0], -1)  # already first: stays
    assert [item.lesson for item in meeting.items.all()] == [first, third, second]
    services.remove_from_agenda(meeting.items.get(lesson=third))
    assert [item.position for item in meeting.items.all()] == [1, 2]
    third.refresh_from_db()
    assert third.status == Status.SUBMITTED


def test_accepting_publishes_through_wagtail_and_notifies(member, moderator, django_capture_on_commit_callbacks):
    received = []
    published.connect(lambda sender, instance, **kw: received.append(instance), weak=False, dispatch_uid="t-pub")
    try:
        lesson = make_lesson(member, submit=True)
        with django_capture_on_commit_callbacks(execute=True):
            result = decide(make_meeting(moderator), lesson, Decision.ACCEPT, "Herkenbaar voor alle teams.",
                            moderator=moderator)
    finally:
        published.disconnect(dispatch_uid="t-pub")
    assert result.closed and result.published
    assert lesson.live and lesson.status == Status.ACCEPTED and lesson.is_published
    assert lesson.live_revision_id and lesson.first_published_at
    assert [type(instance) for instance in received] == [Lesson]
    assert lesson.get_url() == f"/leren/lessen/{lesson.pk}/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    assert "Aanvaard" in mail.outbox[0].body


@pytest.mark.parametrize("decision, status", [(Decision.REVISE, Status.REVISE), (Decision.DECLINE, Status.DECLINED)])
def test_revise_and_decline_return_to_the_author_with_the_reasoning(member, moderator, decision, status,
                                                                    django_capture_on_commit_callbacks):
    lesson = make_lesson(member, submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        decide(make_meeting(moderator), lesson, decision, "Te algemeen: maak concreet wat teams anders doen.",
               moderator=moderator)
    assert lesson.status == status and not lesson.live
    assert lesson.decision_reason == "Te algemeen: maak concreet wat teams anders doen."
    assert "Te algemeen" in mail.outbox[0].body
    if decision == Decision.REVISE:
        services.save_draft(lesson)  # the author may edit again
        services.submit(lesson, member)
        assert lesson.status == Status.SUBMITTED and lesson.revisions.count() == 2


def test_undiscussed_items_go_back_to_the_queue(member, moderator):
    meeting = make_meeting(moderator)
    lesson = make_lesson(member, submit=True)
    services.add_to_agenda(meeting, lesson)
    result = services.close_meeting(meeting, moderator)
    lesson.refresh_from_db()
    assert result.not_discussed and lesson.status == Status.SUBMITTED
    meeting.refresh_from_db()
    assert meeting.state == meeting.State.CLOSED
    with pytest.raises(services.TransitionNotAllowed):
        services.add_to_agenda(meeting, lesson)


def test_identifying_details_block_publication_and_keep_the_item_on_the_agenda(
        ervaringsdeskundige, moderator, case, django_capture_on_commit_callbacks):
    reflection = make_reflection(ervaringsdeskundige, case=case, body="Bel mij gerust op 06-12345678.",
                                 submit=True)
    meeting = make_meeting(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        result = decide(meeting, reflection, Decision.ACCEPT, "Mooi verhaal.", moderator=moderator)
    assert not result.closed and len(result.blocked) == 1
    item = result.blocked[0]
    item.refresh_from_db()
    assert [(f["kind"], f["text"]) for f in item.findings] == [("phone", "06-12345678")]
    assert item.is_blocked and reflection.status == Status.ON_AGENDA and not reflection.live
    meeting.refresh_from_db()
    assert meeting.is_open
    assert mail.outbox == []
    # The moderator asks for a revision instead; the meeting can then close.
    services.record_decision(item, Decision.REVISE, "Haal je telefoonnummer en naam weg.")
    with django_capture_on_commit_callbacks(execute=True):
        result = services.close_meeting(meeting, moderator)
    reflection.refresh_from_db()
    assert result.closed and reflection.status == Status.REVISE


def test_unavailable_check_never_publishes(member, moderator, monkeypatch):
    from anonymity import AnonymityCheckUnavailable

    def unavailable(fields):
        raise AnonymityCheckUnavailable("niet bereikbaar")

    monkeypatch.setattr("learning.publication_check._check_fields", unavailable)
    lesson = make_lesson(member, submit=True)
    result = decide(make_meeting(moderator), lesson, Decision.ACCEPT, moderator=moderator)
    assert result.blocked and not lesson.live


def test_imported_lessons_arrive_submitted_and_linked_and_are_not_duplicated(editor):
    record = case_record(lessons=["Breng expertise naar de jongere in plaats van andersom.",
                                  "Eén regisseur voorkomt dat hulp versnipperd raakt."])
    import json

    line = json.dumps(record)
    import_lines([line], user=editor)
    lessons = Lesson.objects.filter(cases__external_id=record["external_id"])
    assert lessons.count() == 2
    assert set(lessons.values_list("status", flat=True)) == {Status.SUBMITTED}
    assert TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme") in lessons[0].themes.all()
    import_lines([line], user=editor)  # unchanged
    record["title"] = "Een andere titel voor dezelfde casus"
    import_lines([json.dumps(record)], user=editor)  # updated
    assert Lesson.objects.filter(cases__external_id=record["external_id"]).count() == 2
