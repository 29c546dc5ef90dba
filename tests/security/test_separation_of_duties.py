"""Finding 9: only editors and admins may mark an anonymity finding 'niet identificerend'. A moderator may see the
findings and rewrite the text, but cannot clear the publication gate, neither in the admin nor through the service."""

import pytest
from django.core.exceptions import PermissionDenied

from casebook import anonymity_gate as publishing
from casebook.anonymity_admin import findings_url
from casebook.models import CasePage, FindingDecision
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

PHONE = "06-12345678"  # fictional
FORM = {"field": "situation", "kind": "phone", "start": 21, "end": 32, "text": PHONE}


@pytest.fixture
def draft():
    page = make_case(publish=False, situation=f"Moeder belt vaak met {PHONE} naar school.")
    return CasePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def _finding(page):
    [finding] = publishing.unresolved_findings(page)["situation"]
    return finding


def test_moderator_sees_findings_but_cannot_clear_them_in_the_admin(client, draft):
    client.force_login(make_user("moderator"))
    page = client.get(findings_url(draft))
    assert page.status_code == 200 and f"<mark>{PHONE}</mark>" in page.content.decode()
    assert 'value="decide"' not in page.content.decode()
    refused = client.post(findings_url(draft), {**FORM, "action": "decide", "reason": "Is het crisisnummer."})
    assert refused.status_code in (302, 403)  # the Wagtail admin turns a refusal into a redirect with a message
    assert not FindingDecision.objects.exists()
    with pytest.raises(publishing.NotPublishable):
        publishing.assert_publishable(draft)


def test_the_service_refuses_a_moderator(draft):
    with pytest.raises(PermissionDenied):
        publishing.decide_not_identifying(draft, "situation", _finding(draft), "Crisisnummer.", make_user("moderator"))
    assert not FindingDecision.objects.exists()


def test_a_decision_by_someone_who_may_not_clear_does_not_count(draft):
    finding = _finding(draft)
    before, after = FindingDecision.context_of(draft.situation, finding)
    FindingDecision.objects.create(page_id=draft.pk, field="situation", kind=finding.kind, text=finding.text,
                                   context_before=before, context_after=after, reason="Oud besluit.",
                                   decided_by=make_user("moderator"))
    with pytest.raises(publishing.NotPublishable):
        publishing.assert_publishable(draft)


@pytest.mark.parametrize("role", ["editor", "admin", "superuser"])
def test_editors_and_admins_clear_findings(client, draft, role):
    client.force_login(make_user(role))
    assert 'value="decide"' in client.get(findings_url(draft)).content.decode()
    client.post(findings_url(draft), {**FORM, "action": "decide", "reason": "Het landelijke crisisnummer (fictief)."})
    assert FindingDecision.objects.count() == 1
    publishing.assert_publishable(draft)
