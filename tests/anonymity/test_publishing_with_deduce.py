"""Issue 4's 'done when', with the real detector (deduce plus our rules): a name, a BSN or a village keeps a case
from being published by import, by the admin and by any revision.publish(); once resolved it publishes."""

import json

import pytest

from casebook import anonymity_gate as publishing
from casebook.interchange.importing import import_lines
from casebook.models import AnonymityStatus, CasePage
from tests.factories import case_record

pytestmark = [pytest.mark.django_db, pytest.mark.deduce]

IDENTIFYING = {
    "name": "De moeder, Fatima el Amrani, belde het expertteam.",  # fictional
    "bsn": "Zijn BSN is 123.456.782.",  # fictional, passes the elfproef
    "village": "Het gezin woont in Oosterwolde, vlak bij de school.",
}


@pytest.mark.parametrize("kind", IDENTIFYING)
def test_identifying_detail_holds_back_publication_until_rewritten(kind, detector):
    record = case_record(situation=IDENTIFYING[kind])
    summary = import_lines([json.dumps(record)], publish=True)
    page = CasePage.objects.get(external_id=record["external_id"])
    assert not page.live and summary.published == []
    assert page.anonymity_status == AnonymityStatus.PENDING

    revision = page.get_latest_revision()
    with pytest.raises(publishing.NotPublishable, match="situatie"):
        revision.publish()

    working = revision.as_object()
    working.situation = "Het gezin woont in het noorden van het land; de moeder belde het expertteam."
    working.save_revision().publish()
    assert CasePage.objects.get(pk=page.pk).live
