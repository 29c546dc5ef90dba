"""Trial F7: the moderator sees an item's anonymity findings while preparing and discussing it — from the same check
the closing uses — not only after closing; the waiting list is the meeting's region; the printed minutes do not carry
the identifying words."""

import pytest
from django.urls import reverse

from casebook.models import TaxonomyTerm
from learning import services
from learning.models import Decision
from tests.factories import make_case

from .conftest import make_meeting, make_reflection

pytestmark = pytest.mark.django_db

CRISIS = "Bel bij nood de moeder op 06-12345678."  # fictional number: the rules-only check flags it


def _on_agenda(author, moderator, case, body=CRISIS):
    reflection = make_reflection(author, body=body, submit=True, case=case)
    meeting = make_meeting(moderator)
    services.add_to_agenda(meeting, reflection)
    return meeting, reflection


def test_the_item_page_and_the_agenda_show_the_findings_before_any_decision(client, ervaringsdeskundige, moderator,
                                                                            case):
    meeting, _reflection = _on_agenda(ervaringsdeskundige, moderator, case)
    client.force_login(moderator)
    page = client.get(reverse("learning:agenda_item", args=[meeting.pk, 1])).content.decode()
    assert "Let op vóór het besluit" in page and "06-12345678" in page
    assert "Laten bijstellen" in page  # the choice the moderator has, on the same page
    agenda = client.get(meeting.get_absolute_url()).content.decode()
    assert "finding-marker" in agenda and "mogelijk herleidbaar gegeven" in agenda


def test_accepting_an_item_with_findings_says_so_at_once_and_stays_on_the_item(client, ervaringsdeskundige, moderator,
                                                                                case):
    meeting, _reflection = _on_agenda(ervaringsdeskundige, moderator, case)
    client.force_login(moderator)
    url = reverse("learning:agenda_item", args=[meeting.pk, 1])
    response = client.post(url, {"decision": "accept", "minutes": "Mooi verhaal."}, follow=True)
    assert response.redirect_chain[-1][0] == url
    assert "Aanvaard, maar zo kan het niet gepubliceerd worden" in response.content.decode()
    # Choosing 'Laten bijstellen' instead clears the marker: nothing is held back at closing.
    client.post(url, {"decision": "revise", "minutes": "Haal het nummer eruit."})
    assert "finding-marker" not in client.get(meeting.get_absolute_url()).content.decode()
    result = services.close_meeting(meeting, moderator)
    assert result.closed and not result.blocked


def test_the_waiting_list_shows_the_meetings_region_with_a_way_to_see_all(client, ervaringsdeskundige, moderator):
    north = TaxonomyTerm.objects.get(vocabulary="regions", slug="noord")
    other = TaxonomyTerm.objects.filter(vocabulary="regions").exclude(slug="noord").first()
    here = make_reflection(ervaringsdeskundige, case=make_case(region="noord"), body="Hier in het noorden.", submit=True)
    there = make_reflection(ervaringsdeskundige, case=make_case(region=other.slug), body="Elders in het land.",
                            submit=True)
    meeting = make_meeting(moderator)
    meeting.region = north
    meeting.save()
    client.force_login(moderator)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert here.body in page and there.body not in page
    assert "?regio=alle" in page
    everything = client.get(meeting.get_absolute_url() + "?regio=alle").content.decode()
    assert here.body in everything and there.body in everything
    # 'Alles op de agenda' puts what is shown on the agenda: the region's own.
    client.post(reverse("learning:agenda_add", args=[meeting.pk]), {"all": "1"})
    assert [item.reflection for item in meeting.items.all()] == [here]


def test_the_waiting_list_marks_a_contribution_with_findings(client, ervaringsdeskundige, moderator, case):
    make_reflection(ervaringsdeskundige, case=case, body=CRISIS, submit=True)
    meeting = make_meeting(moderator)
    client.force_login(moderator)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "te zien bij het punt, vóór het besluit" in page


def test_the_printable_minutes_name_the_kind_and_field_not_the_words(client, ervaringsdeskundige, moderator, case):
    meeting, _reflection = _on_agenda(ervaringsdeskundige, moderator, case, body="Zij is bereikbaar op 06-12345678.")
    [item] = meeting.items.all()
    services.record_decision(item, Decision.ACCEPT, "Aanvaard.")
    assert services.close_meeting(meeting, moderator).blocked
    client.force_login(moderator)
    minutes = client.get(reverse("learning:meeting_minutes", args=[meeting.pk])).content.decode()
    assert "Niet gepubliceerd" in minutes and "telefoonnummer in het veld 'reflectie'" in minutes
    assert "06-12345678" not in minutes  # neither in the list of findings nor in the quoted summary
    assert "Zij is bereikbaar op [" in minutes
