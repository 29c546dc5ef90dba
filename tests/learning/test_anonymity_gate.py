"""The gate before publication, against the real anonymity check (deduce plus rules; slow to load)."""

import pytest

from learning import publication_check
from learning.models import Lesson

pytestmark = [pytest.mark.django_db, pytest.mark.deduce]


def test_real_check_finds_identifying_details_in_a_lesson():
    lesson = Lesson(statement="Bel de moeder van Jeroen Bakker altijd eerst op 06-12345678.",
                    explanation="Zij woont aan de Dorpsstraat 12 in Appingedam.")
    findings = publication_check.findings_for(lesson)
    kinds = {finding["kind"] for finding in findings}
    assert "phone" in kinds and {"name", "address"} & kinds
    assert all(finding["label"] for finding in findings)


def test_real_check_passes_an_anonymised_lesson():
    lesson = Lesson(statement="Organiseer één plan met één regisseur voordat de jongere 18 wordt.",
                    explanation="Bij de overgang naar volwassenenzorg valt hulp vaak weg.")
    assert publication_check.findings_for(lesson) == []
