"""Read audit: every view of a restricted case (page, API, search answer) and every export is recorded with who,
what and when; admins read the log in the CMS (nobody edits it); entries older than the retention are removed."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import ReadEvent
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(no_elasticsearch):
    return {"restricted": make_case(visibility="restricted", title="Beperkte casus over een gesloten plaatsing"),
            "network": make_case(visibility="network", title="Netwerkcasus over een gesloten plaatsing"),
            "public": make_case(title="Openbare casus over een gesloten plaatsing")}


def test_page_views_of_restricted_cases_are_recorded(client, cases):
    editor = make_user("editor")
    client.force_login(editor)
    for page in cases.values():
        assert client.get(page.url).status_code == 200
    event = ReadEvent.objects.get()
    assert (event.user, event.username, event.channel, event.external_id, event.visibility) == (
        editor, editor.username, "page", cases["restricted"].external_id, "restricted")
    assert timezone.now() - event.at < timedelta(minutes=1)


def test_api_and_search_answers_listing_a_restricted_case_are_recorded(client, cases):
    moderator = make_user("moderator")
    client.force_login(moderator)
    client.get("/api/v1/search", {"q": "gesloten plaatsing"})
    client.get(f"/api/v1/cases/{cases['restricted'].external_id}/similar")
    client.get("/zoeken/", {"q": "gesloten plaatsing"})
    channels = list(ReadEvent.objects.filter(external_id=cases["restricted"].external_id)
                    .order_by("pk").values_list("channel", flat=True))
    assert channels == ["api", "api", "search"]
    assert not ReadEvent.objects.exclude(external_id=cases["restricted"].external_id).exists()


def test_nothing_is_recorded_for_those_who_cannot_see_it(client, cases):
    client.force_login(make_user("member"))
    assert client.get(cases["restricted"].url).status_code == 404
    client.get("/api/v1/search", {"q": "gesloten plaatsing"})
    assert not ReadEvent.objects.exists()


def test_every_export_is_recorded(cases):
    admin = make_user("admin")
    call_command("export_cases", "-", "--user", admin.username, stdout=StringIO())
    event = ReadEvent.objects.get()
    assert event.channel == "export" and event.user == admin
    assert event.detail == {"cases": 3, "include_drafts": False,
                            "audited_cases": [cases["restricted"].external_id]}


def test_only_admins_read_the_log_and_nobody_changes_it(client, cases):
    client.force_login(make_user("editor"))
    client.get(cases["restricted"].url)
    event = ReadEvent.objects.get()
    for role in ("editor", "moderator"):
        client.force_login(make_user(role))
        assert client.get("/cms/leeslog/").status_code in (302, 403)
    client.force_login(make_user("admin"))
    listing = client.get("/cms/leeslog/")
    assert listing.status_code == 200 and cases["restricted"].external_id in listing.content.decode()
    assert client.get(reverse("leeslog:inspect", args=[event.pk])).status_code == 200
    assert client.get(reverse("leeslog:edit", args=[event.pk])).status_code in (302, 403)
    assert client.post(reverse("leeslog:delete", args=[event.pk])).status_code in (302, 403)
    assert ReadEvent.objects.filter(pk=event.pk).exists()


def test_old_entries_are_pruned_after_the_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = ReadEvent.objects.create(username="iemand", channel="page", external_id="oud")
    ReadEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    recent = ReadEvent.objects.create(username="iemand", channel="page", external_id="nieuw")
    call_command("prune_audit_log", stdout=StringIO())
    assert list(ReadEvent.objects.values_list("pk", flat=True)) == [recent.pk]
