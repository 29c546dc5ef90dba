"""Layout on a phone (trial 10 F15): the family read link, a long address with a token, wraps instead of making the
consultation page wider than the screen."""

import pytest

from consultation.models import ConsultationRequest, JeugdRegion, State
from tests.factories import make_user

from .conftest import make_request

pytestmark = pytest.mark.browser
PASSWORD = "geheim-wachtwoord-123"


def test_the_family_read_link_fits_a_375_px_screen(live_site, browser):
    requester = make_user("member", username="aanvrager")
    team = JeugdRegion.objects.order_by("name").first()
    team.coordinators.add(make_user("member", username="coordinator"))
    req = make_request(requester, team, state=State.ADVISED)
    ConsultationRequest.objects.filter(pk=req.pk).update(family_link_enabled=True)
    context = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        page.goto(live_site.url + "/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(requester.username)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        page.goto(live_site.url + f"/consultatie/{req.public_id}/")
        link = page.locator(f'a[href$="/advies/{req.family_token}/"]')
        assert req.family_token in link.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
