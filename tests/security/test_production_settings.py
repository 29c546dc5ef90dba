"""Production settings pass `check --deploy`; every page carries a strict Content-Security-Policy (no inline script
or style; only the Wagtail admin gets what it needs); pages for signed-in people and non-public cases are never
cached; the API is rate limited per user and per address; the templates hold no inline script, style or handler."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_case, make_user

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="doorbraak.settings.production",
               SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="doorbraak.example.org",
               DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser fixture for Playwright; never in deployment
    done = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_production_settings_promise_https_and_two_factor(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(64))
    monkeypatch.setenv("ALLOWED_HOSTS", "doorbraak.example.org")
    monkeypatch.setenv("REQUIRE_TWO_FACTOR", "false")  # cannot be switched off in production
    import importlib

    import doorbraak.settings.production as production

    production = importlib.reload(production)
    assert production.SECURE_SSL_REDIRECT and production.SECURE_HSTS_SECONDS >= 31_536_000
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE and not production.DEBUG
    assert production.REQUIRE_TWO_FACTOR is True


def _csp(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


@pytest.mark.django_db
def test_strict_policy_on_the_site_and_only_what_the_admin_needs_there(client):
    site = _csp(client.get("/"))
    assert site["script-src"] == "'self'" and site["style-src"] == "'self'"
    assert site["frame-ancestors"] == "'none'" and site["object-src"] == "'none'"
    assert "unsafe" not in " ".join(site.values())
    client.force_login(make_user("editor"))
    admin = _csp(client.get("/cms/"))
    assert "'unsafe-inline'" in admin["script-src"] and admin["frame-ancestors"] == "'self'"
    assert "unsafe-eval" not in " ".join(admin.values())


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: address"),
]


def test_templates_have_no_inline_script_style_or_handlers():
    found = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            if pattern.search(text):
                found.append(f"{template.relative_to(ROOT)}: {what}")
    assert found == []


@pytest.mark.django_db
def test_pages_for_signed_in_people_and_non_public_cases_are_not_cached(client):
    public = client.get("/casussen/")
    assert "no-store" not in public.get("Cache-Control", "")
    network = make_case(visibility="network")
    client.force_login(make_user("member"))
    for url in ("/casussen/", network.url, "/leren/", "/api/v1/search?q=casus"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
        assert "Cookie" in response["Vary"], url


@pytest.mark.django_db
def test_api_is_rate_limited_per_user_and_per_address(client, settings):
    settings.API_RATE = "3/m"
    statuses = [client.get("/api/v1/search", {"q": "x"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/autocomplete", {"q": "x"})
    assert limited.status_code == 429 and limited.json()["error"] and limited["Retry-After"]
    other_address = client.__class__(REMOTE_ADDR="10.9.8.7")
    assert other_address.get("/api/v1/search", {"q": "x"}).status_code == 200
    member = make_user("member")
    client.force_login(member)  # a signed-in user is counted as themselves, not by address
    assert client.get("/api/v1/search", {"q": "x"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"q": "auti\x00sme"}, {"q": "a\x1bb"}, {"region": "noord\x07"}])
def test_api_rejects_control_characters(client, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400 and "stuurteken" in response.json()["error"]
    assert client.get("/zoeken/", params).status_code == 400
