"""Opening and sending a request: the anonymity check warns first, an override needs a reason, every state
change is recorded with its time."""

import pytest

from consultation.models import ConsultationRequest, State, StateChange
from consultation.services import NotAllowed, transition

from .conftest import CLEAN, make_request

pytestmark = pytest.mark.django_db


def _form_data(team, **overrides):
    from casebook.models import TaxonomyTerm

    data = {**CLEAN, "team": team.team_key, "urgency": "snel",
            "age_band": TaxonomyTerm.objects.get(vocabulary="age_bands", slug="12-15").pk,
            "problem_areas": [TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme").pk]}
    data.update(overrides)
    return data


def test_a_member_opens_a_request_as_concept_and_sends_it_when_the_check_is_clean(client, requester, team,
                                                                                   coordinator, mailoutbox):
    client.force_login(requester)
    response = client.post("/consultatie/nieuw/", _form_data(team))
    req = ConsultationRequest.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{req.public_id}/versturen/")
    assert req.state == State.CONCEPT and req.requester == requester
    page = client.get(f"/consultatie/{req.public_id}/versturen/").content.decode()
    assert "geen herkenbare gegevens" in page
    client.post(f"/consultatie/{req.public_id}/versturen/", {})
    req.refresh_from_db()
    assert req.state == State.SUBMITTED and req.submitted_at is not None
    assert [(c.from_state, c.to_state) for c in req.state_changes.all()] == [("concept", "ingediend")]
    # The team hears of it; the mail has a link and no content.
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert str(req.public_id) in mailoutbox[0].body and CLEAN["situation"][:30] not in mailoutbox[0].body
    assert CLEAN["title"] not in mailoutbox[0].subject


def test_the_check_warns_on_a_planted_name_and_refuses_to_send_without_a_reason(client, requester, team):
    req = make_request(requester, team, situation="Daan Verhoeven woont thuis bij moeder.")
    client.force_login(requester)
    page = client.get(f"/consultatie/{req.public_id}/versturen/").content.decode()
    assert "Mogelijk herkenbare gegevens" in page and "<mark>Verhoeven</mark>" in page
    client.post(f"/consultatie/{req.public_id}/versturen/", {"override_reason": ""})
    req.refresh_from_db()
    assert req.state == State.CONCEPT
    # Rewritten: sent.
    client.post(f"/consultatie/{req.public_id}/bewerken/", _form_data(team, situation="De jongere woont thuis."))
    client.post(f"/consultatie/{req.public_id}/versturen/", {})
    req.refresh_from_db()
    assert req.state == State.SUBMITTED and req.anonymity_override_reason == ""


def test_an_override_is_recorded_with_its_reason_and_the_kinds_found(client, requester, team, coordinator):
    req = make_request(requester, team, situation="Daan Verhoeven woont thuis bij moeder.")
    client.force_login(requester)
    client.post(f"/consultatie/{req.public_id}/versturen/", {"override_reason": "Daan Verhoeven is een schuilnaam."})
    req.refresh_from_db()
    assert req.state == State.SUBMITTED
    assert req.anonymity_override_reason == "Daan Verhoeven is een schuilnaam." and "name" in req.anonymity_override_kinds
    assert req.state_changes.get().note == "override"
    client.force_login(coordinator)
    assert "Verstuurd ondanks de anonimiteitswaarschuwing" in client.get(f"/consultatie/{req.public_id}/").content.decode()


def test_an_unreachable_check_sends_nothing(client, requester, team, settings):
    settings.ANONYMITY_CHECK_URL = "http://127.0.0.1:9/"
    req = make_request(requester, team)
    client.force_login(requester)
    response = client.post(f"/consultatie/{req.public_id}/versturen/", {})
    req.refresh_from_db()
    assert req.state == State.CONCEPT and "niet bereikbaar" in response.content.decode()


def test_every_state_is_reachable_and_timestamped(requester, team, coordinator):
    req = make_request(requester, team, state=State.FOLLOWED_UP)
    assert [c.to_state for c in req.state_changes.all()] == [
        "ingediend", "in_behandeling", "advies_gegeven", "opgevolgd"]
    times = [c.at for c in req.state_changes.all()]
    assert times == sorted(times) and req.closed_at == times[-1]


def test_impossible_transitions_are_refused(requester, team, coordinator):
    req = make_request(requester, team)
    with pytest.raises(NotAllowed):
        transition(req, State.ADVISED)
    assert not StateChange.objects.exists()


def test_a_form_with_missing_parts_says_which_and_keeps_the_text(client, requester, team):
    client.force_login(requester)
    response = client.post("/consultatie/nieuw/", _form_data(team, question="", age_band=""))
    html = response.content.decode()
    assert response.status_code == 200 and not ConsultationRequest.objects.exists()
    assert html.count("Dit is een verplicht veld") == 2 and CLEAN["situation"] in html


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/consultatie/nieuw/")
    assert response.status_code == 302 and "next=/consultatie/nieuw/" in response["Location"]


def test_the_history_reads_in_dutch_words_and_dates(client, requester, team):
    """Trial 10 F11: the history showed 'ingediend (override)' and '29 Nov 2026'."""
    from datetime import datetime, timezone

    req = make_request(requester, team, situation="Daan Verhoeven woont thuis bij moeder.")
    client.force_login(requester)
    client.post(f"/consultatie/{req.public_id}/versturen/", {"override_reason": "Daan Verhoeven is een schuilnaam."})
    req.state_changes.update(at=datetime(2026, 11, 29, 12, 37, tzinfo=timezone.utc))
    page = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert "(verstuurd ondanks de anonimiteitswaarschuwing)" in page and "(override)" not in page
    assert "29 november 2026" in page and "29 Nov 2026" not in page


def test_team_choices_do_not_repeat_the_region(client, requester):
    """Trial 10 F12: 'Expertteam Zeeland (Zeeland)'."""
    import re

    from consultation.models import JeugdRegion

    client.force_login(requester)
    page = client.get("/consultatie/nieuw/").content.decode()
    options = re.findall(r"<option[^>]*>([^<]+)</option>", page)
    region = JeugdRegion.objects.filter(team_name="").order_by("name").first()
    assert f"Expertteam {region.name}" in options
    assert not [o for o in options if re.fullmatch(r"(.+ (.+)) \(\2\)", o)]
