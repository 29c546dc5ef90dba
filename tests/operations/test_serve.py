"""`scripts/serve.sh` (make serve) runs the production stack: gunicorn, WhiteNoise, production settings, DEBUG off."""

import os
import re
import signal
import subprocess
import urllib.request

import pytest

from casebook.interchange.importing import import_lines
from tests.factories import make_user

from .helpers import ROOT, database_url_of_this_test, fetch, free_port, generated_cases, postgres_url, wait_for

# The stack runs on the (already migrated) test database, so the test pays for no second migration.
pytestmark = [pytest.mark.postgres, pytest.mark.serve, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stack(transactional_db, tmp_path):
    postgres_url()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url_of_this_test(), "PORT": str(port),
           "ANONYMITY_PORT": str(free_port()), "SECRET_KEY": "serve-test-not-secret", "SERVE_DEMO": "0",
           "WEB_CONCURRENCY": "2"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if not env.get("ELASTICSEARCH_URL"):
        env["SERVE_SEARCH"] = "0"
    processes = ["web", "tasks"] + (["search"] if env.get("ELASTICSEARCH_URL") else [])
    # Its own session, so the whole stack (honcho and its children) is stopped afterwards.
    process = subprocess.Popen([str(ROOT / "scripts" / "serve.sh"), *processes], cwd=ROOT, env=env,
                               stdout=open(tmp_path / "serve.log", "w"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", process=process)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_production_stack_serves_pages_static_files_and_probes(stack):
    base = stack
    import_lines(generated_cases(3).splitlines(), visibility="public", publish=True, user=make_user("superuser"),
                 skip_anonymity_check=True)

    status, home = fetch(base + "/")
    assert status == 200
    status, listing = fetch(base + "/casussen/")
    assert status == 200 and "bench-0000001/" in listing
    status, page = fetch(base + "/casussen/bench-0000001/")
    assert status == 200, page[:300]

    # Hashed static names from the manifest, served by WhiteNoise with a far-future cache.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home)
    assert stylesheet, "no hashed stylesheet in the page"
    with urllib.request.urlopen(base + stylesheet.group(1), timeout=5) as response:
        assert response.status == 200
        assert "immutable" in response.headers["Cache-Control"]
        assert response.headers["X-Request-ID"]

    # DEBUG is off: an unknown page is the site's own 404, not Django's debug page.
    status, missing = fetch(base + "/bestaat-niet/")
    assert status == 404 and "Page not found at" not in missing and "Traceback" not in missing

    status, ready = fetch(base + "/readyz")
    assert status == 200 and '"database": {"ok": true}' in ready
