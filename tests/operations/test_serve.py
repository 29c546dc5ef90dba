"""`scripts/serve.sh` (make serve) runs the production stack: gunicorn, WhiteNoise, production settings, DEBUG off."""

import os
import re
import signal
import subprocess

import pytest

from .helpers import ROOT, fetch, generated_cases, manage, postgres_url, scratch_database, free_port, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.serve]


@pytest.fixture
def stack(tmp_path):
    with scratch_database(postgres_url(), "serve") as database_url:
        port = free_port()
        env = {**os.environ, "DATABASE_URL": database_url, "PORT": str(port), "ANONYMITY_PORT": str(free_port()),
               "SECRET_KEY": "serve-test-not-secret", "SERVE_DEMO": "0", "WEB_CONCURRENCY": "2",
               "SEARCH_INDEX_PREFIX": f"doorbraak-test-serve-{port}"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        if not env.get("ELASTICSEARCH_URL"):
            env["SERVE_SEARCH"] = "0"
        processes = ["web", "tasks"] + (["search"] if env.get("ELASTICSEARCH_URL") else [])
        # Its own process group, so the whole stack (honcho and its children) is stopped afterwards.
        process = subprocess.Popen([str(ROOT / "scripts" / "serve.sh"), *processes], cwd=ROOT, env=env,
                                   stdout=open(tmp_path / "serve.log", "w"), stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/healthz", process=process)
            env["DJANGO_SETTINGS_MODULE"] = "doorbraak.settings.production"
            env["ALLOWED_HOSTS"] = "localhost"
            yield base, env
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
            if env.get("ELASTICSEARCH_URL"):
                manage(env, "search_index", "--drop", check=False)


def test_production_stack_serves_pages_static_files_and_probes(stack):
    base, env = stack
    manage(env, "createsuperuser", "--noinput", "--username", "serve-admin", "--email", "a@example.org")
    manage(env, "import_cases", "-", "--publish", "--visibility", "public", "--skip-anonymity-check",
           "--user", "serve-admin",
           input=generated_cases(3))

    status, home = fetch(base + "/")
    assert status == 200
    status, listing = fetch(base + "/casussen/")
    assert status == 200 and "bench-0000001/" in listing
    status, page = fetch(base + "/casussen/bench-0000001/")
    assert status == 200, page[:300]

    # Hashed static names from the manifest, served by WhiteNoise with a far-future cache.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home)
    assert stylesheet, "no hashed stylesheet in the page"
    import urllib.request

    with urllib.request.urlopen(base + stylesheet.group(1), timeout=5) as response:
        assert response.status == 200
        assert "immutable" in response.headers["Cache-Control"]
        assert response.headers["X-Request-ID"]

    # DEBUG is off: an unknown page is the site's own 404, not Django's debug page.
    status, missing = fetch(base + "/bestaat-niet/")
    assert status == 404 and "Page not found at" not in missing and "Traceback" not in missing

    status, ready = fetch(base + "/readyz")
    assert status == 200 and '"database": {"ok": true}' in ready
