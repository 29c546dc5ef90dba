"""Every page type, as a visitor and as a signed-in member, on a phone and on a desktop: axe-core finds no serious
or critical WCAG 2.1 AA violation."""

import pytest

from casebook.models import ExpertIndexPage, ExpertProfilePage
from tests.factories import make_case, make_user

from .axe import serious_violations

pytestmark = pytest.mark.browser

VISITOR_PAGES = [
    "/",
    "/casussen/",
    "/casussen/?problem_areas=autisme",
    "{case}",
    "/zoeken/?q=wachtlijst+autisme",
    "/zoeken/?q=wachtljist",
    "/verkennen/probleemgebied/",
    "/verkennen/probleemgebied/autisme/",
    "/deskundigen/",
    "{expert}",
    "/leren/",
    "/leren/nieuw/",
    "/expertteams/",
    "/signalering/",
    "/signalering/?regio=noord&jaar=2023",
    "/signalering/rapport/noord/2023/",
    "/inloggen/",
    "/wachtwoord-vergeten/",
    "/bestaat-niet/",
]
MEMBER_PAGES = [
    "/leren/lessen/nieuw/",
    "/leren/reflecties/nieuw/",
    "/leren/mijn-bijdragen/",
    "/leren/bijeenkomsten/",
    "/consultatie/",
    "/consultatie/nieuw/",
    "/signalering/rapport/noord/2023/",
]


@pytest.fixture
def axe_page(browser):
    # axe is injected as a script: the site's CSP (script-src 'self') rightly refuses it unless bypassed for the test.
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def content(live_site):
    case = make_case(
        visibility="public",
        title="Een jongen met autisme op de wachtlijst voor een logeerplek",
        problem_areas=["autisme"],
        stuck_reasons=["wachtlijst"],
        reflection="Ik wilde gewoon dat iemand naar me luisterde.",
    )
    profile = ExpertIndexPage.objects.get().add_child(instance=ExpertProfilePage(
        title="Noor V.", slug="noor-v", job_title="Gedragswetenschapper",
        bio="Ik denk graag mee over **thuiszitters** en autisme."))
    profile.save_revision().publish()
    return {"case": case.url, "expert": profile.url}


def _check(page, base, paths, content):
    failures = {}
    for path in paths:
        page.goto(base + path.format(**content))
        found = serious_violations(page)
        if found:
            failures[path] = found
    return failures


@pytest.mark.parametrize("width", [390, 1280])
def test_visitor_pages_have_no_serious_violations(live_site, axe_page, content, width):
    axe_page.set_viewport_size({"width": width, "height": 900})
    assert _check(axe_page, live_site.url, VISITOR_PAGES, content) == {}


def test_member_pages_have_no_serious_violations(live_site, axe_page, content):
    user = make_user("member", password="een-lang-wachtwoord-42")
    page = axe_page
    page.goto(live_site.url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    assert _check(page, live_site.url, MEMBER_PAGES, content) == {}
