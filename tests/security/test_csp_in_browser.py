"""The Content-Security-Policy in a real browser: the site's pages and the Wagtail admin load without a single
violation (so the strict policy costs nothing that works), while an injected inline script is refused."""

import pytest
from django.test import Client

from tests.factories import make_case, make_user

pytestmark = pytest.mark.browser


def _violations(browser, base, urls, user=None):
    context = browser.new_context(locale="nl-NL")
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    page = context.new_page()
    found = []
    page.on("console", lambda message: found.append((page.url, message.text))
            if "Content Security Policy" in message.text else None)
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
    context.close()
    return found


def test_site_and_admin_load_without_violations(live_site, taxonomy, browser):
    case = make_case(title="Casus om te lezen", reflection="In mijn eigen woorden.")
    site = ["/", "/casussen/", case.url, "/zoeken/?q=casus", "/leren/", "/verkennen/probleemgebied/", "/inloggen/"]
    assert _violations(browser, live_site.url, site) == []
    editor = make_user("editor")
    assert _violations(browser, live_site.url, site[:3], user=editor) == []  # with the Wagtail user bar
    admin = ["/cms/", f"/cms/pages/{case.pk}/edit/", "/cms/snippets/learning/lesson/", f"/cms/anonimiteit/{case.pk}/"]
    found = _violations(browser, live_site.url, admin, user=editor)
    assert found == [], "\n".join(f"{url}: {text[:300]}" for url, text in found)


def test_an_injected_inline_script_is_refused(live_site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_site.url + "/")
    ran = page.evaluate("""() => {
        window.__ran = false;
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.appendChild(script);
        return window.__ran;
    }""")
    context.close()
    assert ran is False
