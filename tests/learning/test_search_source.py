"""Published lessons reach search through Wagtail's `published` signal and search's Source contract."""

import pytest

from casebook.models import TaxonomyTerm
from learning.models import Decision
from learning.search_source import lesson_document, lesson_queryset
from search.documents import source_for
from search.models import IndexOutbox

from .conftest import decide, make_lesson, make_meeting

pytestmark = pytest.mark.django_db


def test_only_accepted_lessons_are_indexable_and_publishing_queues_them(member, moderator, case):
    autism = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme")
    lesson = make_lesson(member, cases=[case], themes=[autism], submit=True)
    assert source_for("learning.Lesson") is not None
    assert list(lesson_queryset()) == []
    assert not IndexOutbox.objects.filter(model_label="learning.Lesson").exists()
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, moderator=moderator)
    assert list(lesson_queryset()) == [lesson]
    row = IndexOutbox.objects.get(model_label="learning.Lesson")
    assert row.object_id == lesson.pk and row.action == IndexOutbox.Action.INDEX
    doc = lesson_document(lesson)
    assert doc["type"] == "lesson" and doc["url"] == f"/leren/lessen/{lesson.pk}/"
    assert doc["problem_areas"] == ["autisme"] and doc["visibility"] == "public"
