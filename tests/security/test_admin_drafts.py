"""Finding 3: a draft lesson or reflection is its author's alone. No admin screen shows it to moderators or
editors: not the listing, not the inspect/history/usage views and not the snippet chooser."""

import pytest
from django.urls import reverse

from tests.factories import make_user
from tests.learning.conftest import make_lesson, make_reflection

pytestmark = pytest.mark.django_db

SECRET_STATEMENT = "Geheime conceptles over de wachtlijst van zorgaanbieder Zonnebloem"
SECRET_PSEUDONYM = "Geheime moeder uit het concept"


@pytest.fixture
def drafts(case):
    lesson = make_lesson(make_user("member"), statement=SECRET_STATEMENT, cases=[case])
    reflection = make_reflection(make_user("ervaringsdeskundige"), case=case, pseudonym=SECRET_PSEUDONYM,
                                 body="Concepttekst die alleen de schrijver mag zien.")
    return lesson, reflection


def admin_urls(model, pk):
    chooser = f"wagtailsnippetchoosers_learning_{model}"
    snippets = f"wagtailsnippets_learning_{model}"
    yield reverse(f"{chooser}:choose")
    yield reverse(f"{chooser}:choose") + "?q=Geheime"
    yield reverse(f"{chooser}:choose_results") + "?q=Geheime"
    yield reverse(f"{chooser}:choose_results")
    yield reverse(f"{chooser}:chosen", args=[pk])
    yield reverse(f"{chooser}:chosen_multiple") + f"?id={pk}"
    yield reverse(f"{snippets}:list")
    yield reverse(f"{snippets}:list_results") + "?q=Geheime"
    for name in ("edit", "delete", "usage", "history", "history_results", "copy", "inspect", "unpublish"):
        yield reverse(f"{snippets}:{name}", args=[pk])


@pytest.mark.parametrize("role", ["moderator", "editor", "admin"])
def test_no_admin_screen_shows_someone_elses_draft(client, drafts, role):
    lesson, reflection = drafts
    client.force_login(make_user(role))
    for model, obj in (("lesson", lesson), ("reflection", reflection)):
        for url in admin_urls(model, obj.pk):
            response = client.get(url)
            body = response.content.decode(errors="replace")
            assert SECRET_STATEMENT not in body and SECRET_PSEUDONYM not in body and "Concepttekst" not in body, (
                f"{role} {url} {response.status_code}")
