"""Faults a production site meets (issue 13): the anonymity checker away, PostgreSQL restarting, a full disk under
Elasticsearch. Elasticsearch being down altogether is tested in tests/search/test_indexing.py
(updates wait in the outbox) and tests/search/test_fallback.py (pages answer from the database and say so).
"""

import os
import signal
import subprocess

import pytest

from casebook.models import CasePage
from search.models import IndexOutbox
from tests.admin.test_case_admin import edit_form_data
from tests.factories import make_case
from tests.search.conftest import es_url, search_index  # noqa: F401 - fixtures
from tests.search.helpers import api, keys

from .helpers import ROOT, database_url_of_this_test, fetch, free_port, postgres_url, wait_for


# ---- The anonymity checker down ----------------------------------------------------------------------------
@pytest.mark.django_db
def test_anonymity_checker_down_refuses_publishing_and_everything_else_works(client, editor, settings):
    page = make_case(title="Casus over een wachtlijst bij de jeugdhulp")
    settings.ANONYMITY_CHECK_URL = f"http://127.0.0.1:{free_port()}"  # configured, nothing listening
    client.force_login(editor)

    response = client.post(f"/cms/pages/{page.pk}/edit/", edit_form_data(
        page, situation="De jongere woont nu bij zijn tante.", **{"action-publish": "publish"}), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet gepubliceerd" in html and "niet bereikbaar" in html  # says what is wrong
    live = CasePage.objects.get(pk=page.pk)
    assert live.situation != "De jongere woont nu bij zijn tante."  # nothing went live unchecked
    assert "bij zijn tante" in live.get_latest_revision_as_object().situation  # and the edit is kept as a draft

    # Saving a draft, reading, searching and the probes need no checker.
    response = client.post(f"/cms/pages/{page.pk}/edit/", edit_form_data(page, summary="Nieuwe samenvatting."))
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200
    assert client.get("/").status_code == 200
    # Search does not ask the checker; the database search is used here so the answer does not depend on what
    # other tests left in a shared index (this page was never sent to Elasticsearch).
    settings.ELASTICSEARCH_URL = ""
    assert keys(api(client, q="wachtlijst")) == [page.external_id]
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["anonymity"]["ok"] is False


# ---- PostgreSQL restarting under the web process ---------------------------------------------------------------
APP_NAME = "doorbraak-web-fault"


def _admin_sql(sql):
    import psycopg

    admin_url = database_url_of_this_test().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        cursor = connection.execute(sql)
        return cursor.fetchall() if cursor.description else None


def _drop_web_connections():
    """What a PostgreSQL restart does to the web process: its open connections are closed under it."""
    return _admin_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{APP_NAME}'")


@pytest.fixture
def web(transactional_db, tmp_path):
    """gunicorn (2 workers, production settings) on the migrated test database, with persistent connections."""
    postgres_url()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"{database_url_of_this_test()}?application_name={APP_NAME}",
           "DATABASE_CONN_MAX_AGE": "600", "PORT": str(port), "SECRET_KEY": "fault-test-not-secret",
           "SERVE_DEMO": "0", "SERVE_SEARCH": "0", "ELASTICSEARCH_URL": "", "WEB_CONCURRENCY": "2",
           "ANONYMITY_PORT": str(free_port())}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen([str(ROOT / "scripts" / "serve.sh"), "web"], cwd=ROOT, env=env,
                               stdout=open(tmp_path / "serve.log", "w"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", process=process)
        yield base, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.mark.postgres
@pytest.mark.serve
def test_postgresql_restart_fails_requests_cleanly_and_the_web_process_recovers(web):
    base, process = web
    page = make_case(title="Casus over een wachtlijst")
    database = database_url_of_this_test().rsplit("/", 1)[1]

    def statuses(n=8, path=page.url):
        return [fetch(base + path, timeout=10) for _ in range(n)]

    assert {status for status, _ in statuses()} == {200}  # each worker now holds a persistent connection
    assert _admin_sql(f"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{APP_NAME}'")[0][0] >= 1

    # A quick restart: the connections die between requests. CONN_HEALTH_CHECKS notices before the request uses
    # its connection, so not one request fails.
    _drop_web_connections()
    assert {status for status, _ in statuses()} == {200}

    # PostgreSQL away for a while (new connections refused, open ones closed): requests fail at once and cleanly,
    # the readiness probe says so, the liveness probe keeps the process (no restart needed).
    _admin_sql(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
    try:
        _drop_web_connections()
        during = statuses(4)
        assert all(status in (500, 503) for status, _ in during), [(s, b[:300]) for s, b in during]
        assert all("Traceback" not in body and "psycopg" not in body for _, body in during)
        status, ready = fetch(base + "/readyz")
        assert status == 503 and '"database": {"ok": false' in ready
        assert fetch(base + "/healthz")[0] == 200
    finally:
        _admin_sql(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')

    after = statuses()
    assert {status for status, _ in after} == {200}, [s for s, _ in after]
    assert process.poll() is None  # the same web process, never restarted
    print(f"\npostgres fault: {len(during)} requests while the database was away, all failed cleanly "
          f"({sorted({s for s, _ in during})}); {len(after)} after, all 200")


# ---- A full disk under Elasticsearch: the flood-stage block ----------------------------------------------------
@pytest.mark.django_db
def test_flood_stage_block_is_reported_and_updates_wait_until_it_is_lifted(client, settings, search_index):
    from search import client as es_client
    from search import indexing, tasks

    # django_db without transaction: on_commit never fires here, so the outbox is drained by hand, as the worker does.
    page = make_case(title="Casus over een wachtlijst")
    tasks.drain()
    es = es_client.get_client()
    es.indices.refresh(index=search_index)
    block = {"index.blocks.read_only_allow_delete": True}  # what Elasticsearch sets at the flood-stage watermark
    indices = indexing.indices_behind(search_index)
    es.indices.put_settings(index=indices, body=block)
    try:
        ready = client.get("/readyz").json()
        assert ready["status"] == "degraded"
        assert ready["checks"]["search"]["ok"] is False and "read-only" in ready["checks"]["search"]["error"]

        page.title = "Casus over dagbesteding na een volle schijf"
        page.save_revision().publish()
        tasks.drain()  # refused by the block: the row stays, with the reason
        row = IndexOutbox.objects.get()
        assert row.attempts == 1 and "cluster_block_exception" in row.last_error
        assert keys(api(client, q="wachtlijst")) == [page.external_id]  # searching still works (old version)
    finally:
        es.indices.put_settings(index=indices, body={"index.blocks.read_only_allow_delete": None})

    assert tasks.drain() == 1 and not IndexOutbox.objects.exists()
    es.indices.refresh(index=search_index)
    assert keys(api(client, q="dagbesteding")) == [page.external_id]
    assert client.get("/readyz").json()["checks"]["search"]["ok"] is True
