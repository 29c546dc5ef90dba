"""The leak crawl, per role: every page, feed, API answer and admin screen reachable from the site's entry points
(and one link further), read as each role, never shows what that role may not see. The world it crawls holds the
review's findings: coarsened fields, a case unpublished after an invitation, drafts, an unsent revision, lessons
from non-public cases."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from learning import services
from learning.models import Decision
from tests.factories import make_case, make_user
from tests.learning.conftest import decide, make_lesson, make_meeting, make_reflection

from .conftest import coarsened_case

pytestmark = pytest.mark.django_db

ALWAYS_SECRET = {
    "CONCEPTLES": "someone else's draft lesson",
    "CONCEPTPSEUDONIEM": "someone else's draft reflection",
    "ONVERSTUURD": "an unsent revision",
    "INGETROKKEN": "the story of a case unpublished after an invitation",
}
NETWORK_ONLY = {"NETWERKCASUS": "a network case", "NETWERKLES": "a lesson from a network case"}
RESTRICTED_ONLY = {"BEPERKTECASUS": "a restricted case", "BEPERKTELES": "a lesson from a restricted case"}

ROLES = {
    None: {**ALWAYS_SECRET, **NETWORK_ONLY, **RESTRICTED_ONLY},
    "": {**ALWAYS_SECRET, **NETWORK_ONLY, **RESTRICTED_ONLY},  # signed in, no role yet
    "member": {**ALWAYS_SECRET, **RESTRICTED_ONLY},
    "ervaringsdeskundige": {**ALWAYS_SECRET, **RESTRICTED_ONLY},
    "moderator": ALWAYS_SECRET,
    "editor": ALWAYS_SECRET,
    "admin": ALWAYS_SECRET,
}
MAX_PAGES = 160
SKIP = ("/uitloggen/", "/i18n/", "/static/", "/documenten/", "/wachtwoord-", "/inloggen/")


@pytest.fixture
def world(no_elasticsearch):
    moderator, author = make_user("moderator"), make_user("member")
    network = make_case(visibility="network", title="NETWERKCASUS over een wachtlijst",
                        summary="NETWERKCASUS samenvatting over een wachtlijst en een jongere.")
    restricted = make_case(visibility="restricted", title="BEPERKTECASUS over een gesloten plaatsing",
                           summary="BEPERKTECASUS samenvatting over een gesloten plaatsing van een jongere.")
    public = make_case(title="Openbare casus over een wachtlijst")
    hidden = coarsened_case(title="Kleine groep in een kleine regio", region="limburg", age_band="16-17")

    withdrawn = make_case(title="Casus die later werd ingetrokken", situation="INGETROKKEN verhaal van de familie.")
    invitation, token = services.create_invitation(withdrawn, moderator)
    invited = Client()
    invited.post(invitation.get_url(token))
    withdrawn.unpublish()

    make_lesson(author, statement="CONCEPTLES die alleen de auteur mag zien.", cases=[public])
    make_reflection(make_user("ervaringsdeskundige"), case=public, pseudonym="CONCEPTPSEUDONIEM")
    revised = make_lesson(author, statement="Les zoals de bijeenkomst hem las.", submit=True)
    first = make_meeting(moderator, title="Eerste bijeenkomst")
    decide(first, revised, Decision.REVISE, "Concreter graag.", moderator=moderator)
    revised.statement = "ONVERSTUURD nieuwe tekst van de auteur."
    services.save_draft(revised)

    second = make_meeting(moderator, title="Tweede bijeenkomst")
    from_restricted = make_lesson(author, statement="BEPERKTELES uit een beperkte casus.", cases=[restricted],
                                  submit=True)
    from_network = make_lesson(author, statement="NETWERKLES uit een netwerkcasus.", cases=[network], submit=True)
    for lesson in (from_restricted, from_network):
        services.record_decision(services.add_to_agenda(second, lesson), Decision.ACCEPT, "Aanvaard.")
    services.close_meeting(second, moderator)
    open_meeting = make_meeting(moderator, title="Open bijeenkomst")
    services.add_to_agenda(open_meeting, make_lesson(author, statement="Ingediende les op de agenda.", submit=True))

    return {"cases": [network, restricted, public, hidden, withdrawn], "hidden": hidden,
            "lessons": [revised, from_restricted, from_network], "meetings": [first, second, open_meeting],
            "invited": invited, "invitation": invitation}


def seeds(world):
    urls = ["/", "/casussen/", "/verkennen/probleemgebied/", "/verkennen/regio/", "/verkennen/vastgelopen-op/",
            "/deskundigen/", "/leren/", "/leren/nieuw/", "/leren/nieuw/feed/", "/feeds/casussen/", "/sitemap.xml",
            "/zoeken/?q=casus", "/zoeken/?q=wachtlijst+gesloten+plaatsing", "/api/v1/search?q=casus",
            "/api/v1/search?q=NETWERKCASUS+BEPERKTECASUS", "/api/v1/autocomplete?q=NETWERK",
            "/api/v1/autocomplete?q=BEPERKTE", "/leren/mijn-bijdragen/", "/leren/bijeenkomsten/",
            reverse("learning:invitation_write", args=[world["invitation"].public_id]),
            "/cms/", "/cms/snippets/learning/lesson/", "/cms/snippets/learning/reflection/",
            "/cms/snippets/choose/learning/lesson/", "/cms/snippets/choose/learning/reflection/",
            "/cms/snippets/choose/learning/lesson/results/?q=CONCEPT", "/cms/pages/search/?q=ingetrokken"]
    for case in world["cases"]:
        urls += [case.url or f"/casussen/{case.slug}/", f"/api/v1/cases/{case.external_id}/similar"]
    for lesson in world["lessons"]:
        urls += [lesson.get_url(), f"/cms/snippets/learning/lesson/inspect/{lesson.pk}/",
                 f"/cms/snippets/learning/lesson/history/{lesson.pk}/"]
    for meeting in world["meetings"]:
        urls += [f"/leren/bijeenkomsten/{meeting.pk}/", f"/leren/bijeenkomsten/{meeting.pk}/verslag/",
                 f"/leren/bijeenkomsten/{meeting.pk}/punt/1/"]
    return urls


LINK = re.compile(r'href="(/[^"#]*)"')


def crawl(client, start):
    seen, queue, bodies = set(), list(start), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0).replace("&amp;", "&")
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        body = response.content.decode(errors="replace")
        bodies[url] = body
        if url in start and response.get("Content-Type", "").startswith("text/html"):
            queue += [link for link in LINK.findall(body) if not link.startswith("/cms/")]  # one link further
    return bodies


@pytest.mark.parametrize("role", list(ROLES), ids=[str(r) for r in ROLES])
def test_no_role_sees_more_than_it_may(world, role):
    client = Client()
    if role is not None:
        client.force_login(make_user(role or None))
    bodies = crawl(client, seeds(world))
    assert len(bodies) > 40
    leaks = [f"{url}: {what}" for url, body in bodies.items() for secret, what in ROLES[role].items()
             if secret in body]
    assert leaks == []


@pytest.mark.parametrize("role", [None, "member", "editor"])
def test_hidden_region_and_age_band_leave_no_trace(world, role):
    client = Client()
    if role:
        client.force_login(make_user(role))
    title = world["hidden"].title
    for url in ("/casussen/?region=limburg", "/casussen/?age_band=16-17", "/verkennen/regio/limburg/",
                "/zoeken/?region=limburg", "/zoeken/?age_band=16-17"):
        assert title not in client.get(url).content.decode(), url
    for params in ({"region": "limburg"}, {"age_band": "16-17"}):
        assert client.get("/api/v1/search", params).json()["total"] == 0
    facets = client.get("/api/v1/search", {"q": "kleine regio"}).json()["facets"]
    assert facets["region"] == [] and facets["age_band"] == []
    listing = client.get("/casussen/").content.decode()
    card = listing[listing.index(title):]
    meta = re.search(r'<p class="meta">(.*?)</p>', card[:card.index("</article>")], re.S).group(1)
    assert "Limburg" not in meta and "16-17" not in meta and "16 tot 18" not in meta


def test_the_invited_person_no_longer_sees_the_withdrawn_case(world):
    url = reverse("learning:invitation_write", args=[world["invitation"].public_id])
    assert "INGETROKKEN" not in world["invited"].get(url).content.decode()


def test_export_holds_no_draft_or_withdrawn_text(world):
    out = StringIO()
    call_command("export_cases", "-", stdout=out)
    assert "INGETROKKEN" not in out.getvalue()
    assert '"visibility": "restricted"' in out.getvalue()
