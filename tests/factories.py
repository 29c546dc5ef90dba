"""Fictional test data. Nothing here describes a real person."""

import itertools

from django.contrib.auth.models import Group, User

from casebook.interchange.importing import apply_record
from casebook.models import CaseIndexPage, CasePage, TaxonomyTerm

_ids = itertools.count(1)

BASE_RECORD = {
    "title": "Jongere met autisme vindt na afwijzingen een passende plek",
    "summary": "Een jongere tussen 12 en 16 jaar met ASS werd door meerdere aanbieders afgewezen. "
    "Het expertteam organiseerde expertise op de plek waar hij woonde.",
    "situation": "De jongere woont thuis bij zijn moeder. Er is veel agressie in huis.",
    "stuck_points": "Drie aanbieders wezen hem af als te complex. Er was geen regie.",
    "approach": "Een procesregisseur bracht alle betrokkenen samen in een multidisciplinair overleg.",
    "outcome": "Hij gaat weer twee dagen per week naar school.",
    "lessons": ["Breng expertise naar de jongere in plaats van andersom."],
    "problem_areas": ["autisme", "gedragsproblemen"],
    "age_band": "12-15",
    "region": "noord",
    "stuck_reasons": ["afgewezen-door-aanbieders"],
    "outcome_status": "doorbraak",
    "year": 2023,
    "consent": "fictief",
}


def case_record(**overrides):
    record = dict(BASE_RECORD, external_id=f"test-{next(_ids):04d}")
    record.update(overrides)
    return record


def make_case(*, visibility="public", publish=True, **overrides):
    """A case page created through the same code path as the importer."""
    record = case_record(**overrides)
    terms = {(t.vocabulary, t.slug): t for t in TaxonomyTerm.objects.all()}
    page = apply_record(CasePage(live=False, visibility=visibility), record, terms)
    CaseIndexPage.objects.get().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_user(role=None, username=None, password="geheim-wachtwoord-123"):
    username = username or f"{role or 'anon'}-{next(_ids)}"
    user = User.objects.create_user(username=username, password=password, email=f"{username}@example.org")
    if role == "superuser":
        user.is_superuser = user.is_staff = True
        user.save()
    elif role:
        user.groups.add(Group.objects.get(name=role))
    return user
