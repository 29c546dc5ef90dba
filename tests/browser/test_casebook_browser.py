"""A visitor in headless Chromium: home page → browse → a case, reading its sections."""

import pytest

from tests.factories import make_case
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_browses_from_home_to_a_case_and_reads_it(live_site, page_in_browser):
    case = make_case(
        visibility="public",
        title="Thuiszitter vindt via maatwerk de weg terug naar school",
        problem_areas=["thuiszitten", "autisme"],
        reflection="Eindelijk vroeg iemand wat ik zelf wilde.",
    )
    page = page_in_browser
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(live_site.url + "/")
    assert page.locator("h1").first.inner_text() == "Leren van vastgelopen hulp"

    page.get_by_role("link", name="Per probleemgebied").click()
    page.get_by_role("link", name="Thuiszitten en schoolverzuim").click()
    page.get_by_role("link", name=case.title).click()

    assert page.locator("h1").inner_text() == case.title
    for heading in ("Situatie", "Waar het vastliep", "Wat doorbrak", "Uitkomst"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    reflection = page.locator("#reflection")
    assert "In eigen woorden" in reflection.inner_text()
    assert "Eindelijk vroeg iemand wat ik zelf wilde." in reflection.inner_text()
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
