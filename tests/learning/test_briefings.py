"""Briefings per theme, the digest page, the Atom feed and the e-mail: published only, visible cases only."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from casebook.models import TaxonomyTerm
from learning import digest, services
from learning.models import Decision, DigestSubscription
from tests.factories import make_case, make_user

from .conftest import decide, decide_all, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db


@pytest.fixture
def transition_term(db):
    term, _ = TaxonomyTerm.objects.get_or_create(
        vocabulary="problem_areas", slug="overgang-18", defaults={"label_nl": "Overgang naar 18+"}
    )
    return term


@pytest.fixture
def lessons(member, moderator, transition_term):
    """One accepted lesson from a public and a network case, and one lesson that was never published."""
    public = make_case(visibility="public", title="Openbare casus over de overgang")
    network = make_case(visibility="network", title="Netwerkcasus over de overgang")
    accepted = make_lesson(member, statement="Begin een jaar voor de 18e verjaardag met het plan voor daarna.",
                           cases=[public, network], themes=[transition_term], submit=True)
    pending = make_lesson(member, statement="Deze ingediende les is nog niet besproken.", themes=[transition_term],
                          submit=True)
    draft = make_lesson(member, statement="Dit concept is nog privé.", themes=[transition_term])
    declined = make_lesson(member, statement="Deze afgewezen les mag nergens staan.", themes=[transition_term],
                           submit=True)
    meeting = make_meeting(moderator)
    # From a network case: public only because the meeting chose so, with a reason (issue 9, finding 5).
    services.record_decision(services.add_to_agenda(meeting, accepted), Decision.ACCEPT, "Aanvaard.",
                             visibility="public", visibility_reason="Niets uit de netwerkcasus is herkenbaar.")
    decide_all(meeting, [(declined, Decision.DECLINE, "Nee.")], moderator=moderator)
    accepted.refresh_from_db()
    return {"accepted": accepted, "pending": pending, "draft": draft, "declined": declined,
            "public": public, "network": network}


UNPUBLISHED = ("nog niet besproken", "nog privé", "mag nergens staan")


def test_briefing_gathers_accepted_lessons_with_links_to_visible_cases(client, lessons, transition_term):
    url = reverse("learning:briefing", args=["problem_areas", "overgang-18"])
    assert url == "/leren/thema/problem_areas/overgang-18/"
    body = client.get(url).content.decode()
    assert "Wat het netwerk leerde over overgang naar 18+" in body
    assert "Begin een jaar voor de 18e verjaardag" in body
    assert lessons["public"].url in body and lessons["network"].url not in body
    for text in UNPUBLISHED:
        assert text not in body
    client.force_login(make_user("member"))
    assert lessons["network"].url in client.get(url).content.decode()


def test_unknown_theme_is_404(client):
    assert client.get("/leren/thema/problem_areas/bestaat-niet/").status_code == 404
    assert client.get("/leren/thema/geen-vocabulaire/autisme/").status_code == 404


def test_digest_page_shows_what_is_new_and_nothing_unpublished(client, lessons):
    body = client.get(reverse("learning:digest")).content.decode()
    assert "Begin een jaar voor de 18e verjaardag" in body
    for text in UNPUBLISHED:
        assert text not in body
    assert lessons["network"].url not in body


def test_digest_starts_after_the_meeting_before_the_last(member, moderator, lessons):
    later = make_lesson(member, statement="Een latere les uit de derde bijeenkomst.", submit=True)
    decide(make_meeting(moderator), later, Decision.ACCEPT, moderator=moderator)
    since = digest.previous_meeting_cutoff()
    new_lessons, _ = digest.new_since(None, since)
    assert [entry.lesson for entry in new_lessons] == [later]


def test_feed_is_atom_public_cases_only_and_published_only(client, lessons):
    response = client.get(reverse("learning:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Begin een jaar voor de 18e verjaardag" in body
    assert lessons["public"].full_url in body or lessons["public"].url in body
    assert "Netwerkcasus over de overgang" not in body
    for text in UNPUBLISHED:
        assert text not in body


def test_reflections_on_network_cases_stay_out_of_anonymous_digest(client, ervaringsdeskundige, moderator, lessons):
    reflection = make_reflection(ervaringsdeskundige, case=lessons["network"], body="Een reflectie bij een netwerkcasus.",
                                 submit=True)
    decide(make_meeting(moderator), reflection, Decision.ACCEPT, moderator=moderator)
    assert "reflectie bij een netwerkcasus" not in client.get(reverse("learning:digest")).content.decode()
    client.force_login(make_user("member"))
    assert "reflectie bij een netwerkcasus" in client.get(reverse("learning:digest")).content.decode()


def test_subscribe_send_digest_and_unsubscribe_with_one_click(client, lessons):
    reader = make_user("member")
    client.force_login(reader)
    client.post(reverse("learning:subscribe"), {"action": "subscribe"})
    assert DigestSubscription.objects.get(user=reader).active

    call_command("send_digest", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert "Begin een jaar voor de 18e verjaardag" in message.body
    assert lessons["network"].full_url in message.body  # a member may see the network case
    for text in UNPUBLISHED:
        assert text not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    call_command("send_digest", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1  # nothing new since the last one

    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = unsubscribe.split("localhost:8000", 1)[-1]
    anonymous = client.__class__(enforce_csrf_checks=True)
    assert anonymous.get(path).status_code == 200
    assert DigestSubscription.objects.get(user=reader).active  # a GET only asks
    assert anonymous.post(path).status_code == 200  # one click, no session, no CSRF token
    assert not DigestSubscription.objects.get(user=reader).active


def test_tampered_unsubscribe_link_is_refused(client):
    reader = make_user("member")
    DigestSubscription.objects.create(user=reader)
    token = digest.unsubscribe_token(reader)
    other = make_user("member")
    forged = token.replace(str(reader.pk), str(other.pk), 1)
    assert client.post(reverse("learning:unsubscribe", args=[forged + "x"])).status_code == 400
    assert DigestSubscription.objects.get(user=reader).active


def test_learning_home_and_case_page_show_accepted_lessons(client, lessons):
    home = client.get(reverse("learning:home")).content.decode()
    assert "Overgang naar 18+" in home and "Begin een jaar" in home
    case_page = client.get(lessons["public"].url).content.decode()
    assert "Wat het netwerk hiervan leerde" in case_page and "Begin een jaar" in case_page
    for text in UNPUBLISHED:
        assert text not in home and text not in case_page


def test_digest_subscription_is_for_members(client):
    assert client.post(reverse("learning:subscribe")).status_code == 302  # to login
    assert not DigestSubscription.objects.exists()
