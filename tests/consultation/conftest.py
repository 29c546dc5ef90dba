"""Fixtures for consultation requests. All text is fictional."""

import pytest

from casebook.models import ExpertIndexPage, ExpertProfilePage, TaxonomyTerm
from consultation import services
from consultation.models import ConsultationRequest, ExpertAccount, ExpertiseArea, JeugdRegion, State
from tests.factories import make_user

CLEAN = {
    "title": "Thuiszitter met autisme, drie keer afgewezen",
    "question": "Waar lopen we op vast: geen aanbieder wil de jongere opnemen. Wat kunnen we nog proberen?",
    "situation": "De jongere woont thuis bij moeder en zit al een jaar thuis. Er is veel spanning in huis.",
    "tried": "Ambulante begeleiding en twee aanmeldingen bij een zorgboerderij; beide afgewezen.",
    "needed": "Een plek waar onderwijs en zorg samen komen.",
}


@pytest.fixture
def team(db):
    return JeugdRegion.objects.select_related("area").order_by("name").first()


@pytest.fixture
def centre(db):
    """A supra-regional expertisecentrum, asked like an expertteam."""
    return ExpertiseArea.objects.order_by("sort_order", "name").first()


@pytest.fixture
def other_team(db, team):
    return JeugdRegion.objects.exclude(pk=team.pk).order_by("name").first()


@pytest.fixture
def coordinator(team):
    user = make_user("member", username="coordinator")
    team.coordinators.add(user)
    return user


@pytest.fixture
def requester(db):
    return make_user("member", username="aanvrager")


@pytest.fixture
def outsider(db):
    return make_user("member", username="buitenstaander")


@pytest.fixture
def other_coordinator(other_team):
    user = make_user("member", username="andere-coordinator")
    other_team.coordinators.add(user)
    return user


def make_profile(title, areas=("autisme",), *, user=None, cases=()):
    index = ExpertIndexPage.objects.get()
    profile = index.add_child(instance=ExpertProfilePage(
        title=title, job_title="Gedragswetenschapper", availability_note="Op dinsdag en donderdag",
        bio="Ervaring met vastgelopen plaatsingen."))
    profile.expertise_areas.set(TaxonomyTerm.objects.filter(vocabulary="problem_areas", slug__in=areas))
    profile.cases.set(cases)
    profile.save_revision().publish()
    if user is not None:
        ExpertAccount.objects.create(profile=profile, user=user)
    return profile


@pytest.fixture
def expert(db):
    user = make_user("member", username="expert")
    make_profile("Expert A.", user=user)
    return user


def make_request(requester, team, state=State.CONCEPT, **overrides):
    req = ConsultationRequest.objects.create(
        requester=requester, receiver=team, age_band=TaxonomyTerm.objects.get(vocabulary="age_bands", slug="12-15"),
        **{**CLEAN, **overrides})
    req.problem_areas.set(TaxonomyTerm.objects.filter(vocabulary="problem_areas", slug__in=["autisme", "thuiszitten"]))
    req.stuck_reasons.set(TaxonomyTerm.objects.filter(vocabulary="stuck_reasons", slug="afgewezen-door-aanbieders"))
    coordinator = team.coordinators.first()
    if state == State.CONCEPT:
        return req
    assert services.submit(req, requester) == {}
    if state == State.SUBMITTED:
        return req
    if state == State.REFERRED:
        # An expertteam refers on to another region; an expertisecentrum back to one of its regions.
        other = (JeugdRegion.objects.exclude(pk=team.pk).first() if isinstance(team, JeugdRegion)
                 else team.regions.first())
        services.refer(req, coordinator, other)
        return req
    if state == State.WITHDRAWN:
        services.withdraw(req, requester)
        return req
    services.accept(req, coordinator)
    if state == State.IN_PROGRESS:
        return req
    services.write_advice(req, coordinator, analysis="Het vastlopen komt door versnipperde regie.",
                          advice="Beleg één regisseur en organiseer onderwijs-zorg op maat.",
                          actions="Gemeente: regisseur aanwijzen, binnen 2 weken\nSchool: maatwerkplan, binnen 6 weken",
                          plain_summary="Eén persoon gaat alles regelen. De school maakt een plan.")
    if state == State.ADVISED:
        return req
    for follow_up in req.follow_ups.all():
        services.answer_follow_up(follow_up, requester, carried_out="deels", what_happened="Er is een regisseur.",
                                  stuck_reasons=TaxonomyTerm.objects.filter(slug="wachtlijst"))
    req.refresh_from_db()
    assert req.state == State.FOLLOWED_UP
    return req
