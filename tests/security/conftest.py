"""Helpers for the security suite: fictional cases in the states the review found leaking."""

import pytest

from tests.factories import make_case
from tests.learning.conftest import taxonomy  # noqa: F401 - the seeded taxonomy for transactional tests


def coarsened_case(**overrides):
    """A published public case whose editor hid region and age band (a small group)."""
    page = make_case(**overrides)
    page.hide_region = page.hide_age_band = True
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def no_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = ""
