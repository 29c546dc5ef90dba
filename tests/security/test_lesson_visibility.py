"""Finding 5: a lesson is never more visible than the cases it comes from, unless the meeting decides so
explicitly, with a reason in the minutes and the anonymity check passed."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from casebook.interchange.importing import import_lines
from learning import search_source, services
from learning.models import AgendaItem, Decision, Lesson
from search.models import IndexOutbox
from tests.factories import case_record, make_case, make_user
from tests.learning.conftest import make_meeting

pytestmark = pytest.mark.django_db

STATEMENT = "Breng de zorg naar de jongere in plaats van andersom, ook als het gesloten moet."


def _imported_lesson(visibility):
    import json

    record = case_record(lessons=[STATEMENT])
    import_lines([json.dumps(record)], visibility=visibility, publish=True)
    return Lesson.objects.get(statement=STATEMENT)


def _accept(lesson, moderator, **choice):
    meeting = make_meeting(moderator)
    item = services.add_to_agenda(meeting, lesson)
    services.record_decision(item, Decision.ACCEPT, "Herkenbaar.", **choice)
    result = services.close_meeting(meeting, moderator)
    lesson.refresh_from_db()
    return meeting, result


@pytest.mark.parametrize("visibility", ["restricted", "network"])
def test_lesson_from_a_non_public_case_keeps_that_visibility(client, moderator, visibility):
    lesson = _imported_lesson(visibility)
    _meeting, result = _accept(lesson, moderator)
    assert result.published and lesson.is_published and lesson.visibility == visibility

    # Not public: not its page, not the learning home, not the feed, not the search index as public.
    assert client.get(lesson.get_url()).status_code == 404
    assert STATEMENT not in client.get(reverse("learning:home")).content.decode()
    assert STATEMENT not in client.get(reverse("learning:feed")).content.decode()
    assert STATEMENT not in client.get(reverse("learning:digest")).content.decode()
    assert search_source.lesson_document(lesson)["visibility"] == visibility

    member = make_user("member")
    client.force_login(member)
    seen_by_member = client.get(lesson.get_url()).status_code == 200
    assert seen_by_member == (visibility == "network")
    client.force_login(make_user("editor"))
    assert client.get(lesson.get_url()).status_code == 200


def test_a_lesson_from_a_public_and_a_restricted_case_is_hidden_on_the_public_cases_page(client, moderator):
    public, restricted = make_case(), make_case(visibility="restricted")
    author = make_user("member")
    lesson = Lesson.objects.create(author=author, statement=STATEMENT)
    lesson.cases.set([public, restricted])
    lesson.save()
    services.submit(lesson, author)
    _accept(lesson, moderator)
    assert lesson.visibility == "restricted"
    assert STATEMENT not in client.get(public.url).content.decode()


def test_the_meeting_sees_the_default_and_widening_needs_a_recorded_reason(client, moderator):
    lesson = _imported_lesson("restricted")
    meeting = make_meeting(moderator)
    services.add_to_agenda(meeting, lesson)
    client.force_login(moderator)
    item_url = reverse("learning:agenda_item", args=[meeting.pk, 1])
    page = client.get(item_url).content.decode()
    assert "Beperkt" in page and "meest beperkte" in page

    # Widening without a reason: refused, nothing recorded.
    refused = client.post(item_url, {"decision": "accept", "minutes": "", "visibility": "public"})
    assert refused.status_code == 200 and "reden" in refused.content.decode()
    assert AgendaItem.objects.get(meeting=meeting).decision == ""
    with pytest.raises(services.TransitionNotAllowed):
        services.record_decision(AgendaItem.objects.get(meeting=meeting), Decision.ACCEPT, "", visibility="public")

    # With a reason: recorded, shown in the minutes, and applied after the anonymity check.
    client.post(item_url, {"decision": "accept", "minutes": "Herkenbaar.", "visibility": "public",
                           "visibility_reason": "De les noemt niets uit de casus; nuttig voor gemeenten."})
    client.post(reverse("learning:meeting_close", args=[meeting.pk]))
    lesson.refresh_from_db()
    assert lesson.is_published and lesson.visibility == "public"
    minutes = client.get(reverse("learning:meeting_minutes", args=[meeting.pk])).content.decode()
    assert "nuttig voor gemeenten" in minutes and "Openbaar" in minutes
    client.logout()
    assert client.get(lesson.get_url()).status_code == 200


def test_widening_waits_for_the_anonymity_check(moderator):
    lesson = _imported_lesson("restricted")
    lesson.explanation = "Bel de moeder op 06-12345678."
    lesson.save()
    _meeting, result = _accept(lesson, moderator, visibility="public", visibility_reason="Algemeen bruikbaar.")
    assert result.blocked and not lesson.live


def test_reflections_on_a_restricted_lesson_stay_restricted(client, moderator):
    lesson = _imported_lesson("restricted")
    _accept(lesson, moderator)
    from learning import digest

    assert list(digest.published_reflections(AnonymousUser())) == []
    assert lesson not in [entry.lesson for entry in digest.new_since(AnonymousUser())[0]]


def test_narrowing_a_case_after_its_lesson_was_published_narrows_the_lesson(client, moderator):
    lesson = _imported_lesson("public")
    _accept(lesson, moderator)
    assert lesson.visibility == "public" and client.get(lesson.get_url()).status_code == 200
    case = lesson.cases.get()
    queued = IndexOutbox.objects.filter(object_id=lesson.pk, model_label="learning.Lesson").count()
    case.visibility = "network"
    case.save_revision().publish()

    lesson.refresh_from_db()
    assert lesson.visibility == "network"
    # The search index is told (through the outbox: the lesson's own publication, and its case's), so public search
    # stops finding it.
    assert IndexOutbox.objects.filter(object_id=lesson.pk, model_label="learning.Lesson").count() > queued
    assert client.get(lesson.get_url()).status_code == 404
    assert STATEMENT not in client.get(reverse("learning:feed")).content.decode()
    assert search_source.lesson_document(lesson)["visibility"] == "network"
    # Widening the case again does not widen the lesson: that is a meeting's decision.
    case.visibility = "public"
    case.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.visibility == "network"
