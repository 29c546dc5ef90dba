"""Trial finding F16 on Elasticsearch: a withdrawn case's lessons leave the index through the outbox (retried while
Elasticsearch is away, never dropped), and come back when the case is published again."""

import pytest

from casebook.models import TaxonomyTerm
from learning.models import Decision
from search import tasks
from search.models import IndexOutbox
from tests.learning.conftest import decide, make_lesson, make_meeting

from .conftest import sync_index
from .helpers import api, case

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

STATEMENT = "Agressie bij autisme is vaak een signaal van overbelasting door kwartelkoningprikkels."


@pytest.fixture
def lesson(search_index, member, moderator):
    autism = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme")
    source = case(problem_areas=["autisme"], title="Casus over een jongen met autisme thuis")
    lesson = make_lesson(member, statement=STATEMENT, cases=[source], themes=[autism], submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, "Herkenbaar.", moderator=moderator)
    sync_index()
    return lesson


def _lesson_hits(client, q="signaal overbelasting kwartelkoningprikkels"):
    return [hit["external_id"] for hit in api(client, q=q)["results"] if hit["external_id"].startswith("lesson-")]


def test_anonymous_search_stops_finding_the_lesson_of_a_withdrawn_case_and_finds_it_again(client, lesson):
    external_id = f"lesson-{lesson.pk}"
    assert _lesson_hits(client) == [external_id]
    assert lesson.get_url() in client.get("/zoeken/", {"q": "kwartelkoningprikkels"}).content.decode()
    source = lesson.cases.get()
    source.unpublish()
    sync_index()
    assert _lesson_hits(client) == []
    assert lesson.get_url() not in client.get("/zoeken/", {"q": "kwartelkoningprikkels"}).content.decode()
    source.save_revision().publish()
    sync_index()
    assert _lesson_hits(client) == [external_id]


def test_while_elasticsearch_is_away_the_removal_waits_in_the_outbox_and_is_applied_after(
        client, settings, es_url, lesson):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    try:
        lesson.cases.get().unpublish()
        tasks.drain_quietly()
        waiting = IndexOutbox.objects.get(model_label="learning.Lesson", object_id=lesson.pk)
        assert waiting.attempts >= 1 and waiting.last_error
    finally:
        settings.ELASTICSEARCH_URL = es_url
    sync_index()
    assert _lesson_hits(client) == []
