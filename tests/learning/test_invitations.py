"""Invitation links: one case, once, until they expire; only the token's hash is stored."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import Decision, Invitation, Reflection, Status, hash_token
from tests.factories import make_case

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def invite(case, moderator, **kwargs):
    invitation, token = services.create_invitation(case, moderator, **kwargs)
    return invitation, invitation.get_url(token), token


def test_only_a_hash_of_the_token_is_stored(case, moderator):
    invitation, url, token = invite(case, moderator)
    assert len(token) >= 43 and invitation.token_hash == hash_token(token)
    assert token not in str(Invitation.objects.filter(pk=invitation.pk).values().get())
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_moderator_creates_a_link_and_may_mail_it(client, case, moderator):
    client.force_login(moderator)
    response = client.post(reverse("learning:invitation_create", args=[case.pk]),
                           {"days": 7, "email": "uitgenodigde@example.org"})
    link = re.search(r'value="(http[^"]+/leren/uitnodiging/[^"]+)"', response.content.decode()).group(1)
    assert link in mail.outbox[0].body
    assert "uitgenodigde@example.org" not in str(Invitation.objects.values().get())


def test_link_works_once_for_one_case(client, moderator):
    case = make_case(visibility="network", title="Een netwerkcasus over een tienermeisje en haar vader")
    other = make_case(visibility="network", title="Een heel andere casus")
    invitation, url, token = invite(case, moderator)

    landing = client.get(url)  # a GET (e.g. a mail scanner) does not spend the link
    assert landing.status_code == 200 and "Beginnen" in landing.content.decode()
    assert client.get(url).status_code == 200

    response = client.post(url)
    write_url = reverse("learning:invitation_write", args=[invitation.public_id])
    assert response.status_code == 302 and response["Location"] == write_url
    page = client.get(write_url).content.decode()
    assert "tienermeisje en haar vader" in page and "heel andere casus" not in page
    # The invitation shows this case on its own page; it opens no other case (nor this one's page).
    assert client.get(other.url).status_code == 404
    assert client.get(case.url).status_code == 404

    # Draft, then submit with an e-mail address for the outcome.
    client.post(write_url, {"body": "Eerst een begin.", "sign_as": "anonymous", "draft": "1"})
    reflection = Reflection.objects.get(invitation=invitation)
    assert reflection.status == Status.DRAFT and reflection.body == "Eerst een begin." and reflection.author is None
    client.post(write_url, {"body": "Wat hielp: iemand die bleef.", "sign_as": "pseudonym", "pseudonym": "Vader",
                            "contact_email": "vader@example.org", "submit": "1"})
    reflection.refresh_from_db()
    assert reflection.status == Status.SUBMITTED and reflection.case == case and reflection.signature == "Vader"
    assert "Verstuurd" in client.get(write_url).content.decode() or "Ingediend" in client.get(write_url).content.decode()

    # Reuse: refused, with a clear Dutch message — in this browser and in any other.
    for c in (client, client.__class__()):
        refused = c.get(url)
        assert refused.status_code == 410 and "al gebruikt" in refused.content.decode()
        assert c.post(url).status_code == 410
    assert Reflection.objects.filter(invitation=invitation).count() == 1


def test_invited_person_is_told_what_happened(client, moderator, django_capture_on_commit_callbacks):
    case = make_case(visibility="public")
    invitation, url, token = invite(case, moderator)
    client.post(url)
    client.post(reverse("learning:invitation_write", args=[invitation.public_id]),
                {"body": "Ik wil dat ze eerst luisteren.", "sign_as": "anonymous",
                 "contact_email": "ouder@example.org", "submit": "1"})
    reflection = Reflection.objects.get(invitation=invitation)
    meeting = make_meeting(moderator)
    item = services.add_to_agenda(meeting, reflection)
    services.record_decision(item, Decision.ACCEPT, "Herkenbaar.")
    with django_capture_on_commit_callbacks(execute=True):
        services.close_meeting(meeting, moderator)
    message = mail.outbox[-1]
    assert message.to == ["ouder@example.org"]
    assert "Wat er met jouw verhaal is gebeurd" in message.subject
    assert "het staat nu op Doorbraak" in message.body
    status = client.get(reverse("learning:invitation_write", args=[invitation.public_id])).content.decode()
    assert "aanvaard" in status
    assert "Ik wil dat ze eerst luisteren." in client.get(case.url).content.decode()


def test_expired_link_is_refused(client, case, moderator):
    invitation, url, token = invite(case, moderator)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 410 and "verlopen" in response.content.decode()
    assert not Reflection.objects.exists()


def test_guessed_links_are_refused(client, case, moderator):
    invitation, url, token = invite(case, moderator)
    import uuid

    guesses = [
        reverse("learning:invitation", args=[invitation.public_id, token[:-1] + ("A" if token[-1] != "A" else "B")]),
        reverse("learning:invitation", args=[uuid.uuid4(), token]),
        reverse("learning:invitation", args=[invitation.public_id, "x"]),
    ]
    for guess in guesses:
        for method in (client.get, client.post):
            response = method(guess)
            assert response.status_code == 404 and "Deze link klopt niet" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.used_at is None
    assert client.get(url).status_code == 200  # the real link still works


def test_writing_page_needs_the_session_that_opened_the_link(client, case, moderator):
    invitation, url, token = invite(case, moderator)
    write_url = reverse("learning:invitation_write", args=[invitation.public_id])
    assert client.get(write_url).status_code == 404
    client.post(url)
    assert client.get(write_url).status_code == 200
    assert client.__class__().get(write_url).status_code == 404


def test_link_points_at_the_site_the_moderator_is_using(client, case, moderator, settings):
    """Trial 10 F18: the link (shown and mailed) was built for WAGTAILADMIN_BASE_URL (localhost:8000), a dead address
    for the invitee. It follows the site in use; the page says the link is shown once and how to make a new one."""
    settings.WAGTAILADMIN_BASE_URL = "http://localhost:8000"
    client.force_login(moderator)
    response = client.post(reverse("learning:invitation_create", args=[case.pk]),
                           {"days": 7, "email": "uitgenodigde@example.org"}, HTTP_HOST="doorbraak.example.nl",
                           secure=True)
    page = response.content.decode()
    link = re.search(r'value="([^"]+)"', page.split('id="invitation-link"')[1]).group(1)
    assert link.startswith("https://doorbraak.example.nl/leren/uitnodiging/")
    assert link in mail.outbox[0].body and "localhost" not in mail.outbox[0].body
    assert "niet meer op te vragen" in page
    assert f'href="{reverse("learning:invitation_create", args=[case.pk])}"' in page


def test_mails_without_a_request_use_the_configured_address(settings):
    from casebook.links import absolute_url

    settings.WAGTAILADMIN_BASE_URL = "https://doorbraak.example.nl/"
    assert absolute_url("/leren/mijn-bijdragen/") == "https://doorbraak.example.nl/leren/mijn-bijdragen/"
