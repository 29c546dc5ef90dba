"""Elasticsearch fixtures: a real node (ELASTICSEARCH_URL, started by scripts/elasticsearch.sh), no mocks.

Each test session gets its own index prefix, each test its own fresh index behind it. Under CI=true a
missing ELASTICSEARCH_URL fails the test instead of skipping it.
"""

import os
import uuid

import pytest

from tests.conftest import need_service

SESSION_PREFIX = f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def es_url():
    url = os.environ.get("ELASTICSEARCH_URL", "")
    need_service("Elasticsearch (ELASTICSEARCH_URL)", bool(url))
    return url


@pytest.fixture(scope="session", autouse=True)
def _drop_suite_indexes():
    """Other apps' tests that publish pages fill the suite-wide index (after-commit drains); drop it at the end."""
    yield
    from django.conf import settings as django_settings

    if not os.environ.get("ELASTICSEARCH_URL"):
        return
    try:
        from search import client, indexing

        django_settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
        indexing.drop_all(client.alias_name())
    except Exception:  # noqa: BLE001 - cleanup only
        pass


@pytest.fixture
def search_index(es_url, settings, db):
    """A fresh, empty index for this test, under this session's prefix; dropped afterwards."""
    from search import client, indexing

    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_INDEX_PREFIX = f"{SESSION_PREFIX}-{uuid.uuid4().hex[:6]}"
    indexing.ensure_index()
    yield client.alias_name()
    try:
        indexing.drop_all()
    except Exception:  # noqa: BLE001 - a test that stopped the node must not fail in teardown
        pass


@pytest.fixture
def no_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = ""


def sync_index():
    """Apply the outbox (the real indexing path) and make the changes searchable."""
    from search import client, tasks
    from search.models import IndexOutbox

    tasks.drain()
    assert not IndexOutbox.objects.exists(), list(IndexOutbox.objects.values("last_error"))
    client.get_client().indices.refresh(index=client.alias_name())


@pytest.fixture
def index_now(search_index):
    return sync_index
