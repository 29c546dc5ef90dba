"""The whole learning loop in headless Chromium, with JavaScript switched off and a phone-sized screen:
an ervaringsdeskundige writes a reflection on a case, a moderator puts it on a meeting's agenda, the meeting accepts
it, and it appears on the case page."""

import pytest
from django.core import mail

from tests.factories import make_case, make_user
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "geheim-wachtwoord-123"
PHONE = {"width": 390, "height": 844}


def new_page(browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False, viewport=PHONE)
    return context, context.new_page()


def log_in(page, base_url, user):
    page.goto(base_url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_reflection_goes_from_writer_through_a_meeting_to_the_case_page(live_site, taxonomy, browser):
    case = make_case(visibility="public", title="Jongere zonder plek na de jeugdzorg")
    writer = make_user("ervaringsdeskundige")
    moderator = make_user("moderator")
    base = live_site.url

    # 1. The ervaringsdeskundige writes, saves a draft, comes back, and sends it.
    context, page = new_page(browser)
    log_in(page, base, writer)
    page.goto(base + case.url)
    page.get_by_role("link", name="Schrijf een reflectie").click()
    expect(page.get_by_role("heading", name="Jouw reflectie")).to_be_visible()
    page.get_by_label("Jouw verhaal").fill("Niemand vroeg wat ik wilde na mijn 18e. Toen kwam er één vast gezicht.")
    page.get_by_label("Met een naam die ik zelf kies").check()
    page.get_by_label("Jouw gekozen naam").fill("Jongere uit het noorden")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator("body")).to_contain_text("Alleen jij kunt dit zien")
    page.get_by_role("link", name="Verder schrijven").click()
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("body")).to_contain_text("Je verhaal is verstuurd")
    expect(page.locator("main")).to_contain_text("Ingediend")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()

    # 2. The moderator plans a meeting, puts the reflection on the agenda, walks through it and closes the meeting.
    context, page = new_page(browser)
    log_in(page, base, moderator)
    page.goto(base + "/leren/bijeenkomsten/")
    page.get_by_role("link", name="Nieuwe bijeenkomst").click()
    page.get_by_label("Titel").fill("Netwerkbijeenkomst Noord, maart")
    page.get_by_label("Datum").fill("2026-03-12")
    page.get_by_label("Deelnemers").fill("Expertteam Noord\nErvaringsdeskundige (jongere)")
    page.get_by_role("button", name="Aanmaken").click()
    page.get_by_role("button", name="Op de agenda", exact=True).click()
    agenda = page.locator("ol.agenda")
    expect(agenda).to_contain_text("Niemand vroeg wat ik wilde")
    page.get_by_role("link", name="Bespreken").first.click()
    expect(page.locator("aside")).to_contain_text(case.title)  # the item comes with its case context
    page.get_by_label("Aanvaarden").check()
    page.get_by_label("Verslag en toelichting voor de auteur").fill("Herkenbaar voor alle teams. Dank je wel.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_role("button", name="Bijeenkomst afsluiten").click()
    expect(page.locator("body")).to_contain_text("1 bijdrage gepubliceerd")
    expect(page.locator("body")).to_contain_text("De bijeenkomst is afgesloten")
    page.get_by_role("link", name="Verslag (afdrukbaar)").click()
    expect(page.locator("main")).to_contain_text("Herkenbaar voor alle teams")
    context.close()

    # 3. Anyone reading the case now sees the reflection; the writer was told what happened.
    context, page = new_page(browser)
    page.goto(base + case.url)
    reflections = page.locator("#reflecties")
    assert "Niemand vroeg wat ik wilde na mijn 18e" in reflections.inner_text()
    assert "Jongere uit het noorden" in reflections.inner_text()
    context.close()
    assert any(message.to == [writer.email] and "Wat er met jouw verhaal is gebeurd" in message.subject
               for message in mail.outbox)
