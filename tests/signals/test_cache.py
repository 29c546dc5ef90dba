"""The protected tables are cached per visibility class and filters (signals/cache.py): a member's numbers never
reach an anonymous visitor, and publishing or unpublishing a case is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signals.aggregates import overview
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

BASE = dict(region="utrecht-flevoland", year=2025, problem_areas=["autisme"])


def _waiting(user, filters=None):
    return overview(user, filters or {})["stuck"][1].value("wachtlijst", "cases")


@pytest.fixture
def cases(db):
    """7 public and 3 network cases stuck on a waiting list, 6 public ones without a fitting offer."""
    public = [make_case(stuck_reasons=["wachtlijst"], **BASE) for _ in range(7)]
    for _ in range(3):
        make_case(visibility="network", stuck_reasons=["wachtlijst"], **BASE)
    for _ in range(6):
        make_case(stuck_reasons=["geen-passend-aanbod"], **BASE)
    return public


def _case_queries(queries):
    return [q["sql"] for q in queries if "casebook_casepage" in q["sql"]]


def test_the_second_request_for_the_same_view_is_served_from_the_cache(cases):
    assert _waiting(None) == 7
    with CaptureQueriesContext(connection) as queries:
        assert _waiting(None) == 7
    assert _case_queries(queries.captured_queries) == []


def test_a_members_cached_numbers_are_never_served_to_an_anonymous_visitor(cases, member, client):
    for filters in ({}, {"regio": "utrecht-flevoland"}, {"regio": "utrecht-flevoland", "jaar": "2025"}):
        assert _waiting(member, filters) == 10  # the member asks first and fills the cache
        assert _waiting(None, filters) == 7
        assert _waiting(make_user(), filters) == 7  # signed in without a role: public cases only, like a visitor
        assert _waiting(member, filters) == 10
    client.force_login(member)
    assert "wachttijd of wachtlijst (10 casussen)" in client.get("/signalering/").content.decode()
    client.logout()
    assert "wachttijd of wachtlijst (7 casussen)" in client.get("/signalering/").content.decode()
    report = client.get("/signalering/rapport/utrecht-flevoland/2025/").content.decode()
    assert "wachttijd of wachtlijst (7 casussen)" in report


def test_publishing_and_unpublishing_a_case_invalidates_the_cached_counts(cases, member):
    filters = {"regio": "utrecht-flevoland", "jaar": "2025"}
    assert _waiting(None) == 7 and _waiting(None, filters) == 7 and _waiting(member) == 10
    for _ in range(5):
        make_case(stuck_reasons=["wachtlijst"], **BASE)
    assert _waiting(None) == 12 and _waiting(None, filters) == 12 and _waiting(member) == 15

    cases[0].unpublish()
    assert _waiting(None) == 11 and _waiting(member) == 14

    # A visibility change goes through a publish as well: the case leaves the anonymous count.
    page = cases[1]
    page.visibility = "network"
    page.save_revision().publish()
    assert _waiting(None) == 10 and _waiting(member) == 14


def test_a_view_computed_alongside_another_is_the_same_as_computed_alone(cases):
    """One computation stores every view of its mesh; those must equal what a fresh computation gives."""
    from django.core.cache import cache

    narrow = overview(None, {"regio": "utrecht-flevoland", "jaar": "2025"})  # stores the wider views too
    stored = overview(None, {"regio": "utrecht-flevoland"})
    cache.clear()
    fresh = overview(None, {"regio": "utrecht-flevoland"})
    assert {n: t.shown for n, (_l, t) in stored.items()} == {n: t.shown for n, (_l, t) in fresh.items()}
    assert narrow["stuck"][1].value("wachtlijst", "cases") == 7


def test_a_year_first_published_after_the_years_were_cached_can_be_chosen_at_once(cases, client):
    assert client.get("/signalering/", {"jaar": "2019"}).status_code == 400  # no case from 2019: not a choice
    make_case(stuck_reasons=["wachtlijst"], **dict(BASE, year=2019))
    assert client.get("/signalering/", {"jaar": "2019"}).status_code == 200


def test_a_publish_in_another_process_is_seen_although_its_cache_is_not_this_ones(cases):
    """With Redis or the database cache the processes share one cache, but even with a cache of its own per process
    the generation lives in the database, so a publish elsewhere is seen."""
    from unittest import mock

    from django.core.cache.backends.locmem import LocMemCache

    assert _waiting(None) == 7  # cached here
    another_worker = LocMemCache("another-worker", {})
    with mock.patch("signals.cache._cache", lambda: another_worker):
        for _ in range(5):
            make_case(stuck_reasons=["wachtlijst"], **BASE)  # published over there
    assert _waiting(None) == 12


def test_after_a_publish_every_visibility_class_finds_the_overview_counted_and_shared(
        cases, django_capture_on_commit_callbacks):
    """The first visitor after a publish does not wait for 100,000 cases to be counted: the task warms the
    unfiltered overview for anonymous visitors, members and editors, in the cache every process reads."""
    from django.core.cache.backends.db import DatabaseCache
    from django.conf import settings

    from signals import cache

    with django_capture_on_commit_callbacks(execute=True):
        make_case(stuck_reasons=["wachtlijst"], **BASE)
    for visibilities in cache.VISIBILITY_CLASSES:
        data, generation = cache.get(visibilities, {}, 5)
        assert data is not None, visibilities
    # Another process opens its own cache object on the same table and reads the same entry.
    elsewhere = DatabaseCache(settings.CACHES["signals"]["LOCATION"], {})
    key = cache.key(generation, cache.visibility_class(("public",)), {}, 5)
    assert elsewhere.get(key)["shown"] == cache.get(("public",), {}, 5)[0]["shown"]
    with CaptureQueriesContext(connection) as queries:
        assert _waiting(None) == 8 and _waiting(make_user("member")) == 11
    assert _case_queries(queries.captured_queries) == []
