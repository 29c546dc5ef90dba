"""Publishing refuses unresolved findings (issue 4). The rules-only check stands in for deduce here
(tests/conftest.py), so the planted details are ones our rules catch: phone numbers and BSNs."""

import json

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from casebook import anonymity_gate as publishing
from casebook.anonymity_admin import before_publish_page, findings_url
from casebook.interchange.importing import import_lines
from casebook.models import AnonymityStatus, CasePage, ExpertProfilePage, FindingDecision
from tests.factories import case_record, make_case, make_user

PHONE = "06-12345678"  # fictional


def draft_with(editor=None, **texts):
    page = make_case(publish=False, **texts)
    return CasePage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.mark.django_db
def test_clean_case_is_publishable():
    publishing.assert_publishable(draft_with())


@pytest.mark.django_db
def test_refusal_says_how_many_and_in_which_field():
    page = draft_with(situation=f"Moeder is bereikbaar op {PHONE}.", lessons=["Bel niet 06-87654321 maar het wijkteam."])
    with pytest.raises(publishing.NotPublishable) as refused:
        publishing.assert_publishable(page)
    message = str(refused.value)
    assert "2 mogelijk identificerende gegevens" in message
    assert "1 in 'situatie'" in message and "1 in 'les 1'" in message


@pytest.mark.django_db
def test_expert_profile_fields_are_checked():
    profile = ExpertProfilePage(title="Expert", bio="Bereikbaar via a.b@voorbeeld.nl", job_title="Gedragswetenschapper",
                                availability_note="Dinsdag, 06-12345678")
    assert set(publishing.unresolved_findings(profile)) == {"bio", "availability_note"}


@pytest.mark.django_db
def test_decision_applies_only_while_the_same_text_stands_there(editor):
    page = draft_with(situation=f"Het nummer {PHONE} is van de crisisdienst.")
    [finding] = publishing.unresolved_findings(page)["situation"]
    publishing.decide_not_identifying(page, "situation", finding, "landelijk crisisnummer (fictief)", editor)
    publishing.assert_publishable(page)
    decision = FindingDecision.objects.get()
    assert (decision.decided_by, decision.kind, decision.text) == (editor, "phone", PHONE)

    page.situation = f"Het nummer {PHONE} is van de moeder."  # same number, different place in meaning
    with pytest.raises(publishing.NotPublishable):
        publishing.assert_publishable(page)


@pytest.mark.django_db
def test_replacement_rewrites_the_field_and_saves_a_revision(editor):
    page = draft_with(situation="Op 14 maart 2009 werd de jongere aangemeld.")
    [finding] = publishing.unresolved_findings(page)["situation"]
    revisions = page.revisions.count()
    publishing.apply_replacement(page, "situation", finding, "in 2009", editor)
    stored = CasePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert stored.situation == "Op in 2009 werd de jongere aangemeld."
    assert page.revisions.count() == revisions + 1
    assert publishing.unresolved_findings(stored) == {}


