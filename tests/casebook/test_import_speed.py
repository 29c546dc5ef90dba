"""Bulk import shortcuts (issue 13) keep the anonymity gate: each case's texts are checked once, not twice, and a
case with a finding still stays a draft."""

import json

import pytest

from casebook import anonymity_gate
from casebook.interchange.importing import import_lines
from casebook.models import CasePage
from anonymity.findings import Finding
from tests.factories import case_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted_checker(monkeypatch):
    """A stand-in checker that flags the word 'Jansen' and counts how often each text is checked."""
    calls = []

    def check(fields):
        calls.append(dict(fields))
        return {name: ([Finding(kind="naam", text="Jansen", start=text.index("Jansen"), end=text.index("Jansen") + 6)]
                       if "Jansen" in text else []) for name, text in fields.items()}

    monkeypatch.setattr(anonymity_gate, "_check_fields", check)
    # New cases are checked in batches (issue 13): the batch seam counts each case's texts as one check too.
    monkeypatch.setattr(anonymity_gate, "_check_many", lambda batch: [check(fields) for fields in batch])
    return calls


def test_publishing_import_checks_each_case_once_and_still_holds_back_findings(counted_checker):
    clean = [case_record(external_id=f"clean-{i}", title=f"Doorbraak nummer {i} na lang zoeken") for i in range(3)]
    flagged = case_record(external_id="flagged", situation="De familie Jansen woonde in de regio.")
    summary = import_lines([json.dumps(r) for r in [*clean, flagged]], visibility="public", publish=True)

    assert len(counted_checker) == 4  # once per case: gate and publish share the answer
    assert sorted(summary.published) == ["clean-0", "clean-1", "clean-2"]
    assert [external_id for external_id, _ in summary.held_back] == ["flagged"]
    assert not CasePage.objects.get(external_id="flagged").live


def test_outside_an_import_every_check_asks_the_checker(counted_checker):
    import_lines([json.dumps(case_record(external_id="one"))], visibility="public", publish=True)
    page = CasePage.objects.get(external_id="one")
    anonymity_gate.check_page(page)
    anonymity_gate.check_page(page)
    assert len(counted_checker) == 3
