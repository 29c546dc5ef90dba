"""Backup and restore drill (issue 13): back up PostgreSQL and media, restore into a fresh database (and a fresh
search index rebuilt from it), and the restored site serves the same cases: counts, a case page and a search."""

import json
import os
import re
import signal
import subprocess
import uuid

import pytest

from casebook.interchange.importing import import_lines
from casebook.models import CasePage
from tests.factories import make_user
from tests.search.conftest import sync_index

from .helpers import PY, ROOT, database_url_of_this_test, fetch, free_port, generated_cases, postgres_url, scratch_database, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
CASE_LINK = re.compile(r'href="/casussen/([a-z0-9-]+)/"')


def run(script, *args, env):
    result = subprocess.run([str(ROOT / "scripts" / script), *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"{script} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout.strip()


def case_links(html):
    return sorted(set(CASE_LINK.findall(html)))


def test_backup_then_restore_into_fresh_services_serves_the_same_cases(client, tmp_path, settings):
    postgres_url()
    if settings.ELASTICSEARCH_URL:
        # An index of its own: documents other tests left under the session's prefix would be searched too.
        from search import indexing

        settings.SEARCH_INDEX_PREFIX = f"doorbraak-test-drill-{uuid.uuid4().hex[:6]}"
        indexing.ensure_index()
    admin = make_user("superuser")
    lines = generated_cases(12, seed=5).splitlines()
    import_lines(lines, visibility="public", publish=True, user=admin, skip_anonymity_check=True)
    if settings.ELASTICSEARCH_URL:
        sync_index()
    source_media = tmp_path / "media"
    (source_media / "original_images").mkdir(parents=True)
    (source_media / "original_images" / "schema.txt").write_text("fictief beeldmateriaal", encoding="utf-8")

    live = CasePage.objects.live().count()
    page_before = client.get("/casussen/bench-0000003/")
    search_before = client.get("/zoeken/", {"q": "autisme school"})
    assert page_before.status_code == 200 and live == 12
    found_before = case_links(search_before.content.decode())
    assert found_before, "the search found nothing to compare"

    env = {**os.environ, "DATABASE_URL": database_url_of_this_test(), "MEDIA_ROOT": str(source_media)}
    backup = run("backup.sh", str(tmp_path / "backup"), env=env)

    with scratch_database(postgres_url(), "restore") as fresh_url:
        port = free_port()
        restored_media = tmp_path / "restored-media"
        env = {**os.environ, "DATABASE_URL": fresh_url, "MEDIA_ROOT": str(restored_media),
               "SEARCH_INDEX_PREFIX": f"doorbraak-test-restored-{port}"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        run("restore.sh", backup, env=env)
        assert (restored_media / "original_images" / "schema.txt").read_text(encoding="utf-8") == "fictief beeldmateriaal"
        # A second restore over the restored data is refused: it would mix two states.
        again = subprocess.run([str(ROOT / "scripts" / "restore.sh"), backup], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=120)
        assert again.returncode == 2 and "empty database" in again.stderr

        env["DJANGO_SETTINGS_MODULE"] = "doorbraak.settings.test"
        server = subprocess.Popen([PY, "-m", "gunicorn", "doorbraak.wsgi:application", "--pythonpath", "site",
                                   "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/healthz", timeout=60, process=server)
            status, page_after = fetch(base + "/casussen/bench-0000003/")
            assert status == 200
            title = re.search(r"<h1[^>]*>(.*?)</h1>", page_before.content.decode(), re.S).group(1).strip()
            assert title in page_after
            status, search_after = fetch(base + "/zoeken/?q=autisme+school")
            assert status == 200 and case_links(search_after) == found_before
            status, listing = fetch(base + "/casussen/")
            assert status == 200
            restored_live = subprocess.run(
                ["psql", fresh_url, "-tAc",
                 "SELECT count(*) FROM wagtailcore_page p JOIN casebook_casepage c ON c.page_ptr_id = p.id WHERE p.live"],
                capture_output=True, text=True, check=True).stdout.strip()
            assert int(restored_live) == live
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            if env.get("ELASTICSEARCH_URL"):
                subprocess.run([PY, "manage.py", "search_index", "--drop"], cwd=ROOT, env=env, capture_output=True)
            if settings.ELASTICSEARCH_URL:
                indexing.drop_all()