def _request(user):
    request = RequestFactory().post("/admin/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.django_db
def test_admin_hook_refuses_and_points_to_the_findings_view(editor):
    page = draft_with(summary=f"Bel {PHONE}.")
    request = _request(editor)
    response = before_publish_page(request, page)
    assert response.status_code == 302 and response.url == findings_url(page)
    assert "1 in 'samenvatting'" in [str(m) for m in request._messages][0]
    assert before_publish_page(_request(editor), draft_with()) is None


@pytest.mark.django_db
def test_findings_view_lists_marks_and_replaces(client, editor):
    page = draft_with(situation=f"Moeder belt vaak met {PHONE} naar school.\nDaarna ging het beter.")
    client.force_login(editor)
    response = client.get(findings_url(page))
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<mark>{PHONE}</mark>" in body and "telefoonnummer" in body and "1 open bevinding" in body

    form = {"field": "situation", "kind": "phone", "start": 21, "end": 32, "text": PHONE}
    assert client.post(findings_url(page), {**form, "action": "decide", "reason": ""}).status_code == 302
    assert not FindingDecision.objects.exists()  # a reason is required
    client.post(findings_url(page), {**form, "action": "replace", "replacement": ""})
    stored = CasePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert stored.situation == "Moeder belt vaak met naar school.\nDaarna ging het beter."


@pytest.mark.django_db
def test_findings_view_needs_edit_permission(client, member):
    page = draft_with()
    client.force_login(member)
    assert client.get(findings_url(page)).status_code in (302, 403)


def _lines(*records):
    return [json.dumps(r) for r in records]


@pytest.mark.django_db
def test_import_publishes_clean_records_and_holds_back_the_rest():
    clean, identifying = case_record(), case_record(situation=f"Vader: {PHONE}.")
    summary = import_lines(_lines(clean, identifying), publish=True)
    assert summary.published == [clean["external_id"]]
    [(external_id, findings)] = summary.held_back
    assert external_id == identifying["external_id"] and [f.text for f in findings["situation"]] == [PHONE]
    held = CasePage.objects.get(external_id=identifying["external_id"])
    assert not held.live and held.anonymity_status == AnonymityStatus.PENDING
    assert CasePage.objects.get(external_id=clean["external_id"]).anonymity_status == AnonymityStatus.CLEAR


@pytest.mark.django_db
def test_skipping_the_check_is_recorded_on_each_case():
    admin = make_user("superuser")
    record = case_record(situation=f"Vader: {PHONE}.")
    summary = import_lines(_lines(record), publish=True, user=admin, skip_anonymity_check=True)
    assert summary.published == [record["external_id"]]
    page = CasePage.objects.get(external_id=record["external_id"])
    assert page.live and page.anonymity_check_skipped and page.anonymity_check_skipped_by == admin
    assert page.anonymity_check_skipped_at is not None


@pytest.mark.django_db
def test_an_edit_after_a_skipped_import_is_checked_again():
    admin = make_user("superuser")
    record = case_record(situation="De jongere woont bij een pleeggezin.")
    import_lines(_lines(record), publish=True, user=admin, skip_anonymity_check=True)
    working = CasePage.objects.get(external_id=record["external_id"]).get_latest_revision_as_object()
    publishing.assert_publishable(working)  # unchanged since the source's review

    working.situation = f"De pleegvader is bereikbaar op {PHONE}."
    with pytest.raises(publishing.NotPublishable):
        publishing.assert_publishable(working)


@pytest.mark.django_db
def test_import_command_lists_held_back_records(tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(_lines(case_record(situation=f"Bel {PHONE}."))), encoding="utf-8")
    call_command("import_cases", str(path), "--publish")
    out = capsys.readouterr().out
    assert "1 held back by the anonymity check" in out and "wacht op anonimiteitscontrole" in out
    assert f"situatie: phone '{PHONE}'" in out


@pytest.mark.django_db
def test_import_command_skip_needs_an_admin(tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(_lines(case_record())), encoding="utf-8")
    with pytest.raises(CommandError, match="--user"):
        call_command("import_cases", str(path), "--publish", "--skip-anonymity-check")
    editor = make_user("editor")
    with pytest.raises(CommandError, match="beheerders"):
        call_command("import_cases", str(path), "--publish", "--skip-anonymity-check", "--user", editor.username)


@pytest.mark.django_db
def test_small_group_warning_and_coarsening():
    record = dict(region="limburg", age_band="16-17", problem_areas=["autisme"])
    page = draft_with(**record)
    assert "Kleine groep: 0" in publishing.small_group_warning(page)
    make_case(**record)
    make_case(**record)
    assert publishing.small_group_warning(page) is None

    lonely = draft_with(region="noord", age_band="0-3", problem_areas=["autisme"])
    assert publishing.small_group_warning(lonely)
    lonely.hide_region = True
    lonely.hide_age_band = True  # now it counts every published autism-only case
    assert publishing.small_group_warning(lonely) is None


@pytest.mark.django_db
def test_small_group_warning_does_not_suggest_what_is_already_ticked():
    """Trial 10 F17: with 'regio niet vermelden' ticked, the warning still asked to consider it."""
    page = draft_with(region="limburg", age_band="0-3", problem_areas=["autisme"])
    page.hide_region = True
    warning = publishing.small_group_warning(page)
    assert "Kleine groep: 0 gepubliceerde casussen" in warning and "de regio wordt al niet vermeld" in warning
    assert "'regio niet vermelden'" not in warning and "'leeftijdsgroep niet vermelden'" in warning
    page.hide_region, page.hide_age_band = False, True
    warning = publishing.small_group_warning(page)
    assert "'leeftijdsgroep niet vermelden'" not in warning and "'regio niet vermelden'" in warning


@pytest.mark.django_db
def test_hidden_region_and_age_band_show_niet_vermeld(client):
    page = make_case(publish=False)
    page.hide_region = page.hide_age_band = True
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert body.count("niet vermeld") == 2


@pytest.mark.django_db
def test_every_publication_path_is_gated_at_the_model(client):
    """Workflow approval, scheduled publishing and code that calls revision.publish() all end in Page.publish."""
    page = make_case(publish=False, situation=f"Bel de vader op {PHONE}.")
    revision = CasePage.objects.get(pk=page.pk).get_latest_revision()
    with pytest.raises(publishing.NotPublishable):
        revision.publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"/casussen/{page.slug}/").status_code == 404


def _schedule(page, minutes_ago=1):
    from datetime import timedelta

    from django.utils import timezone

    revision = CasePage.objects.get(pk=page.pk).get_latest_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=minutes_ago)
    revision.save()
    return revision


@pytest.mark.django_db
def test_scheduled_publication_skips_a_refused_case_logs_it_and_publishes_the_rest(caplog):
    """One case with open findings must not hold back the scheduled pages after it (issue 10)."""
    import io
    import logging

    from django.core.management import call_command

    refused = make_case(publish=False, title="Casus met telefoonnummer", situation=f"Bel de vader op {PHONE}.")
    clean = make_case(publish=False, title="Schone casus")
    _schedule(refused, minutes_ago=5)  # first in line
    _schedule(clean, minutes_ago=1)
    errors = io.StringIO()
    with caplog.at_level(logging.WARNING, logger="casebook.publish_scheduled"):
        call_command("publish_scheduled", stderr=errors)
    assert not CasePage.objects.get(pk=refused.pk).live
    assert CasePage.objects.get(pk=clean.pk).live
    assert "Casus met telefoonnummer" in caplog.text and "mogelijk identificerend" in caplog.text
    assert "Overgeslagen: Casus met telefoonnummer" in errors.getvalue()
    # Still scheduled: once the finding is rewritten, the next run publishes it.
    page = CasePage.objects.get(pk=refused.pk)
    page.situation = "Bel de vader via het wijkteam."
    page.save_revision()
    _schedule(page)
    call_command("publish_scheduled", stderr=io.StringIO())
    assert CasePage.objects.get(pk=refused.pk).live


@pytest.mark.django_db
def test_publishing_marks_the_case_as_checked():
    from casebook.models import AnonymityStatus

    page = make_case(publish=False)
    CasePage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert CasePage.objects.get(pk=page.pk).anonymity_status == AnonymityStatus.CLEAR
