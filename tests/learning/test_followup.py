"""Lesson follow-up (issue 12): an accepted lesson's action, the scheduled 3- and 6-month reminders (fixed clock),
the owner's report in the briefing, overdue actions on the next meeting's agenda."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from casebook.models import TaxonomyTerm
from learning import followup
from learning.models import Decision, LessonAction
from tests.factories import make_user

from .conftest import decide, make_lesson, make_meeting

pytestmark = pytest.mark.django_db

CREATED = timezone.make_aware(datetime(2026, 1, 15, 9, 0))


@pytest.fixture
def theme():
    return TaxonomyTerm.objects.of("stuck_reasons").first()


@pytest.fixture
def accepted(member, moderator, case, theme):
    lesson = make_lesson(member, cases=[case], themes=[theme], submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, "Herkenbaar.", moderator=moderator)
    assert lesson.is_published
    return lesson


@pytest.fixture
def owner(db):
    user = make_user("member", username="eigenaar")
    user.first_name, user.last_name, user.email = "Fictieve", "Eigenaar", "eigenaar@example.org"
    user.save()
    return user


def _action(lesson, owner, moderator, due=date(2026, 5, 1)):
    return followup.add_action(lesson, what="Eén regisseur per gezin afspreken in het regionale convenant.",
                               for_whom="Gemeenten in de regio", owner=owner, due_date=due, created_by=moderator,
                               now=CREATED)


def _remind(moment):
    out = StringIO()
    call_command("send_action_reminders", "--now", moment, stdout=out)
    return out.getvalue()


def test_a_moderator_records_an_action_on_an_accepted_lesson(client, moderator, owner, accepted):
    client.force_login(moderator)
    url = reverse("learning:action_create", args=[accepted.pk])
    assert url in client.get(accepted.get_url()).content.decode()
    response = client.post(url, {"what": "Wachtlijstafspraken vastleggen.", "for_whom": "Zorgaanbieders",
                                  "owner": owner.pk, "due_date": "2026-06-30"})
    assert response.status_code == 302
    action = accepted.actions.get()
    assert (action.owner, action.due_date, action.progress) == (owner, date(2026, 6, 30), "not_started")
    # A missing due date is named, nothing is saved.
    response = client.post(url, {"what": "Nog een actie.", "for_whom": "Expertteam", "owner": owner.pk})
    assert response.status_code == 200 and "due_date" in response.context["form"].errors
    assert accepted.actions.count() == 1


def test_no_action_on_a_lesson_that_was_not_accepted(client, member, moderator):
    lesson = make_lesson(member, submit=True)
    client.force_login(moderator)
    assert client.get(reverse("learning:action_create", args=[lesson.pk])).status_code == 404
    with pytest.raises(ValueError):
        followup.add_action(lesson, what="x", for_whom="y", owner=member, due_date=date(2026, 1, 1),
                            created_by=moderator)


def test_members_cannot_record_actions(client, member, accepted):
    client.force_login(member)
    assert client.get(reverse("learning:action_create", args=[accepted.pk])).status_code == 403


def test_reminders_go_out_at_three_and_six_months_once_each(moderator, owner, accepted):
    action = _action(accepted, owner, moderator)
    assert "0 follow-up" in _remind("2026-04-14T23:00")  # a day short of three months
    assert mail.outbox == []
    assert "1 follow-up" in _remind("2026-04-15T09:00")
    [message] = mail.outbox
    assert message.to == ["eigenaar@example.org"]
    assert action.what in message.body
    assert "http" in message.body and action.get_report_url() in message.body
    assert "0 follow-up" in _remind("2026-04-16T09:00")  # sent once
    assert "1 follow-up" in _remind("2026-07-15T09:00")
    assert len(mail.outbox) == 2 and "6" in mail.outbox[1].subject
    assert "0 follow-up" in _remind("2026-12-01T09:00")


def test_a_late_first_run_sends_only_the_latest_reminder(moderator, owner, accepted):
    _action(accepted, owner, moderator)
    assert "1 follow-up" in _remind("2026-08-01T09:00")
    assert len(mail.outbox) == 1 and "6" in mail.outbox[0].subject
    assert "0 follow-up" in _remind("2026-08-02T09:00")


def test_no_reminder_once_the_action_is_done(moderator, owner, accepted):
    action = _action(accepted, owner, moderator)
    followup.report(action, progress=LessonAction.Progress.DONE, obstacles="")
    assert "0 follow-up" in _remind("2026-04-15T09:00")
    assert mail.outbox == []


def test_the_command_names_a_bad_clock():
    with pytest.raises(CommandError, match="--now"):
        _remind("morgen")


def test_the_owner_reports_and_the_briefing_shows_what_happened(client, moderator, owner, accepted, theme):
    action = _action(accepted, owner, moderator)
    url = action.get_report_url()
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(owner)
    assert client.get(url).status_code == 200
    response = client.post(url, {"progress": "in_progress",
                                 "obstacles": "Twee gemeenten wachten op het nieuwe inkoopkader."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.progress == "in_progress" and action.reported_at is not None

    briefing = reverse("learning:briefing", args=[theme.vocabulary, theme.slug])
    page = client.get(briefing).content.decode()
    assert "Wat er met deze les gebeurde" in page and action.what in page and "Bezig" in page
    assert "Twee gemeenten wachten" in page  # members read what stands in the way
    client.logout()
    public = client.get(briefing).content.decode()
    assert action.what in public and "Gemeenten in de regio" in public and "Bezig" in public
    assert "Twee gemeenten wachten" not in public
    assert "Fictieve Eigenaar" not in public and "eigenaar@example.org" not in public  # the owner is never named


def test_only_the_owner_or_a_moderator_reports(client, member, moderator, owner, accepted):
    action = _action(accepted, owner, moderator)
    client.force_login(member)
    assert client.get(action.get_report_url()).status_code == 404
    client.force_login(moderator)
    assert client.get(action.get_report_url()).status_code == 200


def test_an_overdue_action_is_on_the_next_meetings_agenda_and_the_moderators_list(client, moderator, owner,
                                                                                   accepted):
    late = _action(accepted, owner, moderator, due=date(2026, 5, 1))
    done = _action(accepted, owner, moderator, due=date(2026, 4, 1))
    done.what = "Afgeronde actie"
    done.save()
    followup.report(done, progress="done", obstacles="")
    later = _action(accepted, owner, moderator, due=timezone.localdate() + timedelta(days=400))
    later.what = "Actie die nog niet over tijd is"
    later.save()
    meeting = make_meeting(moderator, title="Volgende bijeenkomst", date="2026-06-10")
    client.force_login(moderator)
    agenda = client.get(meeting.get_absolute_url()).content.decode()
    assert "Acties over tijd" in agenda and late.what in agenda
    assert "Afgeronde actie" not in agenda and "Actie die nog niet over tijd is" not in agenda
    listing = client.get(reverse("learning:action_list"))
    assert list(listing.context["overdue"]) == [late]


def test_follow_up_counts_lessons_with_an_action_carried_out(moderator, owner, accepted):
    from learning.models import Lesson

    counts = followup.follow_up_counts(Lesson.objects.filter(pk=accepted.pk))
    assert (counts.lessons, counts.with_actions, counts.carried_out) == (1, 0, 0)
    action = _action(accepted, owner, moderator)
    assert followup.follow_up_counts(Lesson.objects.filter(pk=accepted.pk)).with_actions == 1
    followup.report(action, progress="done", obstacles="")
    assert followup.follow_up_counts(Lesson.objects.filter(pk=accepted.pk)).carried_out == 1


def test_actions_of_a_lesson_whose_case_was_withdrawn_rest_until_it_is_back(client, moderator, owner, accepted, case):
    """Trial finding F16: the follow-up follows the lesson, which follows its case."""
    action = _action(accepted, owner, moderator, due=date(2026, 5, 1))
    meeting = make_meeting(moderator, title="Volgende bijeenkomst", date="2026-06-10")
    case.unpublish()
    assert "0 follow-up" in _remind("2026-04-15T09:00") and mail.outbox == []
    client.force_login(moderator)
    assert action.what not in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get(reverse("learning:action_create", args=[accepted.pk])).status_code == 404
    client.force_login(owner)
    assert client.get(action.get_report_url()).status_code == 404
    case.save_revision().publish()
    assert "1 follow-up" in _remind("2026-04-15T09:00")
    assert client.get(action.get_report_url()).status_code == 200
