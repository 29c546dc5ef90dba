"""Fixtures for the learning loop. The anonymity check runs rules-only here (tests/conftest.py); tests that need a
finding write a fictional phone number."""

import os

import pytest

from learning import services
from learning.models import Lesson, NetworkMeeting, Reflection

@pytest.fixture
def taxonomy(transactional_db):
    """The seeded taxonomy comes from a data migration; a flush by an earlier transactional test removes it."""
    from django.core.management import call_command

    from casebook.models import TaxonomyTerm

    if not TaxonomyTerm.objects.exists():
        call_command("load_taxonomy", stdout=open(os.devnull, "w"))


def make_lesson(author, *, statement="Organiseer één plan met één regisseur voordat de jongere 18 wordt.",
                explanation="Bij de overgang naar 18+ valt hulp weg. **Begin op tijd.**", cases=(), themes=(),
                submit=False):
    lesson = Lesson(author=author, statement=statement, explanation=explanation)
    lesson.save()
    lesson.cases.set(list(cases))
    lesson.themes.set(list(themes))
    lesson.save()
    if submit:
        services.submit(lesson, author)
    return lesson


def make_reflection(author, *, case=None, lesson=None, body="Ik werd eindelijk gehoord toen er één vast gezicht kwam.",
                    pseudonym="Moeder van een tiener", submit=False, contact_email=""):
    reflection = Reflection.objects.create(author=author, case=case, lesson=lesson, body=body, pseudonym=pseudonym,
                                           contact_email=contact_email)
    if submit:
        services.submit(reflection, author)
    return reflection


def make_meeting(moderator, title="Netwerkbijeenkomst Noord", date="2026-03-12"):
    return NetworkMeeting.objects.create(title=title, date=date, created_by=moderator,
                                         participants="Expertteam Noord\nErvaringsdeskundige (ouder)")


def decide(meeting, contribution, decision, minutes="", *, moderator):
    """Put one contribution on the agenda, decide, and close the meeting."""
    item = services.add_to_agenda(meeting, contribution)
    services.record_decision(item, decision, minutes)
    result = services.close_meeting(meeting, moderator)
    contribution.refresh_from_db()
    return result


def decide_all(meeting, decisions, *, moderator):
    """decisions: [(contribution, decision, minutes)] on one agenda, then close."""
    for contribution, decision, minutes in decisions:
        services.record_decision(services.add_to_agenda(meeting, contribution), decision, minutes)
    result = services.close_meeting(meeting, moderator)
    for contribution, _decision, _minutes in decisions:
        contribution.refresh_from_db()
    return result
