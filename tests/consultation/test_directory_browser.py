"""A visitor on a phone with JavaScript switched off finds the expertteam for their municipality in one step."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_find_the_team_on_a_phone_without_javascript(live_site, browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(live_site.url + "/expertteams/")
        assert page.get_by_role("heading", level=1).inner_text() == "Expertteams en expertisecentra"
        page.get_by_label("Gemeente").fill("den bosch")
        page.get_by_role("button", name="Zoek het expertteam").click()
        expect(page.get_by_role("heading", name="Voor gemeente 's-Hertogenbosch")).to_be_visible()
        expect(page.get_by_role("heading", name="Expertteam Noordoost-Brabant")).to_be_visible()
        expect(page.get_by_role("heading", name="Expertisecentrum Brabant en Zeeland")).to_be_visible()
        # A map area is a link to that area's list of regions.
        page.locator('svg a[href="#gebied-limburg"]').click()
        expect(page).to_have_url(re.compile("#gebied-limburg$"))
    finally:
        context.close()


def test_directory_and_result_fit_a_phone_screen(live_site, page_in_browser):
    page = page_in_browser
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_site.url + "/expertteams/?gemeente=Nuenen")
    expect(page.get_by_role("heading", name="Voor gemeente Nuenen, Gerwen en Nederwetten")).to_be_visible()
    # No horizontal scrolling on a phone, map included.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
