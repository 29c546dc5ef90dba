"""After a publish the task (signals.tasks.warm_overview) counts, for every visibility class, the overview, every view
one click away from it and the regional reports, so the first visitors after the change do not wait for the counting;
what it stores is what a request would have computed."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signals.aggregates import overview
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

ONE_CLICK = [{"regio": "utrecht-flevoland"}, {"regio": "gelderland"}, {"jaar": "2024"}, {"leeftijd": "16-17"},
             {"setting": "pleegzorg"}, {"kader": "vrijwillig"}, {"wet": "wmo"},
             {"regio": "utrecht-flevoland", "jaar": "2025"}, {"regio": "noord", "jaar": "2024"}]


@pytest.fixture
def cases(db):
    """Cases in Utrecht and Noord over two years, some in foster care, a few for members only; none in Gelderland."""
    for i in range(14):
        make_case(region="utrecht-flevoland" if i % 3 else "noord", year=2024 + i % 2,
                  age_band="12-15" if i % 4 else "16-17", stuck_reasons=["wachtlijst"], problem_areas=["autisme"],
                  settings=["pleegzorg"] if i % 2 else [], laws=["jeugdwet"], framework="vrijwillig",
                  visibility="network" if i % 5 == 0 else "public")


def _shown(user, filters):
    return {name: table.shown for name, (_title, table) in overview(user, filters).items()}


def _case_queries(queries):
    """Queries that read the cases themselves (the lessons the page lists join them, which is not counting)."""
    return [q["sql"] for q in queries.captured_queries if 'FROM "casebook_casepage"' in q["sql"]]


def test_after_a_publish_the_views_one_click_away_and_the_reports_are_read_from_the_cache(
        cases, django_capture_on_commit_callbacks, client):
    member = make_user("member")
    with django_capture_on_commit_callbacks(execute=True):
        make_case(region="utrecht-flevoland", year=2025, stuck_reasons=["wachtlijst"], problem_areas=["autisme"])
    with CaptureQueriesContext(connection) as queries:
        for filters in ONE_CLICK:
            _shown(None, filters)
            _shown(member, filters)
        assert client.get("/signalering/", {"regio": "utrecht-flevoland"}).status_code == 200  # the form's years too
    assert _case_queries(queries) == []


def test_a_view_the_task_did_not_warm_is_counted_from_the_cached_facts(cases, django_capture_on_commit_callbacks):
    from signals import cache

    two_filters = {"regio": "utrecht-flevoland", "leeftijd": "12-15"}
    with django_capture_on_commit_callbacks(execute=True):
        make_case(region="utrecht-flevoland", year=2025, stuck_reasons=["wachtlijst"], problem_areas=["autisme"])
    assert cache.get(("public",), two_filters, 5)[0] is None  # not warmed: counted on request
    with CaptureQueriesContext(connection) as queries:
        counted = _shown(None, two_filters)
    assert _case_queries(queries) == []  # ... from the facts the task left in the cache, without reading the cases
    caches["signals"].clear()
    assert counted == _shown(None, two_filters)  # the same as counted from the database
    assert counted != _shown(None, {"regio": "gelderland", "leeftijd": "12-15"})  # not the empty view of no case


def test_what_the_task_stored_is_what_a_request_computes(cases, django_capture_on_commit_callbacks):
    member = make_user("member")
    with django_capture_on_commit_callbacks(execute=True):
        make_case(region="noord", year=2025, stuck_reasons=["wachtlijst"], problem_areas=["autisme"])
    stored = {(user is None, str(f)): _shown(user, f) for f in ONE_CLICK for user in (None, member)}
    caches["signals"].clear()
    computed = {(user is None, str(f)): _shown(user, f) for f in ONE_CLICK for user in (None, member)}
    assert stored == computed
    numbers = [n for view in stored.values() for table in view.values() for n in table.values()]
    assert None in numbers and any(n and n >= 5 for n in numbers)  # counted and protected, not all empty
    assert stored[(True, str({"regio": "utrecht-flevoland"}))]["stuck"][("wachtlijst", "cases")] == 7


def test_a_task_queued_by_an_earlier_publish_or_once_more_for_the_same_one_counts_nothing(
        cases, django_capture_on_commit_callbacks):
    """A bulk import publishes many cases in one transaction and each queues the task: one of them counts."""
    from signals import cache
    from signals.tasks import warm_overview

    before = cache.current()
    with django_capture_on_commit_callbacks(execute=True):
        make_case(region="noord", year=2025, stuck_reasons=["wachtlijst"], problem_areas=["autisme"])
    caches["signals"].clear()
    with CaptureQueriesContext(connection) as queries:
        warm_overview.call(generation=before)  # its publish is no longer the latest
    assert _case_queries(queries) == [] and cache.get(("public",), {}, 5)[0] is None
    warm_overview.call(generation=cache.current())
    assert cache.get(("public",), {"regio": "noord"}, 5)[0] is not None
    with CaptureQueriesContext(connection) as queries:
        warm_overview.call(generation=cache.current())  # queued by another case of the same transaction
    assert _case_queries(queries) == []
