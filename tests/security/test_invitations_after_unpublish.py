"""Finding 2: an invitation link does not outlive its case. Once the case is unpublished, an unused link cannot
be redeemed and a redeemed one no longer shows the case's text."""

import pytest
from django.urls import reverse

from learning import services
from learning.models import Reflection
from tests.factories import make_case

pytestmark = pytest.mark.django_db

STORY = "De moeder belde elke week met de gemeente over een plek"


@pytest.fixture
def case():
    return make_case(title="Casus die wordt ingetrokken", situation=STORY + ".")


def _link(case, moderator):
    invitation, token = services.create_invitation(case, moderator)
    return invitation, invitation.get_url(token)


def test_unused_invitation_cannot_be_redeemed_after_unpublish(client, case, moderator):
    invitation, url = _link(case, moderator)
    case.unpublish()
    landing = client.get(url)
    assert landing.status_code == 410 and "niet meer beschikbaar" in landing.content.decode()
    assert client.post(url).status_code == 410
    invitation.refresh_from_db()
    assert invitation.used_at is None and not Reflection.objects.filter(invitation=invitation).exists()


def test_redeemed_invitation_stops_showing_the_case_after_unpublish(client, case, moderator):
    invitation, url = _link(case, moderator)
    client.post(url)
    write_url = reverse("learning:invitation_write", args=[invitation.public_id])
    assert STORY in client.get(write_url).content.decode()

    case.unpublish()
    response = client.get(write_url)
    assert response.status_code == 410
    html = response.content.decode()
    assert STORY not in html and case.title not in html and "niet meer beschikbaar" in html
    # Nor can anything be written to it any more.
    assert client.post(write_url, {"body": "Nog iets", "sign_as": "anonymous", "submit": "1"}).status_code == 410
