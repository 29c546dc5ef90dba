"""Issue 11 follow-up: the eight supra-regional expertisecentra receive consultation requests and referrals like the
42 regional expertteams. The typical route: a regional expertteam refers a case that is too complex to its
expertisecentrum, which runs the loop to the end (and may refer back)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import Channel, ReadEvent
from casebook.models import TaxonomyTerm
from consultation import metrics, services
from consultation.models import ConsultationRequest, ExpertAccount, FollowUp, Municipality, State, StateChange
from tests.factories import make_user

from .conftest import CLEAN, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def zwolle_region():
    return Municipality.objects.select_related("region__area").get(name="Zwolle").region


@pytest.fixture
def centre_coordinator(zwolle_region):
    user = make_user("member", username="centrum-coordinator")
    zwolle_region.area.coordinators.add(user)
    return user


@pytest.fixture
def region_coordinator(zwolle_region):
    user = make_user("member", username="regio-coordinator")
    zwolle_region.coordinators.add(user)
    return user


def test_a_region_refers_a_complex_case_to_its_expertisecentrum_which_runs_the_loop(
        client, requester, zwolle_region, region_coordinator, centre_coordinator, expert, mailoutbox):
    centre = zwolle_region.area
    req = make_request(requester, zwolle_region, state=State.SUBMITTED)
    # The regional coordinator is offered the expertisecentra next to the other expertteams, not their own team.
    client.force_login(region_coordinator)
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert "Bovenregionale expertisecentra" in html and f'value="{centre.team_key}"' in html
    assert f'value="{zwolle_region.team_key}"' not in html
    response = client.post(f"/consultatie/{req.public_id}/doorverwijzen/",
                           {"team": centre.team_key, "note": "te complex voor de regio"})
    assert response.status_code == 302
    req.refresh_from_db()
    copy = ConsultationRequest.objects.get(referred_from=req)
    assert req.state == State.REFERRED and req.state_changes.last().note == "te complex voor de regio"
    assert (copy.centre, copy.team, copy.state) == (centre, None, State.SUBMITTED)
    assert copy.question == req.question and copy.requester == requester
    assert mailoutbox[-1].to == [centre_coordinator.email] and CLEAN["title"] not in mailoutbox[-1].subject
    # Each team sees its own request only.
    assert client.get(f"/consultatie/{copy.public_id}/").status_code == 404
    client.force_login(centre_coordinator)
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 404
    listing = client.get("/consultatie/").content.decode()
    assert f"{copy.reference} ·" in listing and str(centre.display_name) in listing
    # Triage, invitation, discussion, advice: as for a regional team.
    client.post(f"/consultatie/{copy.public_id}/accepteren/")
    copy.refresh_from_db()
    assert copy.state == State.IN_PROGRESS
    html = client.get(f"/consultatie/{copy.public_id}/").content.decode()
    assert "Expert A." in html  # suggested from the expertise profiles
    account = ExpertAccount.objects.get(user=expert)
    client.post(f"/consultatie/{copy.public_id}/uitnodigen/", {"expert": expert.pk})
    assert copy.invitations.get().profile == account.profile and mailoutbox[-1].to == [expert.email]
    client.force_login(expert)
    assert client.get(f"/consultatie/{copy.public_id}/").status_code == 200
    client.post(f"/consultatie/{copy.public_id}/bericht/", {"body": "Is de leerplicht betrokken?"})
    assert copy.messages.get().author == expert
    assert client.get(f"/consultatie/{req.public_id}/").status_code == 404  # invited at the centre only
    client.force_login(centre_coordinator)
    client.post(f"/consultatie/{copy.public_id}/advies/", {
        "analysis": "Versnipperde regie.", "advice": "Eén regisseur.",
        "actions": "Gemeente: regisseur, binnen 2 weken", "plain_summary": "Eén persoon regelt alles."})
    copy.refresh_from_db()
    assert copy.state == State.ADVISED and copy.advice.written_by == centre_coordinator
    assert mailoutbox[-1].to == [requester.email]
    # An overdue follow-up is listed for the centre's coordinator.
    FollowUp.objects.filter(request=copy, weeks=6).update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    assert "opvolging na 6 weken" in client.get("/consultatie/").content.decode()
    client.force_login(requester)
    assert "Hoe ging het? (na 6 weken)" in client.get(f"/consultatie/{copy.public_id}/").content.decode()
    for _moment in copy.follow_ups.all():
        client.post(f"/consultatie/{copy.public_id}/opvolging/",
                    {"carried_out": "deels", "what_happened": "Er is een regisseur."})
    copy.refresh_from_db()
    assert copy.state == State.FOLLOWED_UP
    # The closed consultation becomes a draft case in the centre's region of the taxonomy.
    client.force_login(centre_coordinator)
    client.post(f"/consultatie/{copy.public_id}/casus/")
    copy.refresh_from_db()
    assert copy.case is not None and not copy.case.live
    if centre.region_term_id:
        assert copy.case.region == centre.region_term
    # Every view was audited, and the centre's coordinator reads the log.
    html = client.get(f"/consultatie/{copy.public_id}/").content.decode()
    assert "Wie heeft deze vraag bekeken" in html
    viewers = set(ReadEvent.objects.filter(channel=Channel.CONSULTATION, external_id=f"consultatie-{copy.public_id}")
                  .values_list("username", flat=True))
    assert viewers == {centre_coordinator.username, expert.username, requester.username}


def test_an_expertisecentrum_refers_back_to_a_regional_expertteam(client, requester, zwolle_region,
                                                                  region_coordinator, centre_coordinator):
    centre = zwolle_region.area
    req = make_request(requester, centre, state=State.SUBMITTED)
    client.force_login(centre_coordinator)
    html = client.get(f"/consultatie/{req.public_id}/").content.decode()
    assert f'value="{zwolle_region.team_key}"' in html and f'value="{centre.team_key}"' not in html
    client.post(f"/consultatie/{req.public_id}/doorverwijzen/", {"team": zwolle_region.team_key})
    copy = ConsultationRequest.objects.get(referred_from=req)
    assert (copy.team, copy.centre, copy.state) == (zwolle_region, None, State.SUBMITTED)
    note = copy.state_changes.get().note
    assert str(centre.display_name) in note
    client.force_login(region_coordinator)
    assert client.get(f"/consultatie/{copy.public_id}/").status_code == 200


def test_a_team_cannot_refer_to_itself_and_a_bad_team_key_says_so(client, requester, zwolle_region,
                                                                    centre_coordinator):
    centre = zwolle_region.area
    req = make_request(requester, centre, state=State.SUBMITTED)
    client.force_login(centre_coordinator)
    for key in (centre.team_key, "centrum-999999", "regio-x", "onzin"):
        response = client.post(f"/consultatie/{req.public_id}/doorverwijzen/", {"team": key}, follow=True)
        assert "Doorverwijzen naar:" in response.content.decode(), key  # the error names the field
    req.refresh_from_db()
    assert req.state == State.SUBMITTED and not ConsultationRequest.objects.filter(referred_from=req).exists()
    with pytest.raises(services.NotAllowed):
        services.refer(req, centre_coordinator, centre)


def test_a_member_asks_an_expertisecentrum_straight_from_the_directory(client, requester, zwolle_region,
                                                                       centre_coordinator, mailoutbox):
    centre = zwolle_region.area
    html = client.get("/expertteams/", {"gemeente": "Zwolle"}).content.decode()
    link = f"{reverse('consultation:request_create')}?centrum={centre.slug}"
    assert f'href="{link}"' in html and "Een vraag stellen aan dit expertisecentrum" in html
    client.force_login(requester)
    form = client.get(link).content.decode()
    assert f'<option value="{centre.team_key}" selected>' in form
    data = {**CLEAN, "team": centre.team_key, "urgency": "snel",
            "age_band": TaxonomyTerm.objects.get(vocabulary="age_bands", slug="12-15").pk,
            "problem_areas": [TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme").pk]}
    client.post(link, data)
    req = ConsultationRequest.objects.get()
    assert (req.centre, req.team) == (centre, None)
    assert str(centre.display_name) in client.get(f"/consultatie/{req.public_id}/versturen/").content.decode()
    # Editing keeps the centre chosen.
    edit = client.get(f"/consultatie/{req.public_id}/bewerken/").content.decode()
    assert f'<option value="{centre.team_key}" selected>' in edit
    client.post(f"/consultatie/{req.public_id}/versturen/", {})
    req.refresh_from_db()
    assert req.state == State.SUBMITTED and mailoutbox[-1].to == [centre_coordinator.email]


def test_a_request_form_without_a_known_team_names_the_field(client, requester):
    client.force_login(requester)
    response = client.post("/consultatie/nieuw/", {**CLEAN, "team": "centrum-999999"})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_team_error"' in html and "centrum-999999" in html
    assert CLEAN["situation"] in html  # nothing typed is lost
    assert not ConsultationRequest.objects.exists()


def test_response_times_of_an_expertisecentrum_are_shown_in_the_directory(client, requester, zwolle_region,
                                                                          centre_coordinator):
    centre = zwolle_region.area
    base = timezone.now().replace(microsecond=0) - datetime.timedelta(days=30)
    for accepted, advised in [(1, 4), (3, 10)]:
        req = make_request(requester, centre, state=State.ADVISED)
        for to_state, days in ((State.SUBMITTED, 0), (State.IN_PROGRESS, accepted), (State.ADVISED, advised)):
            StateChange.objects.filter(request=req, to_state=to_state).update(at=base + datetime.timedelta(days=days))
    times = metrics.team_response_times()
    assert times[centre.team_key]["first_response"] == datetime.timedelta(days=2)
    assert times[centre.team_key]["advice"] == datetime.timedelta(days=7)
    assert zwolle_region.team_key not in times  # the region had no requests; the centre's are its own
    html = client.get("/expertteams/", {"gemeente": "Zwolle"}).content.decode()
    region_part, centre_part = html.split(str(centre.display_name), 1)
    assert "nog geen vragen" in region_part.split("Regionaal expertteam")[1]
    assert "2.0 dagen (2 vragen)" in centre_part or "2,0 dagen (2 vragen)" in centre_part
    assert "7.0 dagen (2 adviezen)" in centre_part or "7,0 dagen (2 adviezen)" in centre_part


def test_a_request_asks_exactly_one_team_or_centre(requester, zwolle_region):
    age_band = TaxonomyTerm.objects.get(vocabulary="age_bands", slug="12-15")
    for both_or_none in ({"team": zwolle_region, "centre": zwolle_region.area}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ConsultationRequest.objects.create(requester=requester, age_band=age_band, **CLEAN, **both_or_none)


def test_editors_name_the_coordinators_of_an_expertisecentrum_in_the_admin(client, editor, zwolle_region):
    centre = zwolle_region.area
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_consultation_expertisearea:edit", args=[centre.pk])).content.decode()
    assert 'name="coordinators"' in html
