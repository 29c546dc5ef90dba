"""Sign-in: lockout after repeated wrong passwords (django-axes) on the site's and the admin's login, throttling per
address of every sign-in form, and a password-reset flow for members that gives nothing away."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"


def _attempt(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


@pytest.mark.parametrize("url", ["/inloggen/", "/cms/login/"])
def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(client, url):
    user = make_user("editor")
    for _ in range(4):
        assert _attempt(client, url, user.username, "fout").status_code == 200
    locked = _attempt(client, url, user.username, "fout")
    assert locked.status_code == 429 and "Even geblokkeerd" in locked.content.decode()
    # Now even the right password is refused, from another address too.
    other = client.__class__(REMOTE_ADDR="10.1.2.3")
    assert _attempt(other, url, user.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in other.session


def test_one_address_cannot_spray_many_usernames(client):
    users = [make_user("member") for _ in range(6)]
    statuses = [_attempt(client, "/inloggen/", user.username, "fout").status_code for user in users]
    assert statuses[-1] == 429  # the address is locked after five failures, whichever accounts they were for


def test_a_successful_sign_in_resets_the_count(client):
    user = make_user("member")
    for _ in range(4):
        _attempt(client, "/inloggen/", user.username, "fout")
    assert _attempt(client, "/inloggen/", user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert _attempt(client, "/inloggen/", user.username, "fout").status_code == 200


def test_password_reset_for_a_member(client):
    user = make_user("member")
    form = client.get(reverse("password_reset"))
    assert form.status_code == 200 and "E-mailadres" in form.content.decode()
    assert "Wachtwoord vergeten?" in client.get("/inloggen/").content.decode()

    done = client.post(reverse("password_reset"), {"email": user.email})
    assert done.status_code == 302
    unknown = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert unknown.status_code == 302 and unknown["Location"] == done["Location"]  # gives nothing away
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    link = re.search(r"https?://[^/]+(/wachtwoord-herstellen/\S+/)", mail.outbox[0].body).group(1)

    page = client.get(link, follow=True)
    assert "Nieuw wachtwoord" in page.content.decode()
    new = "een-heel-nieuw-wachtwoord-42"
    saved = client.post(page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True)
    assert "Wachtwoord opgeslagen" in saved.content.decode()
    user.refresh_from_db()
    assert user.check_password(new)
    assert "werkt niet meer" in client.get(link, follow=True).content.decode()  # used once


def test_reset_mails_to_one_address_are_limited(client):
    user = make_user("member")
    statuses = [client.post(reverse("password_reset"), {"email": user.email}).status_code for _ in range(5)]
    assert statuses[:3] == [302, 302, 302] and statuses[3] == 429
    assert len(mail.outbox) == 3


def test_successful_sign_ins_from_one_address_are_never_throttled(client, settings):
    """Trial 10 F9: ~30 correct sign-ins from one office address in 10 minutes locked out everyone there."""
    settings.SIGN_IN_RATE = "3/10m"
    colleagues = [make_user("member") for _ in range(8)]
    for user in colleagues:
        response = _attempt(client, "/inloggen/", user.username, PASSWORD)
        assert response.status_code == 302, "a correct password signs in, however many colleagues did before"
        client.logout()
    assert _attempt(client, "/cms/login/", make_user("editor").username, PASSWORD).status_code == 302


def test_failed_sign_in_posts_per_address_are_throttled(client, settings):
    settings.SIGN_IN_RATE = "3/10m"
    user = make_user("member")
    others = [make_user("member") for _ in range(3)]
    for other in others:  # one failure per account: axes' per-account lock is not reached
        assert _attempt(client, "/inloggen/", other.username, "fout").status_code == 200
    throttled = _attempt(client, "/inloggen/", user.username, PASSWORD)
    assert throttled.status_code == 429 and "Te veel pogingen" in throttled.content.decode()
    assert throttled["Retry-After"]
