"""Finding 7: feeds carry plain text or sanitised HTML only. Whatever a summary or explanation contains, what a feed
reader renders from an entry has no active element, event handler or javascript: address."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from learning.models import Decision
from tests.factories import make_case, make_user
from tests.learning.conftest import decide, make_lesson, make_meeting

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = ('Een jongere wachtte lang. <object data="javascript:alert(1)"></object><embed src="javascript:alert(2)">'
           '<img src=x onerror=alert(3)><script>alert(4)</script><a href="javascript:alert(5)">klik</a>')
SAFE_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote"}


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def rendered_elements(feed_xml):
    """The elements a feed reader would build from each entry's summary/content (type="html" is unescaped once)."""
    root = ElementTree.fromstring(feed_xml)
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("summary", "content", "title"):
            node = entry.find(f"{ATOM}{name}")
            if node is None:
                continue
            if node.get("type") in ("html", "xhtml"):
                parser = Elements()
                parser.feed(node.text or "")
                yield from parser.found


def assert_inert(feed_xml):
    for tag, attrs in rendered_elements(feed_xml):
        assert tag in SAFE_TAGS, tag
        assert not any(name.startswith("on") for name in attrs), attrs
        assert not any("javascript:" in (value or "").lower() for value in attrs.values()), attrs


def test_cases_feed_sends_a_summary_with_markup_as_text(client):
    make_case(summary=PAYLOAD)
    response = client.get(reverse("casebook:cases_feed"))
    assert response.status_code == 200
    assert_inert(response.content)
    assert "Een jongere wachtte lang." in response.content.decode()


def test_lessons_feed_sends_sanitised_html(client, moderator):
    lesson = make_lesson(make_user("member"), explanation=PAYLOAD, statement="Een les met <b>opmaak</b> in de zin.",
                         submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, "Aanvaard.", moderator=moderator)
    response = client.get(reverse("learning:feed"))
    assert response.status_code == 200 and "wachtte lang" in response.content.decode()
    assert_inert(response.content)
