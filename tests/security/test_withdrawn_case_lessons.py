"""Trial finding F16: a lesson that names a case lives only as long as that case is published. Withdrawing the case
takes its lessons off every page, list, feed, count and search document (learning.visibility.shown_lessons);
publishing it again brings them back."""

import pytest
from django.urls import reverse

from casebook.models import TaxonomyTerm
from learning import digest, search_source
from learning.models import Decision
from search.models import IndexOutbox
from signals.lessons import lessons_for
from tests.factories import make_case
from tests.learning.conftest import decide, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db

STATEMENT = "Agressie bij een kwartelkoning is vaak een signaal van overbelasting door prikkels."


@pytest.fixture
def autism():
    return TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme")


@pytest.fixture
def lesson(member, moderator, autism):
    """A public lesson, accepted by a meeting, from one published public case about autism."""
    case = make_case(problem_areas=["autisme"])
    lesson = make_lesson(member, statement=STATEMENT, cases=[case], themes=[autism], submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, "Herkenbaar.", moderator=moderator)
    assert lesson.is_published and lesson.visibility == "public"
    return lesson


def _withdraw(lesson):
    case = lesson.cases.get()
    case.unpublish()
    return case


def _republish(case):
    case.save_revision().publish()


def test_the_lesson_page_is_a_404_once_its_case_is_withdrawn_and_returns_with_it(client, lesson):
    assert client.get(lesson.get_url()).status_code == 200
    case = _withdraw(lesson)
    assert client.get(lesson.get_url()).status_code == 404
    # Signed in makes no difference: nobody reads a withdrawn case on the site, nor its lessons.
    from tests.factories import make_user

    client.force_login(make_user("editor"))
    assert client.get(lesson.get_url()).status_code == 404
    client.logout()
    _republish(case)
    assert client.get(lesson.get_url()).status_code == 200


def test_the_theme_page_no_longer_lists_the_lesson(client, lesson, autism):
    url = reverse("learning:briefing", args=[autism.vocabulary, autism.slug])
    assert STATEMENT in client.get(url).content.decode()
    _withdraw(lesson)
    assert STATEMENT not in client.get(url).content.decode()


def test_the_learning_home_counts_no_theme_for_it(client, lesson, autism):
    theme_link = reverse("learning:briefing", args=[autism.vocabulary, autism.slug])
    page = client.get(reverse("learning:home")).content.decode()
    assert STATEMENT in page and theme_link in page
    _withdraw(lesson)
    page = client.get(reverse("learning:home")).content.decode()
    assert STATEMENT not in page and theme_link not in page


def test_the_lessons_feed_and_digest_page_drop_it(client, lesson):
    feed, digest_page = reverse("learning:feed"), reverse("learning:digest")
    assert STATEMENT in client.get(feed).content.decode()
    assert STATEMENT in client.get(digest_page).content.decode()
    _withdraw(lesson)
    assert STATEMENT not in client.get(feed).content.decode()
    assert STATEMENT not in client.get(digest_page).content.decode()


def test_the_regional_report_of_signalering_drops_it(client, lesson):
    case = lesson.cases.get()
    url = reverse("signals:report", args=[case.region.slug, lesson.decided_at.year])
    assert STATEMENT in client.get(url).content.decode()
    _withdraw(lesson)
    assert STATEMENT not in client.get(url).content.decode()
    assert not lessons_for(None, region=case.region.slug).exists()


def test_a_published_reflection_on_the_lesson_goes_with_it(client, lesson, moderator, ervaringsdeskundige):
    reflection = make_reflection(ervaringsdeskundige, lesson=lesson, submit=True,
                                 body="Bij ons thuis was het net zo: te veel prikkels op een dag.")
    decide(make_meeting(moderator, title="Tweede bijeenkomst"), reflection, Decision.ACCEPT, moderator=moderator)
    assert reflection in digest.published_reflections(None)
    _withdraw(lesson)
    assert reflection not in digest.published_reflections(None)
    assert "te veel prikkels" not in client.get(reverse("learning:digest")).content.decode()


def test_withdrawing_the_case_queues_its_lessons_for_the_search_index_and_publishing_queues_them_back(lesson):
    """Both search backends read lessons through the Source queryset; Elasticsearch is told through the outbox
    (applied and retried by the worker; tests/search/test_withdrawn_case_lessons.py runs it against a node)."""
    rows = IndexOutbox.objects.filter(model_label="learning.Lesson", object_id=lesson.pk)
    rows.delete()
    case = _withdraw(lesson)
    assert rows.filter(action=IndexOutbox.Action.DELETE).count() == 1
    assert lesson not in search_source.lesson_queryset()
    rows.delete()
    _republish(case)
    assert rows.filter(action=IndexOutbox.Action.INDEX).count() == 1
    assert lesson in search_source.lesson_queryset()


def test_a_lesson_from_two_cases_leaves_when_either_is_withdrawn(client, member, moderator):
    first, second = make_case(), make_case()
    lesson = make_lesson(member, statement=STATEMENT, cases=[first, second], submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, moderator=moderator)
    assert client.get(lesson.get_url()).status_code == 200
    second.unpublish()
    assert client.get(lesson.get_url()).status_code == 404
    # Its other case's page no longer shows it either.
    assert STATEMENT not in client.get(first.url).content.decode()


def test_deleting_a_withdrawn_case_does_not_bring_its_lesson_back(client, lesson):
    case = _withdraw(lesson)
    case.delete()
    lesson.refresh_from_db()
    assert not lesson.is_published
    assert client.get(lesson.get_url()).status_code == 404
    assert STATEMENT not in client.get(reverse("learning:feed")).content.decode()
    assert lesson not in search_source.lesson_queryset()
