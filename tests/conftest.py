"""Shared fixtures and the rule that, under CI=true, tests needing a real service run or fail — never skip."""

import os
import shutil

import pytest

from tests.factories import make_case, make_user

ON_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


# A test that uses a service's fixture carries that service's marker, so the test command's second pass (SQLite,
# database search, `-m "not browser and not elasticsearch and not postgres"`) never collects it by mistake.
SERVICE_FIXTURES = {"es_url": "elasticsearch", "browser": "browser"}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, marker in SERVICE_FIXTURES.items():
            if fixture in getattr(item, "fixturenames", ()) and not item.get_closest_marker(marker):
                item.add_marker(marker)


def pytest_runtest_setup(item):
    # Outside CI, missing services skip their tests; on CI they are an error (see need_service).
    if item.get_closest_marker("postgres"):
        need_service("PostgreSQL", os.environ.get("DATABASE_URL", "").startswith("postgres"))


def need_service(name, available):
    if available:
        return
    message = f"{name} is not available"
    if ON_CI:
        pytest.fail(f"{message}, and CI=true requires it (start it with the test command)")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the (per-process) cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def case(db):
    return make_case()


@pytest.fixture
def member(db):
    return make_user("member")


@pytest.fixture
def editor(db):
    return make_user("editor")


@pytest.fixture
def moderator(db):
    return make_user("moderator")


@pytest.fixture
def ervaringsdeskundige(db):
    return make_user("ervaringsdeskundige")


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (Playwright's own browser download does not work here)."""
    need_service("Chromium", os.path.exists(CHROMIUM))
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the test's own ORM calls are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page_in_browser(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def live_site(live_server, transactional_db):
    """A live server with the site structure in place (a flushed database re-creates it on post_migrate)."""
    from casebook.models import HomePage

    assert HomePage.objects.exists(), "site structure missing after flush"
    return live_server


# ---- Issue 4: the anonymity check before publishing -------------------------------------------------------
@pytest.fixture(autouse=True)
def rules_only_anonymity_check(request, monkeypatch):
    """Publishing runs the anonymity check. Tests not marked `deduce` get the same check without deduce's
    look-up lists (our rules only: numbers, dates, ages, contact details, institutions by pattern), which
    loads in milliseconds instead of seconds and ~1 GB. Tests marked `deduce` keep the real detector."""
    if request.node.get_closest_marker("deduce"):
        return
    from anonymity.detector import Detector

    global _RULES_ONLY
    if _RULES_ONLY is None:
        _RULES_ONLY = Detector(deduce_model=_NoDeduce())
    # The seam every caller goes through (publishing, import, learning's meeting decisions, the CLI).
    monkeypatch.setattr("anonymity.detector.get_detector", lambda: _RULES_ONLY)


class _NoDeduce:
    def deidentify(self, text, disabled=None):
        from types import SimpleNamespace

        return SimpleNamespace(annotations=[])


_RULES_ONLY = None

