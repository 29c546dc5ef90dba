"""Finding 4: after 'bijstellen', the author's unsent new text is a draft. The meeting's minutes, agenda and item
views and the admin's listing, inspect and compare views show the version the meeting reviewed."""

import pytest
from django.urls import reverse

from learning import services
from learning.models import Decision
from tests.factories import make_user
from tests.learning.conftest import decide, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db

REVIEWED = "Organiseer op tijd een plan voor de overgang naar volwassenheid."
UNSENT = "Onverstuurde nieuwe tekst van de auteur over zorgaanbieder Zonnebloem."


def _sent_back(moderator):
    author = make_user("member")
    lesson = make_lesson(author, statement=REVIEWED, explanation="Toelichting zoals ingediend.", submit=True)
    meeting = make_meeting(moderator)
    decide(meeting, lesson, Decision.REVISE, "Maak het concreter.", moderator=moderator)
    # The author starts on a new version but does not send it yet.
    lesson.statement, lesson.explanation = UNSENT, "Onverstuurde toelichting."
    services.save_draft(lesson)
    return lesson, meeting


def _assert_reviewed_only(client, urls):
    for url in urls:
        response = client.get(url)
        body = response.content.decode()
        assert "Onverstuurde" not in body and "Zonnebloem" not in body, url
        yield url, response.status_code, body


def test_minutes_and_item_views_show_what_the_meeting_reviewed(client, moderator):
    lesson, meeting = _sent_back(moderator)
    client.force_login(moderator)
    urls = [reverse("learning:meeting_minutes", args=[meeting.pk]), meeting.get_absolute_url(),
            reverse("learning:agenda_item", args=[meeting.pk, 1]), lesson.get_url()]
    shown = list(_assert_reviewed_only(client, urls))
    assert all(status == 200 and REVIEWED in body for _url, status, body in shown)
    # The author still sees (and edits) their own working text.
    client.force_login(lesson.author)
    assert UNSENT in client.get(lesson.get_url()).content.decode()


@pytest.mark.parametrize("role", ["moderator", "editor", "admin"])
def test_admin_shows_the_submitted_version_not_the_unsent_one(client, moderator, role):
    lesson, _meeting = _sent_back(moderator)
    client.force_login(make_user(role))
    base = "wagtailsnippets_learning_lesson"
    urls = [reverse(f"{base}:list"), reverse(f"{base}:inspect", args=[lesson.pk]),
            reverse(f"{base}:history", args=[lesson.pk]),
            reverse(f"{base}:revisions_compare", args=[lesson.pk, "live", "latest"]),
            reverse(f"{base}:revisions_compare", args=[lesson.pk, "earliest", "latest"]),
            reverse(f"{base}:list_results") + "?q=Zonnebloem",
            reverse("wagtailsnippetchoosers_learning_lesson:choose_results") + "?q=Zonnebloem",
            reverse("wagtailsnippetchoosers_learning_lesson:chosen", args=[lesson.pk])]
    shown = dict((url, (status, body)) for url, status, body in _assert_reviewed_only(client, urls))
    status, body = shown[reverse(f"{base}:inspect", args=[lesson.pk])]
    assert status == 200 and REVIEWED in body


def test_a_resubmitted_version_does_not_rewrite_the_old_minutes(client, moderator):
    lesson, first = _sent_back(moderator)
    services.submit(lesson, lesson.author)
    second = make_meeting(moderator, title="Tweede bijeenkomst")
    decide(second, lesson, Decision.ACCEPT, "Nu duidelijk.", moderator=moderator)
    client.force_login(moderator)
    old = client.get(reverse("learning:meeting_minutes", args=[first.pk])).content.decode()
    new = client.get(reverse("learning:meeting_minutes", args=[second.pk])).content.decode()
    assert REVIEWED in old and UNSENT not in old
    # (the minutes print the new text with what the anonymity check found in it masked by kind)
    assert "nieuwe tekst van de auteur over zorgaanbieder" in new


def test_reflections_too(client, moderator, case):
    author = make_user("ervaringsdeskundige")
    reflection = make_reflection(author, case=case, body="Wat ik de bijeenkomst vertelde.", submit=True)
    meeting = make_meeting(moderator)
    decide(meeting, reflection, Decision.REVISE, "Iets korter graag.", moderator=moderator)
    reflection.body = "Onverstuurde nieuwe versie van mijn verhaal."
    services.save_draft(reflection)
    client.force_login(moderator)
    urls = [reverse("learning:meeting_minutes", args=[meeting.pk]),
            reverse("learning:agenda_item", args=[meeting.pk, 1]),
            reverse("wagtailsnippets_learning_reflection:inspect", args=[reflection.pk])]
    assert all(status == 200 and "Wat ik de bijeenkomst" in body
               for _url, status, body in _assert_reviewed_only(client, urls))
