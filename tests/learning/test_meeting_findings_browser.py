"""Trial F7 in headless Chromium, no JavaScript, phone-sized: the agenda marks an item the anonymity check would hold
back, the item page shows the findings before the decision, and both pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from learning import services
from tests.browser.axe import serious_violations
from tests.factories import make_case, make_user

from .conftest import make_meeting, make_reflection
from .test_browser import log_in, new_page

pytestmark = pytest.mark.browser


def test_the_moderator_sees_the_findings_on_the_agenda_and_the_item(live_site, taxonomy, browser):
    case = make_case(visibility="public")
    reflection = make_reflection(make_user("ervaringsdeskundige"), case=case, submit=True,
                                 body="Bel bij nood de moeder op 06-12345678.")  # fictional number
    moderator = make_user("moderator")
    meeting = make_meeting(moderator)
    services.add_to_agenda(meeting, reflection)
    context, page = new_page(browser)
    log_in(page, live_site.url, moderator)

    page.goto(live_site.url + meeting.get_absolute_url())
    expect(page.locator("ol.agenda .finding-marker")).to_contain_text("mogelijk herleidbaar gegeven")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("link", name="Bespreken").click()
    expect(page.locator(".findings")).to_contain_text("Let op vóór het besluit")
    expect(page.locator(".findings")).to_contain_text("06-12345678")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_label("Aanvaarden").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("body")).to_contain_text("Aanvaard, maar zo kan het niet gepubliceerd worden")
    context.close()

    # axe-core runs as an injected script: JavaScript on and CSP bypassed for the test only; same phone screen.
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    log_in(page, live_site.url, moderator)
    for path in (meeting.get_absolute_url(), f"{meeting.get_absolute_url()}punt/1/"):
        page.goto(live_site.url + path)
        expect(page.locator(".finding-marker, .findings").first).to_be_visible()
        assert serious_violations(page) == [], path
    context.close()
