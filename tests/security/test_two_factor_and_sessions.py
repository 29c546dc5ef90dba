"""Two-factor authentication for editors, moderators and admins (django-otp), and sessions that expire: idle for
everyone, at browser close for privileged roles."""

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_SEEN, STARTED
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.REQUIRE_TWO_FACTOR = True


def sign_in(client, user):
    response = client.post("/inloggen/", {"username": user.username, "password": PASSWORD, "next": "/cms/"})
    assert response.status_code == 302
    return response


def current_code(device):
    device.refresh_from_db()
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def set_up_two_factor(client, user):
    setup = client.get(reverse("two_factor_setup"))
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=user)
    done = client.post(reverse("two_factor_setup"), {"code": f"{current_code(device):06d}", "next": "/cms/"})
    assert done.status_code == 200
    return device, re.findall(r"<code>(\d{8})</code>", done.content.decode())


@pytest.mark.parametrize("role", ["editor", "moderator", "admin", "superuser"])
def test_privileged_roles_must_set_up_and_use_a_second_factor(client, role):
    user = make_user(role)
    restricted = make_case(visibility="restricted")
    sign_in(client, user)
    for url in ("/cms/", "/leren/bijeenkomsten/", restricted.url, "/api/v1/search?q=casus", "/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_setup")), url

    setup = client.get(reverse("two_factor_setup")).content.decode()
    assert "<svg" in setup and "otp-key" in setup
    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert "klopt niet" in wrong.content.decode()
    # (A wrong code makes the device wait a moment, see test_wrong_codes_are_throttled; skip that wait here.)
    TOTPDevice.objects.filter(user=user).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    _device, codes = set_up_two_factor(client, user)
    assert len(codes) == 10
    assert client.get("/cms/").status_code == 200
    assert client.get(restricted.url).status_code == 200

    # Next session: the code is asked again; a backup code works once.
    client.post(reverse("logout"))
    sign_in(client, user)
    assert client.get("/cms/")["Location"].startswith(reverse("two_factor_verify"))
    assert client.post(reverse("two_factor_verify"), {"code": codes[0], "next": "/cms/"})["Location"] == "/cms/"
    client.post(reverse("logout"))
    sign_in(client, user)
    assert "klopt niet" in client.post(reverse("two_factor_verify"), {"code": codes[0]}).content.decode()


def test_wrong_codes_are_throttled(client):
    user = make_user("editor")
    sign_in(client, user)
    device, _codes = set_up_two_factor(client, user)
    client.post(reverse("logout"))
    sign_in(client, user)
    for _ in range(3):
        client.post(reverse("two_factor_verify"), {"code": "123456"})
    # Even the right code waits now (django-otp's back-off after failures).
    response = client.post(reverse("two_factor_verify"), {"code": f"{current_code(device):06d}"})
    assert response.status_code == 200 and "Te veel verkeerde codes" in response.content.decode()


def test_members_are_not_asked_for_a_second_factor(client):
    member = make_user("member")
    sign_in(client, member)
    assert client.get("/casussen/").status_code == 200
    assert not client.session.get_expire_at_browser_close()


def test_privileged_sessions_end_with_the_browser(client):
    sign_in(client, make_user("moderator"))
    client.get("/")
    assert client.session.get_expire_at_browser_close()
    cookie = client.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]


@pytest.mark.parametrize("role, idle_minutes, signed_out", [("member", 119, False), ("member", 121, True),
                                                             ("editor", 29, False), ("editor", 31, True)])
def test_idle_sessions_end(client, settings, role, idle_minutes, signed_out):
    settings.REQUIRE_TWO_FACTOR = False
    client.force_login(make_user(role))
    client.get("/")
    session = client.session
    session[LAST_SEEN] = int(time.time()) - idle_minutes * 60
    session.save()
    response = client.get("/casussen/")
    assert (response.status_code == 302 and "/inloggen/" in response["Location"]) == signed_out
    assert ("_auth_user_id" in client.session) != signed_out


def test_no_session_outlives_a_working_day_however_active(client):
    client.force_login(make_user("member"))
    client.get("/")
    session = client.session
    session[STARTED] = int(time.time()) - 12 * 60 * 60 - 60
    session.save()
    response = client.get("/casussen/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_wagtail_account_menu_offers_two_factor(client):
    user = make_user("editor")
    sign_in(client, user)
    set_up_two_factor(client, user)
    assert "Tweestapsverificatie" in client.get("/cms/account/").content.decode()
